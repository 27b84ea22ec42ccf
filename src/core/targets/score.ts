// The explainable target score: Σ normalized weight × factor, reported in points (0..100) with a
// breakdown per factor. Points are integers of hundredths allocated by largest remainder, so the
// displayed breakdown adds up to the displayed score exactly — no "rounding" gap to explain away.
import { explain } from './explain';
import { factorValues, type ScoreContext, type TargetFacts } from './factors';
import { FACTORS, type Factor, type TargetWeights } from './weights';

export type FactorContribution = {
  factor: Factor;
  value: number; // 0..1
  known: boolean;
  weight: number; // normalized, sums to 1 over factors
  points: number; // weight × value × 100, rounded to hundredths
};

export type TargetScore = { npi: string; score: number; breakdown: FactorContribution[]; why: string[] };

export function scoreTarget(facts: TargetFacts, weights: TargetWeights, ctx: ScoreContext): TargetScore {
  const values = factorValues(facts, ctx);
  const sumW = FACTORS.reduce((s, f) => s + weights[f], 0);
  const raw = FACTORS.map((f) => (weights[f] / sumW) * values[f].value * 10_000);
  const cents = largestRemainder(raw);
  const breakdown = FACTORS.map((factor, i) => ({
    factor,
    value: values[factor].value,
    known: values[factor].known,
    weight: weights[factor] / sumW,
    points: cents[i] / 100,
  }));
  const score = cents.reduce((s, c) => s + c, 0) / 100;
  return { npi: facts.npi, score, breakdown, why: explain(facts, breakdown, ctx) };
}

/** Round each part to an integer so the parts sum to the rounded total. */
export function largestRemainder(parts: readonly number[]): number[] {
  const total = Math.round(parts.reduce((s, x) => s + x, 0));
  const floors = parts.map(Math.floor);
  let left = total - floors.reduce((s, x) => s + x, 0);
  const order = parts
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/** The score alone — exactly the sum scoreTarget's breakdown rounds to (same terms, same order). */
function scoreOnly(facts: TargetFacts, weights: TargetWeights, ctx: ScoreContext, sumW: number): number {
  const values = factorValues(facts, ctx);
  let total = 0;
  for (const f of FACTORS) total += (weights[f] / sumW) * values[f].value * 10_000;
  return Math.round(total) / 100;
}

/**
 * Score and rank a pool; ties broken by NPI so the order is stable. The breakdown and "why" are
 * built for the first `detailTop` ranks only — later ranks carry `breakdown: []` and `why: []`:
 * they are nearly all of the cost (2,000 full breakdowns ≈ 40 ms of CPU for a page showing 50).
 */
export function rankTargets(
  pool: readonly TargetFacts[],
  weights: TargetWeights,
  ctx: ScoreContext,
  detailTop = Number.POSITIVE_INFINITY,
): TargetScore[] {
  const sumW = FACTORS.reduce((s, f) => s + weights[f], 0);
  const scored = pool
    .map((f) => ({ f, score: scoreOnly(f, weights, ctx, sumW) }))
    .sort((a, b) => b.score - a.score || (a.f.npi < b.f.npi ? -1 : 1));
  return scored.map(({ f, score }, i) =>
    i < detailTop ? scoreTarget(f, weights, ctx) : { npi: f.npi, score, breakdown: [], why: [] },
  );
}
