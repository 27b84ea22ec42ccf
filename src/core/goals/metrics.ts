// Goal metrics: the keys goals.csv and the API accept, and the definition the UI shows under each ring.
export const GOAL_METRICS = [
  'visits',
  'unique_providers',
  'a_tier_coverage',
  'new_referrers',
  'referral_volume',
  'referral_share',
  'leakage_reduced',
  'issues_resolved',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** cumulative: counts that grow through the period (pace and projection apply); level: a fraction measured now. */
export type MetricKind = 'cumulative' | 'level';

export interface MetricDefinition {
  metric: GoalMetric;
  label: string;
  kind: MetricKind;
  unit: 'count' | 'fraction';
  definition: string;
  source: string;
}

export const VISIT_TYPES = ['in_person_visit', 'drop_in', 'lunch_and_learn'] as const;

export const METRIC_DEFINITIONS: Record<GoalMetric, MetricDefinition> = {
  visits: {
    metric: 'visits',
    label: 'Visits',
    kind: 'cumulative',
    unit: 'count',
    definition:
      'Activities of type in-person visit, drop-in or lunch-and-learn logged by the owner in the period.',
    source: 'CRM activities',
  },
  unique_providers: {
    metric: 'unique_providers',
    label: 'Unique physicians seen',
    kind: 'cumulative',
    unit: 'count',
    definition: 'Distinct physicians attending at least one of those visits in the period.',
    source: 'CRM activities + attendees',
  },
  a_tier_coverage: {
    metric: 'a_tier_coverage',
    label: 'A-tier coverage',
    kind: 'level',
    unit: 'fraction',
    definition:
      'Of the A-tier relationships the owner holds, the fraction whose last visit is within their desired frequency (weekly 7 d, biweekly 14 d, monthly 31 d, quarterly 92 d) as of the data date.',
    source: 'CRM relationships + activities',
  },
  new_referrers: {
    metric: 'new_referrers',
    label: 'New referrers',
    kind: 'cumulative',
    unit: 'count',
    definition:
      'Physicians in the owner’s book or territory whose first-ever referral to our network falls in the period.',
    source: 'Internal referrals (EHR/FHIR)',
  },
  referral_volume: {
    metric: 'referral_volume',
    label: 'Referrals to us',
    kind: 'cumulative',
    unit: 'count',
    definition:
      'Referrals to our network (ours + affiliated) from the owner’s physicians in the period, optionally one service line.',
    source: 'Internal referrals (EHR/FHIR), monthly rollup',
  },
  referral_share: {
    metric: 'referral_share',
    label: 'Share to us',
    kind: 'level',
    unit: 'fraction',
    definition:
      'Of the owner’s physicians’ referrals in the period (optionally one service line), the fraction to our network.',
    source: 'Internal referrals (EHR/FHIR), monthly rollup',
  },
  leakage_reduced: {
    metric: 'leakage_reduced',
    label: 'Leakage reduced',
    kind: 'cumulative',
    unit: 'count',
    definition:
      'Referrals to competitors in the same number of months before the period minus referrals to competitors in the period so far (positive = less leakage).',
    source: 'Internal referrals (EHR/FHIR), monthly rollup',
  },
  issues_resolved: {
    metric: 'issues_resolved',
    label: 'Issues resolved',
    kind: 'cumulative',
    unit: 'count',
    definition:
      'Physician issues owned by the owner resolved in the period within the allowed days (default 30) of being opened.',
    source: 'CRM physician issues',
  },
};

export const isGoalMetric = (s: string): s is GoalMetric => (GOAL_METRICS as readonly string[]).includes(s);
