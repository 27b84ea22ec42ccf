// Progress, pace and projection of one goal. Pure: the caller supplies the measured value and dates.
//
// Cumulative metrics (counts): pace compares the value with the share of the target the elapsed
// fraction of the period calls for; the projection extends the observed daily rate to the period end.
// Its interval treats the count so far as Poisson: the rate is uncertain (se √x / elapsed days) and
// the remaining days add their own Poisson noise — var = (remaining/elapsed)² · x + rate · remaining.
// Level metrics (fractions): the projection is the current value, its interval a normal approximation
// of a binomial proportion over the denominator (n relationships or referrals).
import { type GoalMetric, METRIC_DEFINITIONS } from './metrics';

export const Z90 = 1.6448536269514722;

export interface GoalInput {
  metric: GoalMetric;
  target: number;
  periodStart: string; // YYYY-MM-DD inclusive
  periodEnd: string; // YYYY-MM-DD inclusive
  asOf: string; // YYYY-MM-DD: the data date the value is measured through (inclusive)
  value: number;
  /** level metrics: the denominator behind the fraction (relationships, referrals). */
  denominator?: number;
}

export type GoalStatus = 'met' | 'ahead' | 'on_track' | 'behind' | 'not_started' | 'missed';

export interface GoalProgress {
  value: number;
  target: number;
  progress: number; // value / target (may exceed 1)
  elapsed: number; // 0..1 fraction of the period's days through asOf
  expectedByNow: number; // target × elapsed (cumulative) or target (level)
  pace: number | null; // value / expectedByNow
  projection: number;
  interval: [number, number]; // 90 %
  status: GoalStatus;
  daysElapsed: number;
  daysTotal: number;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

export function periodDays(start: string, end: string, asOf: string) {
  const s = dayOf(start);
  const e = dayOf(end);
  if (!(e >= s)) throw new RangeError(`period end ${end} is before its start ${start}`);
  const total = e - s + 1;
  const elapsed = Math.min(total, Math.max(0, dayOf(asOf) - s + 1));
  return { total, elapsed };
}

export function goalProgress(g: GoalInput): GoalProgress {
  const def = METRIC_DEFINITIONS[g.metric];
  const { total, elapsed } = periodDays(g.periodStart, g.periodEnd, g.asOf);
  const frac = elapsed / total;
  const progress = g.target > 0 ? g.value / g.target : g.value >= g.target ? 1 : 0;
  if (def.kind === 'level') {
    const n = g.denominator ?? 0;
    const p = Math.min(1, Math.max(0, g.value));
    const half = n > 0 ? Z90 * Math.sqrt((p * (1 - p)) / n) : 1;
    const interval: [number, number] = [Math.max(0, p - half), Math.min(1, p + half)];
    const status: GoalStatus =
      elapsed === 0
        ? 'not_started'
        : g.value >= g.target
          ? elapsed === total
            ? 'met'
            : 'on_track'
          : elapsed === total
            ? 'missed'
            : 'behind';
    return {
      value: g.value,
      target: g.target,
      progress,
      elapsed: frac,
      expectedByNow: g.target,
      pace: g.target > 0 ? g.value / g.target : null,
      projection: g.value,
      interval,
      status,
      daysElapsed: elapsed,
      daysTotal: total,
    };
  }
  const expected = g.target * frac;
  const pace = expected > 0 ? g.value / expected : null;
  let projection = g.value;
  let interval: [number, number] = [g.value, g.value];
  if (elapsed > 0 && elapsed < total) {
    const remaining = total - elapsed;
    const rate = g.value / elapsed;
    projection = g.value + rate * remaining;
    const sd = Math.sqrt((remaining / elapsed) ** 2 * g.value + rate * remaining);
    interval = [Math.max(g.value, projection - Z90 * sd), projection + Z90 * sd];
  }
  let status: GoalStatus;
  if (g.value >= g.target && g.target > 0) status = 'met';
  else if (elapsed === 0) status = 'not_started';
  else if (elapsed === total) status = 'missed';
  else if (pace !== null && pace >= 1.1) status = 'ahead';
  else if (pace !== null && pace >= 0.9) status = 'on_track';
  else status = 'behind';
  return {
    value: g.value,
    target: g.target,
    progress,
    elapsed: frac,
    expectedByNow: expected,
    pace,
    projection,
    interval,
    status,
    daysElapsed: elapsed,
    daysTotal: total,
  };
}
