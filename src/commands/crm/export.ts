// Export any CRM list to CSV or XLSX. Every export is audited (who, which list, filters, rows).
import type { Kysely } from 'kysely';
import { listActivities } from '../../db/queries/crm/activities';
import { listContacts } from '../../db/queries/crm/contacts';
import { listIssues } from '../../db/queries/crm/issues';
import { listRelationships } from '../../db/queries/crm/relationships';
import { listSpend } from '../../db/queries/crm/spend';
import { listTasks } from '../../db/queries/crm/tasks';
import { listTerritories } from '../../db/queries/crm/territories';
import type { DB } from '../../db/schema';
import { auditedExport, type ExportFormat } from '../exportFile';
import type { Actor } from './errors';

export const EXPORT_LISTS = [
  'activities',
  'tasks',
  'issues',
  'contacts',
  'spend',
  'relationships',
  'territories',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export type { ExportFormat };

type Col = [header: string, get: (r: Record<string, unknown>) => unknown];
const v = (k: string) => (r: Record<string, unknown>) => r[k];
const when = (k: string) => (r: Record<string, unknown>) =>
  r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k];
const joined = (k: string) => (r: Record<string, unknown>) =>
  ((r[k] as string[] | undefined) ?? []).join(';');

const COLUMNS: Record<ExportList, Col[]> = {
  activities: [
    ['id', v('id')],
    ['type', v('type')],
    ['occurred_at', when('occurred_at')],
    ['duration_min', v('duration_minutes')],
    ['owner', v('owner_name')],
    ['organization', v('organization_name')],
    ['attendees', (r) => (r.attendees as { name: string }[]).map((a) => a.name).join('; ')],
    [
      'provider_npis',
      (r) => (r.attendees as { npi: string | null }[]).flatMap((a) => (a.npi ? [a.npi] : [])).join(';'),
    ],
    ['service_lines', joined('topics')],
    ['outcome', v('outcome')],
    ['subject', v('subject')],
    ['notes', v('notes')],
  ],
  tasks: [
    ['id', v('id')],
    ['title', v('title')],
    ['owner', v('owner_name')],
    ['due_date', v('due_on')],
    ['status', v('status')],
    ['overdue', (r) => (r.overdue ? 'yes' : 'no')],
    ['days_overdue', v('daysOverdue')],
    ['provider_npi', v('provider_npi')],
    ['provider', v('provider_name')],
    ['organization', v('organization_name')],
    ['activity_id', v('activity_id')],
  ],
  issues: [
    ['id', v('id')],
    ['category', v('category')],
    ['title', v('title')],
    ['status', v('status')],
    ['opened_on', v('opened_on')],
    ['resolved_on', v('resolved_on')],
    ['days_open', v('days_open')],
    ['aging_bucket', v('bucket')],
    ['owner', v('owner_name')],
    ['provider_npi', v('provider_npi')],
    ['provider', v('provider_name')],
    ['organization', v('organization_name')],
    ['resolution', v('resolution')],
  ],
  contacts: [
    ['id', v('id')],
    ['first_name', v('first_name')],
    ['last_name', v('last_name')],
    ['role', v('role')],
    ['organization', v('organization_name')],
    ['phone', v('phone')],
    ['email', v('email')],
    ['preferred_contact', v('preferred_contact')],
    ['notes', v('notes')],
  ],
  spend: [
    ['id', v('id')],
    ['provider_npi', v('provider_npi')],
    ['date', v('spent_on')],
    ['category', v('category')],
    ['amount_usd', (r) => Number(r.amount_usd).toFixed(2)],
    ['description', v('description')],
    ['recorded_by', v('recorded_by')],
  ],
  relationships: [
    ['provider_npi', v('npi')],
    ['name', v('name')],
    ['service_line', v('primary_service_line')],
    ['city', v('practice_city')],
    ['zip', v('practice_zip5')],
    ['tier', v('tier')],
    ['visit_frequency', v('visit_frequency')],
    ['owner', v('owner_name')],
    ['tags', joined('tags')],
    ['last_visit', (r) => (r.visit as { lastVisit: string | null }).lastVisit],
    ['overdue', (r) => ((r.visit as { overdue: boolean }).overdue ? 'yes' : 'no')],
    ['days_overdue', (r) => (r.visit as { daysOverdue: number | null }).daysOverdue],
  ],
  territories: [
    ['id', v('id')],
    ['name', v('name')],
    ['assignees', (r) => (r.assignees as { email: string }[]).map((a) => a.email).join(';')],
    ['zips', joined('zips')],
    ['counties', joined('counties')],
  ],
};

export type ExportFilters = Record<string, unknown> & { ownerIds?: number[] | null };
const MAX_EXPORT_ROWS = 100_000;

async function rowsOf(
  db: Kysely<DB>,
  list: ExportList,
  f: ExportFilters,
): Promise<Record<string, unknown>[]> {
  const all = { ...f, limit: MAX_EXPORT_ROWS };
  switch (list) {
    case 'activities':
      return listActivities(db, all);
    case 'tasks':
      return listTasks(db, all);
    case 'issues':
      return listIssues(db, all);
    case 'contacts':
      return listContacts(db, all);
    case 'spend':
      return listSpend(db, all);
    case 'relationships':
      return listRelationships(db, all);
    case 'territories':
      return listTerritories(db);
  }
}

export async function exportList(
  db: Kysely<DB>,
  actor: Actor,
  list: ExportList,
  format: ExportFormat,
  filters: ExportFilters = {},
): Promise<{ fileName: string; contentType: string; body: Buffer; rows: number }> {
  const rows = await rowsOf(db, list, filters);
  return auditedExport(db, actor, { name: list, format, columns: COLUMNS[list], rows, filters });
}
