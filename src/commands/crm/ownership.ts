// Edit rights on owned records (activities, tasks, issues, contacts, spend): see core/crm/permissions.
import type { Kysely } from 'kysely';
import { canEditOwned } from '../../core/crm/permissions';
import { managerOf, userExists } from '../../db/queries/crm/scope';
import type { DB } from '../../db/schema';
import { type Actor, CrmError } from './errors';

export function requireEditOwned(db: Kysely<DB>, actor: Actor, what: string) {
  return async (row: Record<string, unknown>) => {
    const ownerId = (row.owner_id as number | null) ?? (row.created_by as number | null) ?? null;
    const ok = canEditOwned(
      { id: actor.id, role: actor.role },
      { ownerId, ownerManagerId: await managerOf(db, ownerId) },
    );
    if (!ok)
      throw new CrmError(`${what} belongs to someone else; your ${actor.role} role may only read it`, 403);
  };
}

/** Owner for a new record: yourself by default, or any existing user (a follow-up may be assigned to a colleague). */
export async function resolveOwner(db: Kysely<DB>, actor: Actor, ownerId: number | null | undefined) {
  if (ownerId === undefined || ownerId === actor.id) return actor.id;
  if (ownerId === null) return null;
  if (!(await userExists(db, ownerId))) throw new CrmError(`ownerId: no user ${ownerId}`, 400);
  return ownerId;
}
