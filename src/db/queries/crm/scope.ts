// Who is in a user's team (for "managers see their team's") and owner lookups for permissions.
import type { Kysely } from 'kysely';
import type { ListScope } from '../../../core/crm/permissions';
import type { DB } from '../../schema';
import type { Role } from '../../tables/foundation';

/** The user ids a list is limited to for a scope: 'mine' → [me], 'team' → me + my reports, 'all' → null. */
export async function ownerIdsForScope(
  db: Kysely<DB>,
  userId: number | null,
  scope: ListScope,
): Promise<number[] | null> {
  if (scope === 'all' || userId === null) return null;
  if (scope === 'mine') return [userId];
  const reports = await db.selectFrom('users').select('id').where('manager_id', '=', userId).execute();
  return [userId, ...reports.map((r) => r.id)];
}

export async function managerOf(db: Kysely<DB>, userId: number | null): Promise<number | null> {
  if (userId === null) return null;
  const u = await db.selectFrom('users').select('manager_id').where('id', '=', userId).executeTakeFirst();
  return u?.manager_id ?? null;
}

export async function userExists(db: Kysely<DB>, id: number): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
}

/**
 * Territory scoping: whose owned records (activities, tasks, physician issues) a user may read.
 * null = everyone's (admins, managers, analysts). A liaison: their own and those of the people who
 * share one of their (live) territories — never another territory's, whatever id they ask for.
 */
export async function readableOwnerIds(
  db: Kysely<DB>,
  userId: number | null,
  role: Role,
): Promise<number[] | null> {
  if (role !== 'liaison') return null;
  if (userId === null) return [];
  const colleagues = await db
    .selectFrom('territory_assignments as mine')
    .innerJoin('territories as t', 't.id', 'mine.territory_id')
    .innerJoin('territory_assignments as other', 'other.territory_id', 'mine.territory_id')
    .select('other.user_id')
    .distinct()
    .where('mine.user_id', '=', userId)
    .where('t.deleted_at', 'is', null)
    .execute();
  return [userId, ...colleagues.map((c) => c.user_id).filter((id) => id !== userId)];
}
