// Checks a goal before it is written; messages name the field, as the API and the CSV importer show them.
import { type GoalMetric, isGoalMetric, METRIC_DEFINITIONS } from '../../core/goals/metrics';
import { SERVICE_LINES } from '../../core/serviceLines';

export class GoalError extends Error {
  constructor(
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

export interface GoalDraft {
  scope: 'liaison' | 'team' | 'campaign';
  ownerId: number;
  campaignId: number | null;
  metric: GoalMetric;
  serviceLine: string | null;
  periodStart: string;
  periodEnd: string;
  target: number;
  withinDays: number | null;
  note: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  ISO.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const LINE_METRICS = new Set<GoalMetric>([
  'referral_volume',
  'referral_share',
  'new_referrers',
  'leakage_reduced',
]);

export function checkGoal(g: {
  metric: string;
  serviceLine: string | null;
  periodStart: string;
  periodEnd: string;
  target: number;
  scope: string;
  campaignId: number | null;
  withinDays: number | null;
}): string | null {
  if (!isGoalMetric(g.metric))
    return `metric: "${g.metric}" is not one of visits, unique_providers, a_tier_coverage, new_referrers, referral_volume, referral_share, leakage_reduced, issues_resolved`;
  if (!validDate(g.periodStart)) return `period_start: "${g.periodStart}" is not a YYYY-MM-DD date`;
  if (!validDate(g.periodEnd)) return `period_end: "${g.periodEnd}" is not a YYYY-MM-DD date`;
  if (g.periodEnd < g.periodStart)
    return `period_end: ${g.periodEnd} is before period_start ${g.periodStart}`;
  if (!Number.isFinite(g.target) || g.target < 0) return 'target: must be a number ≥ 0';
  if (METRIC_DEFINITIONS[g.metric].unit === 'fraction' && g.target > 1)
    return `target: ${g.metric} is a fraction between 0 and 1 (got ${g.target})`;
  if (g.serviceLine !== null) {
    if (!LINE_METRICS.has(g.metric))
      return `service_line: only referral metrics take a service line (not ${g.metric})`;
    if (!SERVICE_LINES.some((s) => s.key === g.serviceLine))
      return `service_line: "${g.serviceLine}" is not a known service line key`;
  }
  if (g.withinDays !== null && g.metric !== 'issues_resolved')
    return 'within_days: only issues_resolved takes within_days';
  if (g.scope === 'campaign' && g.campaignId === null)
    return 'campaign_id: a campaign goal needs its target list';
  if (g.scope !== 'campaign' && g.campaignId !== null)
    return 'campaign_id: only campaign goals name a target list';
  return null;
}
