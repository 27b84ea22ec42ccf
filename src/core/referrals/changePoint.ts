// Where did a shift begin? A single change-point in a Poisson rate scaled by a market index
// (seasonality): for each split τ, the log-likelihood ratio of "rate a before τ, rate b from τ" over
// "one rate", restricted to the direction tested. The best τ is the start month we report.

export interface ChangePoint {
  /** index into the series of the first month after the change */
  start: number;
  llr: number;
  rateBefore: number;
  rateAfter: number;
}

const xlogy = (y: number, r: number) => (y > 0 ? y * Math.log(r) : 0);

/**
 * `ys` counts, `ws` market-index weights (same length). Candidates keep ≥ minBefore months before
 * and ≥ 1 month after. direction 'down' wants rateAfter < rateBefore, 'up' the opposite.
 */
export function findChangePoint(
  ys: readonly number[],
  ws: readonly number[],
  direction: 'down' | 'up',
  minBefore = 3,
): ChangePoint | null {
  const n = ys.length;
  let totalY = 0;
  let totalW = 0;
  for (let i = 0; i < n; i++) {
    totalY += ys[i]!;
    totalW += ws[i]!;
  }
  if (totalW <= 0) return null;
  const ll0 = xlogy(totalY, totalY / totalW) - totalY;
  let best: ChangePoint | null = null;
  let yBefore = 0;
  let wBefore = 0;
  for (let tau = 1; tau < n; tau++) {
    yBefore += ys[tau - 1]!;
    wBefore += ws[tau - 1]!;
    if (tau < minBefore) continue;
    const yAfter = totalY - yBefore;
    const wAfter = totalW - wBefore;
    if (wBefore <= 0 || wAfter <= 0) continue;
    const a = yBefore / wBefore;
    const b = yAfter / wAfter;
    if (direction === 'down' ? b >= a : b <= a) continue;
    const ll1 = xlogy(yBefore, a) - yBefore + xlogy(yAfter, b) - yAfter;
    const llr = ll1 - ll0;
    if (!best || llr > best.llr + 1e-12) best = { start: tau, llr, rateBefore: a, rateAfter: b };
  }
  return best;
}
