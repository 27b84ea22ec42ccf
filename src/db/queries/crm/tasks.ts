// Task lists with overdue computed against today (so the badge and the filter agree).
import { type Kysely, sql } from 'kysely';
import { taskOverdue } from '../../../core/crm/tasks';
import { casedComposedName } from '../../../core/directory/personName';
import type { DB } from '../../schema';
import { personNameSql } from '../personNameSql';

export type TaskFilter = {
  ownerIds?: number[] | null;
  status?: string[];
  overdue?: boolean;
  providerNpi?: string;
  organizationId?: number;
  activityId?: number;
  dueBefore?: string;
  q?: string;
  deleted?: boolean;
  limit?: number;
  offset?: number;
  today?: string;
};

export async function listTasks(db: Kysely<DB>, f: TaskFilter) {
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  let q = db
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .leftJoin('providers as p', 'p.npi', 't.provider_npi')
    .leftJoin('organizations as o', 'o.id', 't.organization_id')
    .select([
      't.id',
      't.title',
      't.description',
      't.owner_id',
      'u.name as owner_name',
      't.due_on',
      't.status',
      't.completed_at',
      't.provider_npi',
      personNameSql('p').as('provider_name'),
      't.organization_id',
      'o.name as organization_name',
      't.activity_id',
      't.issue_id',
      't.version',
      't.created_at',
      't.updated_at',
      't.deleted_at',
    ])
    .where('t.deleted_at', f.deleted ? 'is not' : 'is', null);
  if (f.ownerIds) q = q.where('t.owner_id', 'in', f.ownerIds.length ? f.ownerIds : [-1]);
  if (f.status?.length) q = q.where('t.status', 'in', f.status);
  if (f.overdue) q = q.where('t.status', 'in', ['open', 'in_progress']).where('t.due_on', '<', today);
  if (f.providerNpi) q = q.where('t.provider_npi', '=', f.providerNpi);
  if (f.organizationId) q = q.where('t.organization_id', '=', f.organizationId);
  if (f.activityId) q = q.where('t.activity_id', '=', f.activityId);
  if (f.dueBefore) q = q.where('t.due_on', '<=', f.dueBefore);
  if (f.q) q = q.where(sql<boolean>`t.search @@ websearch_to_tsquery('english', ${f.q})`);
  const rows = await q
    .orderBy(sql`t.due_on asc nulls last`)
    .orderBy('t.id')
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    ...r,
    provider_name: casedComposedName(r.provider_name),
    ...taskOverdue({ status: r.status, dueOn: r.due_on }, today),
  }));
}
