// Who is in a user's team (for "managers see their team's") and owner lookups for permissions.
import type { Kysely } from 'kysely';
import type { ListScope } from '../../../core/crm/permissions';
import type { DB } from '../../schema';

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
