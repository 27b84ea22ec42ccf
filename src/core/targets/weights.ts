// The factors of the target score and their default weights. A manager tunes the weights; they are
// stored as given and normalized to sum to 1 when scoring, so a score is always on 0..100.

export const FACTORS = [
  'opportunity',
  'growth',
  'loyalty',
  'influence',
  'newToMarket',
  'recency',
  'openIssues',
  'proximity',
] as const;

export type Factor = (typeof FACTORS)[number];
export type TargetWeights = Record<Factor, number>;

export const FACTOR_LABELS: Record<Factor, string> = {
  opportunity: 'Opportunity (leakage in our service lines)',
  growth: 'Growth (referral trend)',
  loyalty: 'Loyalty segment',
  influence: 'Influence (network centrality)',
  newToMarket: 'New to market',
  recency: 'Visit due (recency vs desired frequency)',
  openIssues: 'Open issues',
  proximity: 'Distance from territory',
};

/** How each factor is put on 0..1 — shown in the UI and the API next to the weights. */
export const FACTOR_NORMALIZATION: Record<Factor, string> = {
  opportunity: 'leaked referrals (12 months) ÷ the 90th percentile among candidates, capped at 1',
  growth:
    'change of referral volume, last 6 months vs the 6 before: −50 % → 0, flat → 0.5, +50 % or more → 1',
  loyalty:
    'segment: splitter 1, opportunity 0.8, loyalist 0.3, low volume or no referrals in our lines 0.5 (segments as in Referrals: loyalist ≥ 50 % to our network, opportunity < 10 %)',
  influence: 'PageRank percentile among all providers in the network (0 = lowest, 1 = highest)',
  newToMarket: 'arrived in the market within 12 months: 1 on arrival, falling linearly to 0 at 12 months',
  recency:
    'days since last visit ÷ desired interval ÷ 2, capped at 1 (0.5 = due now); never visited with a cadence = 1',
  openIssues: 'open physician issues ÷ 3, capped at 1',
  proximity: 'inside the liaison’s territory = 1, else 1 − km to the territory ÷ 50, floored at 0',
};

export const DEFAULT_WEIGHTS: TargetWeights = {
  opportunity: 30,
  growth: 10,
  loyalty: 15,
  influence: 15,
  newToMarket: 10,
  recency: 10,
  openIssues: 5,
  proximity: 5,
};

/** Check and complete a weight set; missing factors take the default, negatives are refused. */
export function resolveWeights(partial: Partial<Record<string, number>> = {}): TargetWeights {
  const out = { ...DEFAULT_WEIGHTS };
  for (const [k, v] of Object.entries(partial)) {
    if (!(FACTORS as readonly string[]).includes(k)) throw new RangeError(`weights.${k}: unknown factor`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1000)
      throw new RangeError(`weights.${k}: must be a number from 0 to 1000`);
    out[k as Factor] = v;
  }
  if (FACTORS.every((f) => out[f] === 0))
    throw new RangeError('weights: at least one weight must be above 0');
  return out;
}
