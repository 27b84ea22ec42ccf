// Stored referral goal measurements (dashboard_views 'goal-referrals'), kept like the market view:
// measuring a referral goal scans the monthly rollup (≈ 70–100 ms each on the demo market, several
// times that on PGlite), while the CRM metrics are small indexed counts measured on every request.
// A referral measurement depends only on the metric, whose referrals it counts, its service line, and
// the months it spans (the period's first month through the data month), so that is its variant; the
// inputs are the referral imports, the network and the scope tables (views.ts goalScopeInputs). A
// referral import refreshes the current goals' measurements; a request that finds one missing (a new
// goal, a scope changed since) measures it and stores it.
import type { Kysely } from 'kysely';
import { isClosing } from '../../db/background';
import {
  deleteStaleViews,
  goalScopeInputs,
  readViewsWithInputs,
  writeView,
} from '../../db/queries/dashboards/views';
import { goalToMeasure, listGoals } from '../../db/queries/goals/goals';
import {
  dataDates,
  type GoalToMeasure,
  type Measurement,
  measuredThrough,
  measureReferralGoal,
  REFERRAL_METRICS,
} from '../../db/queries/goals/measure';
import { ourNetworkOrgIds } from '../../db/queries/referrals/network';
import type { DB } from '../../db/schema';

const NAME = 'goal-referrals';
type Stored = Omit<Measurement, 'asOf'>;

/** The variant a referral goal's measurement is stored under (through `refAsOf`'s month). */
export function referralVariant(g: GoalToMeasure, refAsOf: string) {
  return [
    g.metric,
    g.scope,
    g.ownerId,
    g.campaignId ?? '',
    g.serviceLine ?? '',
    g.periodStart.slice(0, 7),
    refAsOf.slice(0, 7),
  ].join('|');
}

/**
 * The referral goals' measurements (each through its own `asOf`), read from the store and, for any
 * missing, measured and stored. Keyed by referralVariant.
 */
export async function referralMeasurements(
  db: Kysely<DB>,
  goals: { goal: GoalToMeasure; asOf: string }[],
  ours: number[],
): Promise<Map<string, Stored>> {
  if (!goals.length) return new Map();
  const inputs = await goalScopeInputs(db);
  const byVariant = new Map(goals.map((x) => [referralVariant(x.goal, x.asOf), x]));
  const found = await readViewsWithInputs<Stored>(db, NAME, [...byVariant.keys()], inputs);
  const missing = [...byVariant].filter(([v]) => !found.has(v));
  // A few at a time, so dozens of new goals do not queue one by one on a pool.
  for (let i = 0; i < missing.length; i += 4)
    await Promise.all(
      missing.slice(i, i + 4).map(async ([variant, x]) => {
        const t0 = performance.now();
        const body = await measureReferralGoal(db, x.goal, x.asOf, ours);
        await writeView(db, { name: NAME, variant, inputs, body, computeMs: performance.now() - t0 });
        found.set(variant, body);
      }),
    );
  return found;
}

/**
 * After a referral import: measure every referral goal whose period reaches into the last year of the
 * referral data (through that data, as of today), and drop measurements computed from older inputs.
 * Stops early (and keeps the old rows) when the database is closing.
 */
export async function refreshReferralMeasurements(
  db: Kysely<DB>,
  today?: string,
): Promise<{ goals: number; ms: number }> {
  const t0 = performance.now();
  const dates = await dataDates(db, today);
  if (!dates.referrals) return { goals: 0, ms: performance.now() - t0 };
  const since = new Date(Date.parse(`${dates.referrals}T00:00:00Z`) - 366 * 86_400_000).toISOString();
  const goals = (await listGoals(db))
    .map(goalToMeasure)
    .filter((g) => REFERRAL_METRICS.has(g.metric) && g.periodEnd >= since.slice(0, 10))
    .filter((g) => g.periodStart <= dates.today);
  const inputs = await goalScopeInputs(db);
  const ours = await ourNetworkOrgIds(db);
  const done = new Set<string>();
  for (const g of goals) {
    if (isClosing(db)) return { goals: done.size, ms: performance.now() - t0 };
    const asOf = measuredThrough(g, dates);
    const variant = referralVariant(g, asOf);
    if (done.has(variant)) continue;
    const t = performance.now();
    const body = await measureReferralGoal(db, g, asOf, ours);
    await writeView(db, { name: NAME, variant, inputs, body, computeMs: performance.now() - t });
    done.add(variant);
  }
  await deleteStaleViews(db, NAME, inputs);
  return { goals: done.size, ms: performance.now() - t0 };
}
