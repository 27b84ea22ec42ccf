// Goals with their progress, pace and projection, each measured through its own data date.
import { type Kysely, sql } from 'kysely';
import { type GoalMetric, METRIC_DEFINITIONS } from '../../core/goals/metrics';
import { goalProgress } from '../../core/goals/progress';
import { type GoalFilter, listGoals } from '../../db/queries/goals/goals';
import { dataDates, measureGoal } from '../../db/queries/goals/measure';
import { ourNetworkOrgIds } from '../../db/queries/referrals/network';
import type { DB } from '../../db/schema';

// Measuring a team's goals scans the referral rollup several times (≈ 1–2 s on the demo market), and
// every dashboard asks for them: cache per process until goals, the CRM or referrals change (referrals
// arrive through import jobs, so the newest job stands for them without scanning the facts).
type Result = Awaited<ReturnType<typeof computeGoals>>;
const cache = new Map<string, Result>();
async function fingerprint(db: Kysely<DB>) {
  const r = await sql<{ f: string }>`select concat_ws('|',
    (select max(updated_at)::text || count(*) from goals),
    (select max(updated_at)::text || count(*) from activities),
    (select max(updated_at)::text || count(*) from physician_issues),
    (select max(updated_at)::text || count(*) from provider_relationships),
    (select max(updated_at)::text || count(*) from territories),
    (select count(*) from territory_assignments), (select count(*) from target_list_members),
    (select max(id)::text || max(finished_at)::text from import_jobs)) as f`.execute(db);
  return r.rows[0]?.f ?? '';
}

export async function goalsWithProgress(db: Kysely<DB>, filter: GoalFilter, today?: string) {
  const key = `${JSON.stringify(filter)}|${today ?? new Date().toISOString().slice(0, 10)}|${await fingerprint(db)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = await computeGoals(db, filter, today);
  if (cache.size > 50) cache.clear();
  cache.set(key, out);
  return out;
}

async function computeGoals(db: Kysely<DB>, filter: GoalFilter, today?: string) {
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
