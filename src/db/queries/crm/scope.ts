// Who is in a user's team (for "managers see their team's") and owner lookups for permissions.
import { type Kysely, sql } from 'kysely';
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
 * null = everyone's. Admins, managers and analysts read everything; a liaison reads everyone's
 * except the records of people who work in a territory the liaison is not in (another territory's
 * records), whatever id they ask for. Owners without a territory are nobody else's territory.
 */
export async function readableOwnerIds(
  db: Kysely<DB>,
  userId: number | null,
  role: Role,
): Promise<number[] | null> {
  if (role !== 'liaison') return null;
  if (userId === null) return [];
  const users = (
    await sql<{ id: number; readable: boolean }>`
      select u.id, (
        u.id = ${userId}
        or not exists (select 1 from territory_assignments ta join territories t on t.id = ta.territory_id
                       where ta.user_id = u.id and t.deleted_at is null)
        or exists (select 1 from territory_assignments ta join territories t on t.id = ta.territory_id
                   join territory_assignments mine on mine.territory_id = ta.territory_id
                   where ta.user_id = u.id and mine.user_id = ${userId} and t.deleted_at is null)
      ) as readable
      from users u`.execute(db)
  ).rows;
  const readable = users.filter((u) => u.readable).map((u) => u.id);
  return readable.length === users.length ? null : readable;
}
