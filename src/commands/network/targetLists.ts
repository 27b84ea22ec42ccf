// Target lists / campaigns: a saved, filtered, scored set of physicians with an owner, a goal and
// progress (members visited in person since the list was made, or marked won).
import { type Kysely, sql } from 'kysely';
import { personName } from '../../core/directory/personName';
import { targetListAssigned } from '../../core/notifications';
import { recordAudit } from '../../db/audit';
import { visitedSinceOf } from '../../db/queries/crm/lastVisit';
import type { DB } from '../../db/schema';
import { actorName, notify } from '../notifications';
import { NetworkError } from './errors';
import {
  type Actor,
  checkWeights,
  getTargetWeights,
  scoreInPool,
  scoreTargets,
  type TargetQuery,
} from './targets';

export type TargetListFilter = TargetQuery & {
  liaisonUserId?: number;
  minScore?: number;
  limit: number;
};

export async function createTargetList(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    name: string;
    goal?: string;
    ownerId?: number | null;
    dueOn?: string | null;
    filter: TargetListFilter;
    weights?: Record<string, number>;
  },
) {
  const weights = input.weights ? checkWeights(input.weights) : (await getTargetWeights(db)).weights;
  const { liaisonUserId, minScore, limit: _limit, ...filter } = input.filter;
  const { ranked } = await scoreTargets(
    db,
    { territoryUserId: liaisonUserId },
    weights,
    new Date(),
    Number.POSITIVE_INFINITY,
    filter,
  );
  const pool = ranked.filter((t) => t.score >= (minScore ?? 0));
  const members = pool.slice(0, input.filter.limit);
  return db.transaction().execute(async (trx) => {
    const list = await trx
      .insertInto('target_lists')
      .values({
        name: input.name,
        goal: input.goal ?? '',
        owner_id: input.ownerId ?? actor.id,
        due_on: input.dueOn ?? null,
        filter: JSON.stringify(input.filter),
        weights: JSON.stringify(weights),
        created_by: actor.id,
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    if (members.length)
      await trx
        .insertInto('target_list_members')
        .values(
          members.map((m) => ({
            list_id: list.id,
            npi: m.npi,
            score: m.score,
            breakdown: JSON.stringify(m.breakdown),
          })),
        )
        .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'create',
      entity: 'target_list',
      entityId: list.id,
      ip: actor.ip,
      detail: { after: { name: input.name, filter: input.filter, members: members.length } },
    });
    await notify(
      trx,
      input.ownerId ?? actor.id,
      actor.id,
      targetListAssigned(await actorName(trx, actor), {
        id: Number(list.id),
        name: list.name,
        members: members.length,
        dueOn: input.dueOn ?? null,
        goal: input.goal ?? '',
      }),
    );
    return getTargetList(trx, Number(list.id));
  });
}

const visitedSince = visitedSinceOf(sql.ref('tm.npi'), sql.ref('tl.created_at'));

export async function listTargetLists(
  db: Kysely<DB>,
  q: { ownerId?: number; status?: 'active' | 'archived' },
) {
  const rows = await db
    .selectFrom('target_lists as tl')
    .leftJoin('target_list_members as tm', 'tm.list_id', 'tl.id')
    .leftJoin('users as u', 'u.id', 'tl.owner_id')
    .select([
      'tl.id',
      'tl.name',
      'tl.goal',
      'tl.owner_id',
      'u.name as owner_name',
      'tl.status',
      'tl.due_on',
      'tl.created_at',
      'tl.version',
    ])
    .select((eb) => [
      eb.fn.count<string>('tm.npi').as('members'),
      sql<string>`count(*) filter (where tm.status in ('visited','won') or ${visitedSince})`.as('reached'),
    ])
    .$if(q.ownerId !== undefined, (b) => b.where('tl.owner_id', '=', q.ownerId!))
    .where('tl.status', '=', q.status ?? 'active')
    .groupBy(['tl.id', 'u.name'])
    .orderBy('tl.id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    members: Number(r.members),
    reached: Number(r.reached),
  }));
}

export async function getTargetList(db: Kysely<DB>, id: number) {
  const list = await db.selectFrom('target_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!list) throw new NetworkError(`target list ${id} not found`, 404);
  const members = await db
    .selectFrom('target_list_members as tm')
    .innerJoin('target_lists as tl', 'tl.id', 'tm.list_id')
    .leftJoin('providers as p', 'p.npi', 'tm.npi')
    .select([
      'tm.npi',
      'tm.score',
      'tm.breakdown',
      'tm.status',
      'tm.added_at',
      'p.first_name',
      'p.last_name',
      'p.credential',
      'p.primary_service_line',
    ])
    .select(visitedSince.as('visited_since'))
    .where('tm.list_id', '=', id)
    .orderBy('tm.score', 'desc')
    .orderBy('tm.npi')
    .execute();
  const reached = members.filter(
    (m) => m.visited_since || m.status === 'visited' || m.status === 'won',
  ).length;
  return {
    ...list,
    id: Number(list.id),
    progress: { members: members.length, reached },
    members: members.map((m) => ({
      ...m,
      name: personName({ first: m.first_name, last: m.last_name, credential: m.credential }) || m.npi,
    })),
  };
}

export async function updateTargetListMember(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  npi: string,
  status: 'open' | 'visited' | 'won' | 'dropped',
) {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('target_list_members')
      .set({ status })
      .where('list_id', '=', id)
      .where('npi', '=', npi)
      .executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new NetworkError(`${npi} is not on target list ${id}`, 404);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'target_list_member',
      entityId: `${id}:${npi}`,
      ip: actor.ip,
      detail: { after: { status } },
    });
    return { listId: id, npi, status };
  });
}

export async function archiveTargetList(db: Kysely<DB>, actor: Actor, id: number) {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('target_lists')
      .set({ status: 'archived', updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', id)
      .executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new NetworkError(`target list ${id} not found`, 404);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'archive',
      entity: 'target_list',
      entityId: id,
      ip: actor.ip,
    });
    return { id, status: 'archived' as const };
  });
}

/**
 * Adds providers to a list by hand (status 'open'). Each gets the score and breakdown the list's own
 * scoring (its weights, its liaison's territory or the whole market) gives it now; a provider that
 * scoring does not rank — outside the pool — gets 0 and `{ addedByHand: true }`. NPIs already on
 * the list are left as they are (status and score kept).
 */
export async function addTargetListMembers(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  npis: readonly string[],
) {
  const wanted = [...new Set(npis)];
  const list = await db
    .selectFrom('target_lists')
    .select(['status', 'filter', 'weights'])
    .where('id', '=', id)
    .executeTakeFirst();
  checkOpen(id, list);
  const known = new Set(
    (await db.selectFrom('providers').select('npi').where('npi', 'in', wanted).execute()).map((p) => p.npi),
  );
  const unknown = wanted.filter((n) => !known.has(n));
  if (unknown.length)
    throw new NetworkError(`npis: not in the provider directory: ${unknown.join(', ')}`, 400);
  const onList = await membersOf(db, id, wanted);
  const missing = wanted.filter((n) => !onList.has(n));
  // Scored outside the transaction: it reads the whole pool (the market, for a list without a liaison).
  const filter = list!.filter as TargetListFilter;
  const scores = missing.length
    ? await scoreInPool(
        db,
        { territoryUserId: filter.liaisonUserId },
        checkWeights(list!.weights as Record<string, number>),
        missing,
      )
    : new Map();
  return db.transaction().execute(async (trx) => {
    // Locked so an archive, or the same add from another tab, waits for this one.
    const now = await trx
      .selectFrom('target_lists')
      .select(['status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    checkOpen(id, now);
    const inserted = missing.length
      ? await trx
          .insertInto('target_list_members')
          .values(
            missing.map((npi) => {
              const s = scores.get(npi);
              return {
                list_id: id,
                npi,
                score: s?.score ?? 0,
                breakdown: JSON.stringify(s ? s.breakdown : { addedByHand: true }),
              };
            }),
          )
          .onConflict((oc) => oc.columns(['list_id', 'npi']).doNothing())
          .returning('npi')
          .execute()
      : [];
    const fresh = new Set(inserted.map((r) => r.npi));
    const added = wanted.filter((n) => fresh.has(n));
    if (added.length) {
      await trx
        .updateTable('target_lists')
        .set({ updated_at: new Date(), version: sql`version + 1` })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, {
        actorUserId: actor.id,
        actorLabel: actor.label,
        action: 'update',
        entity: 'target_list',
        entityId: id,
        ip: actor.ip,
        detail: { added },
      });
    }
    return { listId: id, added, alreadyOnList: wanted.filter((n) => !fresh.has(n)) };
  });
}

function checkOpen(id: number, list: { status: 'active' | 'archived' } | undefined) {
  if (!list) throw new NetworkError(`target list ${id} not found`, 404);
  if (list.status === 'archived')
    throw new NetworkError(`target list ${id} is archived; providers cannot be added to it`, 409);
}

async function membersOf(db: Kysely<DB>, id: number, npis: string[]) {
  const rows = await db
    .selectFrom('target_list_members')
    .select('npi')
    .where('list_id', '=', id)
    .where('npi', 'in', npis)
    .execute();
  return new Set(rows.map((r) => r.npi));
}
