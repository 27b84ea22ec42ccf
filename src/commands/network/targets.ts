// Target prioritization: tunable weights (settings 'target_weights'), ranked lists with factor
// breakdowns, a live preview of how the top 50 changes under new weights, and "who to see next".
import { type Kysely, sql } from 'kysely';
import {
  matchesTargetFilter,
  percentile90,
  rankTargets,
  scoreTarget,
  type TargetFacts,
  type TargetFilter,
  type TargetScore,
} from '../../core/targets';
import {
  DEFAULT_WEIGHTS,
  FACTOR_LABELS,
  FACTOR_NORMALIZATION,
  resolveWeights,
  type TargetWeights,
} from '../../core/targets/weights';
import { recordAudit } from '../../db/audit';
import { describeNodes } from '../../db/queries/network/nodes';
import { type TargetPool, targetFacts } from '../../db/queries/network/targetFacts';
import { getSetting, putSetting } from '../../db/queries/settings';
import type { DB } from '../../db/schema';
import { NetworkError } from './errors';

export type Actor = { id: number | null; label: string; ip?: string };
const KEY = 'target_weights';

export async function getTargetWeights(
  db: Kysely<DB>,
): Promise<{ weights: TargetWeights; isDefault: boolean }> {
  const saved = await getSetting<Partial<TargetWeights>>(db, KEY);
  return { weights: saved ? resolveWeights(saved) : { ...DEFAULT_WEIGHTS }, isDefault: !saved };
}

export function checkWeights(w: Partial<Record<string, number>> | undefined): TargetWeights {
  try {
    return resolveWeights(w);
  } catch (e) {
    throw new NetworkError((e as Error).message, 400);
  }
}

export async function saveTargetWeights(
  db: Kysely<DB>,
  actor: Actor,
  input: Partial<Record<string, number>>,
) {
  const weights = checkWeights(input);
  const before = await getTargetWeights(db);
  await db.transaction().execute(async (trx) => {
    await putSetting(trx, KEY, weights);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'target_weights',
      ip: actor.ip,
      detail: { before: before.weights, after: weights },
    });
  });
  return { weights, isDefault: false };
}

export type ScoredTarget = TargetScore & {
  rank: number;
  name: string;
  serviceLine: string | null;
  networkStatus: string;
};

/** A target filter plus the physician's own service line (their primary taxonomy's). */
export type TargetQuery = TargetFilter & { serviceLine?: string };

export async function scoreTargets(
  db: Kysely<DB>,
  pool: TargetPool,
  weights: TargetWeights,
  now = new Date(),
  /** ranks beyond this carry the score only (see rankTargets) */
  detailTop = Number.POSITIVE_INFINITY,
  filter: TargetQuery = {},
) {
  const { facts, meta } = await targetFacts(db, pool, now);
  // The whole pool sets the scale; the filter only narrows who is listed, so scores do not move.
  const ctx = scoreContext(facts, now);
  const kept = await applyFilter(db, facts, filter, now);
  return { ranked: rankTargets(kept, weights, ctx, detailTop), ctx, meta, candidates: facts.length };
}

async function applyFilter(db: Kysely<DB>, facts: TargetFacts[], filter: TargetQuery, now: Date) {
  const line = filter.leakageLine;
  // Listing who leaks in a line, the "why" names that line first (the lines only word it, not score it).
  const kept = facts
    .filter((f) => matchesTargetFilter(f, filter, now))
    .map((f) =>
      line ? { ...f, leakageServiceLines: [line, ...f.leakageServiceLines.filter((l) => l !== line)] } : f,
    );
  if (!filter.serviceLine || kept.length === 0) return kept;
  const rows = await sql<{ npi: string }>`select npi from providers
    where npi = any(${kept.map((f) => f.npi)}::text[]) and primary_service_line = ${filter.serviceLine}`.execute(
    db,
  );
  const ok = new Set(rows.rows.map((r) => r.npi));
  return kept.filter((f) => ok.has(f.npi));
}

// The pool sets the leakage scale: a provider's score depends on the pool it is scored in.
const scoreContext = (facts: TargetFacts[], now: Date) => ({
  now,
  leakageP90: percentile90(facts.map((f) => f.leakedReferrals)),
});

/**
 * The scores, with breakdowns, that ranking `pool` would give the providers `npis` (those outside
 * the pool are absent). One read of the pool's facts, as scoreTargets; only these are broken down.
 */
export async function scoreInPool(
  db: Kysely<DB>,
  pool: TargetPool,
  weights: TargetWeights,
  npis: readonly string[],
  now = new Date(),
): Promise<Map<string, TargetScore>> {
  const { facts } = await targetFacts(db, pool, now);
  const ctx = scoreContext(facts, now);
  const wanted = new Set(npis);
  return new Map(facts.filter((f) => wanted.has(f.npi)).map((f) => [f.npi, scoreTarget(f, weights, ctx)]));
}

async function present(db: Kysely<DB>, ranked: TargetScore[]): Promise<ScoredTarget[]> {
  const info = await describeNodes(
    db,
    ranked.map((r) => r.npi),
  );
  return ranked.map((r, i) => {
    const n = info.get(r.npi)!;
    return { rank: i + 1, ...r, name: n.name, serviceLine: n.serviceLine, networkStatus: n.networkStatus };
  });
}

export async function listTargets(
  db: Kysely<DB>,
  q: {
    liaisonUserId?: number;
    limit: number;
    weights?: Partial<Record<string, number>>;
    filter?: TargetQuery;
  },
) {
  const weights = q.weights ? checkWeights(q.weights) : (await getTargetWeights(db)).weights;
  const { ranked, ctx, meta, candidates } = await scoreTargets(
    db,
    { territoryUserId: q.liaisonUserId },
    weights,
    new Date(),
    q.limit,
    q.filter,
  );
  return {
    weights,
    factors: Object.keys(FACTOR_LABELS).map((f) => ({
      factor: f,
      label: FACTOR_LABELS[f as keyof TargetWeights],
      normalization: FACTOR_NORMALIZATION[f as keyof TargetWeights],
    })),
    leakageP90: ctx.leakageP90,
    /** physicians matching the filter (all candidates when there is none) */
    poolSize: ranked.length,
    candidates,
    meta,
    items: await present(db, ranked.slice(0, q.limit)),
  };
}

/** How the top N changes under proposed weights: new rank, old rank, movement. */
export async function previewWeights(
  db: Kysely<DB>,
  q: {
    liaisonUserId?: number;
    weights: Partial<Record<string, number>>;
    limit?: number;
    filter?: TargetQuery;
  },
) {
  const proposed = checkWeights(q.weights);
  const current = (await getTargetWeights(db)).weights;
  const limit = q.limit ?? 50;
  const now = new Date();
  const { facts: all, meta } = await targetFacts(db, { territoryUserId: q.liaisonUserId }, now);
  const ctx = scoreContext(all, now);
  const facts = await applyFilter(db, all, q.filter ?? {}, now);
  const before = rankTargets(facts, current, ctx, 0);
  const after = rankTargets(facts, proposed, ctx, limit);
  const oldRank = new Map(before.map((t, i) => [t.npi, i + 1]));
  const top = await present(db, after.slice(0, limit));
  const newTop = new Set(top.map((t) => t.npi));
  return {
    current,
    proposed,
    meta,
    entered: top.filter((t) => (oldRank.get(t.npi) ?? Infinity) > limit).length,
    left: before
      .slice(0, limit)
      .filter((t) => !newTop.has(t.npi))
      .map((t) => t.npi),
    items: top.map((t) => ({
      ...t,
      previousRank: oldRank.get(t.npi) ?? null,
      moved: (oldRank.get(t.npi) ?? 0) - t.rank,
    })),
  };
}

/** "Who to see next" for a liaison, shaped for the route planner: NPIs, visit locations, priority. */
export async function nextTargets(db: Kysely<DB>, liaisonUserId: number, limit = 25) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', liaisonUserId)
    .executeTakeFirst();
  if (!user) throw new NetworkError(`liaison ${liaisonUserId} not found`, 404);
  const { weights } = await getTargetWeights(db);
  const { ranked, meta } = await scoreTargets(
    db,
    { territoryUserId: liaisonUserId },
    weights,
    new Date(),
    limit,
  );
  const top = await present(db, ranked.slice(0, limit));
  const npis = top.map((t) => t.npi);
  const [locations, alerts] = npis.length
    ? await Promise.all([
        db
          .selectFrom('memberships as m')
          .innerJoin('locations as l', 'l.organization_id', 'm.organization_id')
          .select(['m.provider_npi', 'l.id', 'l.name', 'l.lat', 'l.lon'])
          .where('m.provider_npi', 'in', npis)
          .where('l.deleted_at', 'is', null)
          .orderBy('l.id')
          .execute(),
        db
          .selectFrom('alerts')
          .select(['id', 'referring_npi', 'service_line', 'target', 'direction', 'q_value'])
          .where('referring_npi', 'in', npis)
          .where('status', '<>', 'resolved')
          .execute(),
      ])
    : [[], []];
  return {
    liaison: user.email,
    meta,
    items: top.map((t) => {
      const recency = t.breakdown.find((b) => b.factor === 'recency')!;
      return {
        npi: t.npi,
        name: t.name,
        priority: t.score,
        dueVisit: recency.known && recency.value >= 0.5,
        locationIds: locations.filter((l) => l.provider_npi === t.npi).map((l) => Number(l.id)),
        alerts: alerts.filter((a) => a.referring_npi === t.npi).map((a) => ({ ...a, id: Number(a.id) })),
        why: t.why.slice(0, 3),
        breakdown: t.breakdown,
      };
    }),
  };
}
