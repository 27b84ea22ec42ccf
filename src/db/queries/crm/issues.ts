// Physician-issue lists with days open and the aging view (counts per bucket, with the ids).
import { type Kysely, sql } from 'kysely';
import { agingBucket, agingSummary, daysOpen } from '../../../core/crm/issueAging';
import { casedComposedName } from '../../../core/directory/personName';
import type { DB } from '../../schema';
import { personNameSql } from '../personNameSql';

export type IssueFilter = {
  id?: number;
  ownerIds?: number[] | null;
  status?: string[];
  category?: string[];
  providerNpi?: string;
  organizationId?: number;
  bucket?: string;
  q?: string;
  deleted?: boolean;
  limit?: number;
  offset?: number;
  today?: string;
};

export async function listIssues(db: Kysely<DB>, f: IssueFilter) {
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  let q = db
    .selectFrom('physician_issues as i')
    .leftJoin('users as u', 'u.id', 'i.owner_id')
    .leftJoin('providers as p', 'p.npi', 'i.provider_npi')
    .leftJoin('organizations as o', 'o.id', 'i.organization_id')
    .select([
      'i.id',
      'i.provider_npi',
      personNameSql('p').as('provider_name'),
      'i.organization_id',
      'o.name as organization_name',
      'i.category',
      'i.title',
      'i.description',
      'i.status',
      'i.opened_on',
      'i.resolved_on',
      'i.resolution',
      'i.reported_by',
      'i.owner_id',
      'u.name as owner_name',
      'i.activity_id',
      'i.version',
      'i.created_at',
      'i.updated_at',
      'i.deleted_at',
    ])
    .$if(f.id === undefined, (qb) => qb.where('i.deleted_at', f.deleted ? 'is not' : 'is', null));
  if (f.id !== undefined) q = q.where('i.id', '=', f.id);
  if (f.ownerIds) q = q.where('i.owner_id', 'in', f.ownerIds.length ? f.ownerIds : [-1]);
  if (f.status?.length) q = q.where('i.status', 'in', f.status);
  if (f.category?.length) q = q.where('i.category', 'in', f.category);
  if (f.providerNpi) q = q.where('i.provider_npi', '=', f.providerNpi);
  if (f.organizationId) q = q.where('i.organization_id', '=', f.organizationId);
  if (f.q) q = q.where(sql<boolean>`i.search @@ websearch_to_tsquery('english', ${f.q})`);
  const rows = (await q.orderBy('i.opened_on').orderBy('i.id').limit(5000).execute()).map((r) => {
    const days = daysOpen(r.opened_on, r.resolved_on, today);
    return {
      ...r,
      provider_name: casedComposedName(r.provider_name),
      days_open: days,
      bucket: agingBucket(days),
    };
  });
  const filtered = f.bucket ? rows.filter((r) => r.bucket === f.bucket && r.status !== 'resolved') : rows;
  return filtered.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? 100));
}

export async function issueAging(db: Kysely<DB>, f: Omit<IssueFilter, 'bucket' | 'limit' | 'offset'>) {
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  const open = await listIssues(db, { ...f, status: ['open', 'in_progress'], limit: 5000 });
  return {
    today,
    buckets: agingSummary(
      open.map((i) => ({ id: i.id, openedOn: i.opened_on, status: i.status })),
      today,
    ),
  };
}
