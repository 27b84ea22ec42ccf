// Territories: sets of ZIPs and county FIPS codes, assigned to liaisons. Managers and admins edit.
import type { Kysely } from 'kysely';
import { normalizeArea } from '../../core/crm/territory';
import { recordAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { type Actor, CrmError } from './errors';
import { createVersioned, inTransaction, type Spec, setDeleted, updateVersioned } from './versioned';

export const TERRITORY: Spec = { table: 'territories', entity: 'territory' };

export type TerritoryInput = {
  name: string;
  description?: string;
  zips?: string[];
  counties?: string[];
  assigneeIds?: number[];
};

function area(t: { zips?: string[]; counties?: string[] }) {
  const a = normalizeArea(t);
  if (a.rejected.length)
    throw new CrmError(
      `zips/counties: not a 5-digit ZIP or county FIPS: ${a.rejected.slice(0, 10).join(', ')}`,
      400,
    );
  return a;
}

async function assign(db: Kysely<DB>, actor: Actor, id: number, userIds: number[]) {
  const ids = [...new Set(userIds)];
  if (ids.length) {
    const found = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
    const missing = ids.filter((i) => !found.some((f) => f.id === i));
    if (missing.length) throw new CrmError(`assigneeIds: no user ${missing.join(', ')}`, 400);
  }
  const before = await db
    .selectFrom('territory_assignments')
    .select('user_id')
    .where('territory_id', '=', id)
    .execute();
  await db.deleteFrom('territory_assignments').where('territory_id', '=', id).execute();
  if (ids.length)
    await db
      .insertInto('territory_assignments')
      .values(ids.map((u) => ({ territory_id: id, user_id: u })))
      .execute();
  await recordAudit(db, {
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: 'assign',
    entity: TERRITORY.entity,
    entityId: id,
    ip: actor.ip,
    detail: { before: { assigneeIds: before.map((b) => b.user_id) }, after: { assigneeIds: ids } },
  });
}

export async function createTerritory(db: Kysely<DB>, actor: Actor, t: TerritoryInput) {
  const a = area(t);
  return inTransaction(db, async (trx) => {
    const row = await createVersioned(trx, actor, TERRITORY, {
      name: t.name,
      description: t.description ?? '',
      zips: a.zips,
      counties: a.counties,
      created_by: actor.id,
    });
    if (t.assigneeIds?.length) await assign(trx, actor, row.id as number, t.assigneeIds);
    return row;
  });
}

export async function updateTerritory(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: Partial<TerritoryInput>,
) {
  return inTransaction(db, async (trx) => {
    const patch: Record<string, unknown> = {};
    if (p.name !== undefined) patch.name = p.name;
    if (p.description !== undefined) patch.description = p.description;
    if (p.zips !== undefined || p.counties !== undefined) {
      const a = area({ zips: p.zips ?? [], counties: p.counties ?? [] });
      if (p.zips !== undefined) patch.zips = a.zips;
      if (p.counties !== undefined) patch.counties = a.counties;
    }
    const row = await updateVersioned(trx, actor, TERRITORY, id, version, patch);
    if (p.assigneeIds !== undefined) await assign(trx, actor, id, p.assigneeIds);
    return row;
  });
}

export function deleteTerritory(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  deleted: boolean,
  version?: number,
) {
  return inTransaction(db, (trx) => setDeleted(trx, actor, TERRITORY, id, deleted, version));
}
