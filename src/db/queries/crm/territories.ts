import type { Kysely } from 'kysely';
import type { DB } from '../../schema';

export async function listTerritories(db: Kysely<DB>, opts: { userId?: number; deleted?: boolean } = {}) {
  let q = db
    .selectFrom('territories as t')
    .select([
      't.id',
      't.name',
      't.description',
      't.zips',
      't.counties',
      't.version',
      't.updated_at',
      't.deleted_at',
    ])
    .where('t.deleted_at', opts.deleted ? 'is not' : 'is', null);
  if (opts.userId !== undefined)
    q = q.where('t.id', 'in', (eb) =>
      eb.selectFrom('territory_assignments').select('territory_id').where('user_id', '=', opts.userId!),
    );
  const rows = await q.orderBy('t.name').execute();
  const ids = rows.map((r) => r.id);
  const assigned = ids.length
    ? await db
        .selectFrom('territory_assignments as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.territory_id', 'u.id', 'u.name', 'u.email'])
        .where('a.territory_id', 'in', ids)
        .orderBy('u.name')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    assignees: assigned.filter((a) => a.territory_id === r.id).map(({ territory_id: _t, ...u }) => u),
  }));
}

export async function getTerritory(db: Kysely<DB>, id: number) {
  const all = await db.selectFrom('territories').select('deleted_at').where('id', '=', id).executeTakeFirst();
  if (!all) return undefined;
  return (await listTerritories(db, { deleted: !!all.deleted_at })).find((t) => t.id === id);
}
