// One timeline per provider or organization: activities, tasks, issues, spend and record changes,
// newest first. Each source is read with the same limit and merged, so a page is exact.

import type { Kysely } from 'kysely';
import { changeText } from '../../../core/crm/changeText';
import type { DB } from '../../schema';
import { listActivities } from './activities';
import { listIssues } from './issues';
import { listTasks } from './tasks';

export type TimelineItem = {
  kind: 'activity' | 'task' | 'issue' | 'spend' | 'change';
  id: string;
  at: string;
  title: string;
  detail: string;
  actor: string | null;
  ref: { entity: string; id: string | number };
  data: Record<string, unknown>;
};

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();

async function changes(db: Kysely<DB>, targets: { entity: string; ids: string[] }[], limit: number) {
  const out: TimelineItem[] = [];
  for (const t of targets) {
    if (!t.ids.length) continue;
    const rows = await db
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor_label', 'action', 'entity', 'entity_id', 'detail'])
      .where('entity', '=', t.entity)
      .where('entity_id', 'in', t.ids)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    for (const r of rows) {
      const d = (r.detail ?? {}) as { before?: Record<string, unknown>; after?: Record<string, unknown> };
      const what = changeText(d.before, d.after);
      out.push({
        kind: 'change',
        id: `audit-${r.id}`,
        at: iso(r.at),
        title: `${r.entity} ${r.action}`,
        detail: r.action === 'create' ? 'created' : what || r.action,
        actor: r.actor_label,
        ref: { entity: r.entity!, id: r.entity_id! },
        data: { before: d.before ?? null, after: d.after ?? null },
      });
    }
  }
  return out;
}

async function common(
  db: Kysely<DB>,
  by: { providerNpi?: string; organizationId?: number },
  limit: number,
): Promise<TimelineItem[]> {
  const acts = await listActivities(db, { ...by, limit });
  const tasks = await listTasks(db, { ...by, limit });
  const issues = await listIssues(db, { ...by, limit });
  return [
    ...acts.map((a) => ({
      kind: 'activity' as const,
      id: `activity-${a.id}`,
      at: iso(a.occurred_at),
      title: `${a.type.replace(/_/g, ' ')}${a.subject ? `: ${a.subject}` : ''}`,
      detail: a.notes.slice(0, 500),
      actor: a.owner_name,
      ref: { entity: 'activity', id: a.id },
      data: {
        outcome: a.outcome,
        attendees: a.attendees,
        topics: a.topics,
        version: a.version,
        owner_id: a.owner_id,
      },
    })),
    ...tasks.map((t) => ({
      kind: 'task' as const,
      id: `task-${t.id}`,
      at: iso(t.created_at),
      title: `task: ${t.title}`,
      detail: `${t.status}${t.due_on ? `, due ${t.due_on}` : ''}${t.overdue ? ` (overdue ${t.daysOverdue} d)` : ''}`,
      actor: t.owner_name,
      ref: { entity: 'task', id: t.id },
      data: { status: t.status, due_on: t.due_on, overdue: t.overdue },
    })),
    ...issues.map((i) => ({
      kind: 'issue' as const,
      id: `issue-${i.id}`,
      at: iso(`${i.opened_on}T00:00:00Z`),
      title: `${i.category} issue: ${i.title}`,
      detail: `${i.status}, ${i.days_open} days${i.status === 'resolved' ? ` to resolve: ${i.resolution ?? ''}` : ' open'}`,
      actor: i.owner_name,
      ref: { entity: 'physician_issue', id: i.id },
      data: { status: i.status, days_open: i.days_open, bucket: i.bucket },
    })),
  ];
}

const finish = (items: TimelineItem[], limit: number, before?: string) =>
  items
    .filter((i) => !before || i.at < before)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, limit);

export async function providerTimeline(
  db: Kysely<DB>,
  npi: string,
  opts: { limit?: number; before?: string } = {},
) {
  const limit = opts.limit ?? 50;
  const items = await common(db, { providerNpi: npi }, limit + 50);
  const spend = await db
    .selectFrom('spend_entries')
    .selectAll()
    .where('provider_npi', '=', npi)
    .where('deleted_at', 'is', null)
    .orderBy('spent_on', 'desc')
    .limit(limit)
    .execute();
  for (const s of spend)
    items.push({
      kind: 'spend',
      id: `spend-${s.id}`,
      at: iso(`${s.spent_on}T00:00:00Z`),
      title: `spend: ${s.category} $${Number(s.amount_usd).toFixed(2)}`,
      detail: s.description,
      actor: null,
      ref: { entity: 'spend_entry', id: s.id },
      data: { amount_usd: Number(s.amount_usd) },
    });
  items.push(...(await changes(db, [{ entity: 'provider_relationship', ids: [npi] }], limit)));
  const nppes = await db
    .selectFrom('provider_changes')
    .select(['id', 'at', 'changes'])
    .where('npi', '=', npi)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  for (const c of nppes)
    items.push({
      kind: 'change',
      id: `nppes-${c.id}`,
      at: iso(c.at),
      title: 'NPPES record changed',
      detail: `changed ${Object.keys((c.changes ?? {}) as object).join(', ')}`,
      actor: 'NPPES import',
      ref: { entity: 'provider', id: npi },
      data: { changes: c.changes },
    });
  return finish(items, limit, opts.before);
}

export async function organizationTimeline(
  db: Kysely<DB>,
  id: number,
  opts: { limit?: number; before?: string } = {},
) {
  const limit = opts.limit ?? 50;
  const items = await common(db, { organizationId: id }, limit + 50);
  const contacts = await db.selectFrom('contacts').select('id').where('organization_id', '=', id).execute();
  const locations = await db.selectFrom('locations').select('id').where('organization_id', '=', id).execute();
  items.push(
    ...(await changes(
      db,
      [
        { entity: 'organization', ids: [String(id)] },
        { entity: 'contact', ids: contacts.map((c) => String(c.id)) },
        { entity: 'location', ids: locations.map((l) => String(l.id)) },
      ],
      limit,
    )),
  );
  return finish(items, limit, opts.before);
}
