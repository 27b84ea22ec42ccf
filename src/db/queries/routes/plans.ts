// Saved route plans: one row per planned liaison-day (the latest row for a day is the current plan).
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../schema';
import type { RouteTables, TravelSource } from '../../tables/routes';

export type RoutePlanRow = Selectable<RouteTables['route_plans']>;

export type NewRoutePlan = {
  liaisonId: number;
  date: string;
  settings: unknown;
  stops: unknown;
  pinned: unknown;
  done: unknown;
  result: unknown;
  travelSource: TravelSource;
  feasible: boolean;
  solverMs: number;
  timeLimitMs: number;
  seed: number;
  createdBy: number | null;
};

export async function insertRoutePlan(db: Kysely<DB>, p: NewRoutePlan): Promise<RoutePlanRow> {
  return db
    .insertInto('route_plans')
    .values({
      liaison_id: p.liaisonId,
      plan_date: p.date,
      settings: JSON.stringify(p.settings),
      stops: JSON.stringify(p.stops),
      pinned: JSON.stringify(p.pinned),
      done: JSON.stringify(p.done),
      result: JSON.stringify(p.result),
      travel_source: p.travelSource,
      feasible: p.feasible,
      solver_ms: Math.round(p.solverMs),
      time_limit_ms: p.timeLimitMs,
      seed: p.seed,
      created_by: p.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateRoutePlan(
  db: Kysely<DB>,
  id: number,
  p: Pick<
    NewRoutePlan,
    'pinned' | 'done' | 'result' | 'travelSource' | 'feasible' | 'solverMs' | 'timeLimitMs'
  > & {
    status: RoutePlanRow['status'];
  },
): Promise<RoutePlanRow> {
  return db
    .updateTable('route_plans')
    .set((eb) => ({
      pinned: JSON.stringify(p.pinned),
      done: JSON.stringify(p.done),
      result: JSON.stringify(p.result),
      travel_source: p.travelSource,
      feasible: p.feasible,
      solver_ms: Math.round(p.solverMs),
      time_limit_ms: p.timeLimitMs,
      status: p.status,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getRoutePlan(db: Kysely<DB>, id: number): Promise<RoutePlanRow | undefined> {
  return db.selectFrom('route_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockRoutePlan(db: Kysely<DB>, id: number): Promise<RoutePlanRow | undefined> {
  return db.selectFrom('route_plans').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Plans of a liaison in a date range, newest first; `latestPerDay` keeps only the current plan of each day. */
export async function listRoutePlans(
  db: Kysely<DB>,
  q: { liaisonId: number; from: string; to: string; latestPerDay?: boolean },
): Promise<RoutePlanRow[]> {
  const rows = await db
    .selectFrom('route_plans')
    .selectAll()
    .where('liaison_id', '=', q.liaisonId)
    .where('plan_date', '>=', q.from)
    .where('plan_date', '<=', q.to)
    .where('status', '<>', 'archived')
    .orderBy('plan_date')
    .orderBy('id', 'desc')
    .execute();
  if (!q.latestPerDay) return rows;
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.plan_date) && seen.add(r.plan_date));
}
