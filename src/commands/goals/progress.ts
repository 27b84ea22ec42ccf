// Goals with their progress, pace and projection, each measured through its own data date.
import type { Kysely } from 'kysely';
import { METRIC_DEFINITIONS } from '../../core/goals/metrics';
import { goalProgress } from '../../core/goals/progress';
import { type GoalFilter, goalToMeasure, listGoals } from '../../db/queries/goals/goals';
import {
  dataDates,
  type Measurement,
  measuredThrough,
  measureGoal,
  REFERRAL_METRICS,
} from '../../db/queries/goals/measure';
import { ourNetworkOrgIds } from '../../db/queries/referrals/network';
import type { DB } from '../../db/schema';
import { referralMeasurements, referralVariant } from './referralMeasures';

/**
 * Goals matching `filter` with their measurement and progress. CRM metrics are small indexed counts,
 * measured on each call; referral metrics come from their stored measurements (referralMeasures.ts), so
 * no visitor waits for the rollup scans and no process needs warming up.
 */
export async function goalsWithProgress(db: Kysely<DB>, filter: GoalFilter, today?: string) {
  const [goals, dates, ours] = await Promise.all([
    listGoals(db, filter),
    dataDates(db, today),
    ourNetworkOrgIds(db),
  ]);
  const referral = goals
    .map(goalToMeasure)
    .filter((g) => REFERRAL_METRICS.has(g.metric))
    .map((goal) => ({ goal, asOf: measuredThrough(goal, dates) }));
  const stored = await referralMeasurements(db, referral, ours);
  // CRM goals are measured independently: a few at a time, so a team's dozens do not queue one by one.
  const measureOne = async (g: (typeof goals)[number]) => {
    const goal = goalToMeasure(g);
    const metric = goal.metric;
    const asOf = measuredThrough(goal, dates);
    const m: Measurement = REFERRAL_METRICS.has(metric)
      ? { ...stored.get(referralVariant(goal, asOf))!, asOf }
      : await measureGoal(db, goal, dates, ours);
    const p = goalProgress({
      metric,
      target: g.target,
      periodStart: g.period_start,
      periodEnd: g.period_end,
      asOf: m.asOf,
      value: m.value,
      denominator: m.denominator,
    });
    return { ...g, definition: METRIC_DEFINITIONS[metric], measured: m, progress: p };
  };
  const out = [];
  for (let i = 0; i < goals.length; i += 6)
    out.push(...(await Promise.all(goals.slice(i, i + 6).map(measureOne))));
  return { goals: out, dataDates: dates };
}
export type GoalWithProgress = Awaited<ReturnType<typeof goalsWithProgress>>['goals'][number];
