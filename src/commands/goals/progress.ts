// Goals with their progress, pace and projection, each measured through its own data date.
import type { Kysely } from 'kysely';
import { type GoalMetric, METRIC_DEFINITIONS } from '../../core/goals/metrics';
import { goalProgress } from '../../core/goals/progress';
import { type GoalFilter, listGoals } from '../../db/queries/goals/goals';
import { dataDates, measureGoal } from '../../db/queries/goals/measure';
import type { DB } from '../../db/schema';

export async function goalsWithProgress(db: Kysely<DB>, filter: GoalFilter, today?: string) {
  const goals = await listGoals(db, filter);
  const dates = await dataDates(db, today);
  const out = [];
  for (const g of goals) {
    const metric = g.metric as GoalMetric;
    const m = await measureGoal(
      db,
      {
        scope: g.scope,
        ownerId: g.owner_id,
        campaignId: g.campaign_id,
        metric,
        serviceLine: g.service_line,
        periodStart: g.period_start,
        periodEnd: g.period_end,
        withinDays: g.within_days,
      },
      dates,
    );
    const p = goalProgress({
      metric,
      target: g.target,
      periodStart: g.period_start,
      periodEnd: g.period_end,
      asOf: m.asOf,
      value: m.value,
      denominator: m.denominator,
    });
    out.push({ ...g, definition: METRIC_DEFINITIONS[metric], measured: m, progress: p });
  }
  return { goals: out, dataDates: dates };
}
export type GoalWithProgress = Awaited<ReturnType<typeof goalsWithProgress>>['goals'][number];
