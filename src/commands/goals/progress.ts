// Goals with their progress, pace and projection, each measured through its own data date.
import type { Kysely } from 'kysely';
import { type GoalMetric, METRIC_DEFINITIONS } from '../../core/goals/metrics';
import { goalProgress } from '../../core/goals/progress';
import { type GoalFilter, listGoals } from '../../db/queries/goals/goals';
import { dataDates, measureGoal } from '../../db/queries/goals/measure';
import { ourNetworkOrgIds } from '../../db/queries/referrals/network';
import type { DB } from '../../db/schema';

export async function goalsWithProgress(db: Kysely<DB>, filter: GoalFilter, today?: string) {
  const [goals, dates, ours] = await Promise.all([
    listGoals(db, filter),
    dataDates(db, today),
    ourNetworkOrgIds(db),
  ]);
  // Goals are measured independently: a few at a time, so a team's dozens do not queue one by one.
  const measureOne = async (g: (typeof goals)[number]) => {
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
      ours,
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
    return { ...g, definition: METRIC_DEFINITIONS[metric], measured: m, progress: p };
  };
  const out = [];
  for (let i = 0; i < goals.length; i += 6)
    out.push(...(await Promise.all(goals.slice(i, i + 6).map(measureOne))));
  return { goals: out, dataDates: dates };
}
export type GoalWithProgress = Awaited<ReturnType<typeof goalsWithProgress>>['goals'][number];
