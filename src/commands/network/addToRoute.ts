// "Add to today's route" in one step, from a target list or "who to see next". The route planner
// keeps one route_plans row per planned liaison-day (the newest non-archived row is the day's
// plan, with its stops frozen in the row). Adding targets therefore writes a new plan for that
// day — the current stops plus the offices of the new physicians, with the current settings
// (start point, hours, lunch), pins and visits already done — re-solved, and archives the row it
// replaces; without a plan for the day it plans one from the new stops alone.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit';
import { insertRoutePlan, listRoutePlans, lockRoutePlan } from '../../db/queries/routes/plans';
import type { DB } from '../../db/schema';
import { computeDay } from '../routes/compute';
import { gatherStops, type Skipped } from '../routes/gatherStops';
import { homeBasePoint } from '../routes/homeBase';
import { type Actor, settingsFor, type TravelResolver } from '../routes/planDay';
import { type DoneVisit, type Pin, RouteError, type RouteSettings, type RouteStop } from '../routes/types';
import { getTargetWeights, scoreTargets } from './targets';

export type AddToRouteRequest = { liaisonId: number; date: string; npis: string[] };

/** Current stops plus new ones: an office already on the route gains the new physicians. */
export function mergeStops(current: RouteStop[], added: RouteStop[]) {
  const out = current.map((s) => ({ ...s, providers: [...s.providers], why: [...s.why] }));
  const byId = new Map(out.map((s) => [s.id, s]));
  const addedNpis: string[] = [];
  const already: string[] = [];
  for (const a of added) {
    const existing = byId.get(a.id);
    if (!existing) {
      out.push(a);
      byId.set(a.id, a);
      addedNpis.push(...a.providers.map((p) => p.npi));
      continue;
    }
    for (const p of a.providers) {
      if (existing.providers.some((x) => x.npi === p.npi)) {
        already.push(p.npi);
        continue;
      }
      existing.providers.push(p);
      addedNpis.push(p.npi);
    }
    // Same rule as the planner: an office's priority is the sum of its providers' target scores.
    const scored = existing.providers.filter((p) => p.score !== null);
    if (scored.length) {
      existing.priority = Math.max(1, Math.round(scored.reduce((t, p) => t + p.score!, 0)));
      existing.prioritySource = 'target-score';
    }
    for (const w of a.why) if (!existing.why.includes(w)) existing.why.push(w);
  }
  return { stops: out, addedNpis, alreadyOnRoute: already };
}

/**
 * The score a physician has on the liaison's target list (scored against their whole territory),
 * so the stop's priority is the number the liaison clicked on — not a score recomputed against a
 * pool of just the added physicians (whose leakage percentile and proximity would differ).
 */
async function withTerritoryScores(db: Kysely<DB>, liaisonId: number, stops: RouteStop[]) {
  const { weights } = await getTargetWeights(db);
  const { ranked } = await scoreTargets(db, { territoryUserId: liaisonId }, weights, new Date(), 0);
  const inTerritory = new Map(ranked.map((r) => [r.npi, r.score]));
  return stops.map((s) => {
    const providers = s.providers.map((p) => ({ ...p, score: inTerritory.get(p.npi) ?? p.score }));
    const scored = providers.filter((p) => p.score !== null);
    return scored.length
      ? {
          ...s,
          providers,
          priority: Math.max(1, Math.round(scored.reduce((t, p) => t + p.score!, 0))),
          prioritySource: 'target-score' as const,
        }
      : s;
  });
}

export async function addTargetsToRoute(
  db: Kysely<DB>,
  actor: Actor,
  resolve: TravelResolver,
  req: AddToRouteRequest,
) {
  const npis = [...new Set(req.npis)];
  const gathered = await gatherStops(db, req.liaisonId, { npis });
  const skipped = gathered.skipped;
  const newStops = await withTerritoryScores(db, req.liaisonId, gathered.stops);
  const [current] = await listRoutePlans(db, {
    liaisonId: req.liaisonId,
    from: req.date,
    to: req.date,
    latestPerDay: true,
  });
  const merged = mergeStops((current?.stops as RouteStop[] | undefined) ?? [], newStops);
  if (current && merged.addedNpis.length === 0)
    return { plan: current, added: [], alreadyOnRoute: merged.alreadyOnRoute, skipped, replaced: null };
  const settings: RouteSettings = current
    ? (current.settings as RouteSettings)
    : settingsFor({ start: (await homeBasePoint(db, req.liaisonId)) ?? undefined }, merged.stops);
  const pins = (current?.pinned as Pin[] | undefined) ?? [];
  const done = (current?.done as DoneVisit[] | undefined) ?? [];
  const { travel, info } = await resolve([
    ...merged.stops.map((s) => ({ lat: s.lat, lon: s.lon })),
    settings.start,
    settings.end,
  ]);
  const solved = computeDay({ settings, date: req.date, stops: merged.stops, pins, done, travel });
  const previousSkipped = (current?.result as { skipped?: Skipped[] } | undefined)?.skipped ?? [];
  return db.transaction().execute(async (trx) => {
    if (current) {
      const locked = await lockRoutePlan(trx, current.id);
      if (!locked || locked.version !== current.version || locked.status === 'archived')
        throw new RouteError('the day plan was changed meanwhile; reload it and try again', 409);
      await trx
        .updateTable('route_plans')
        .set((eb) => ({ status: 'archived', version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', current.id)
        .execute();
    }
    const plan = await insertRoutePlan(trx, {
      liaisonId: req.liaisonId,
      date: req.date,
      settings,
      stops: merged.stops,
      pinned: pins,
      done,
      result: {
        ...solved.result,
        travelLabel: info.label,
        invalid: solved.invalid,
        skipped: [...previousSkipped, ...skipped],
      },
      travelSource: info.source,
      feasible: solved.result.feasible,
      solverMs: solved.ms,
      timeLimitMs: settings.timeLimitMs,
      seed: settings.seed,
      createdBy: actor.id,
    });
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: current ? 'update' : 'create',
      entity: 'route_plan',
      entityId: plan.id,
      ip: actor.ip,
      detail: {
        liaisonId: req.liaisonId,
        date: req.date,
        addedNpis: merged.addedNpis,
        replaces: current?.id ?? null,
        source: 'add-to-route',
      },
    });
    return {
      plan,
      added: merged.addedNpis,
      alreadyOnRoute: merged.alreadyOnRoute,
      skipped,
      replaced: current?.id ?? null,
    };
  });
}
