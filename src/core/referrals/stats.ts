// Small, dependency-free distribution functions for the referral change tests.
// Accuracy: lnGamma (Lanczos, g=7) ~1e-15 relative; incomplete beta by Lentz's continued fraction.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const lnBeta = (a: number, b: number) => lnGamma(a) + lnGamma(b) - lnGamma(a + b);

function betaContinuedFraction(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - lnBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return incompleteBeta(1 - p, n - k, k + 1);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpper(k: number, n: number, p: number): number {
  return k <= 0 ? 1 : 1 - binomialCdf(k - 1, n, p);
}

function betaBinomialLogPmf(k: number, n: number, a: number, b: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + lnBeta(k + a, n - k + b) - lnBeta(a, b);
}

/**
 * P(X ≤ k) for X ~ Beta-Binomial(n, p, ρ): the binomial with extra-binomial variance
 * n p (1−p) [1 + (n−1) ρ]. Sums the shorter tail so the cost is O(min(k, n−k)).
 */
export function betaBinomialCdf(k: number, n: number, p: number, rho: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (rho <= 1e-12) return binomialCdf(k, n, p);
  const s = 1 / rho - 1;
  const a = p * s;
  const b = (1 - p) * s;
  let sum = 0;
  if (k <= n / 2) {
    for (let i = 0; i <= k; i++) sum += Math.exp(betaBinomialLogPmf(i, n, a, b));
    return Math.min(1, sum);
  }
  for (let i = k + 1; i <= n; i++) sum += Math.exp(betaBinomialLogPmf(i, n, a, b));
  return Math.max(0, 1 - sum);
}

/** Benjamini–Hochberg adjusted p-values (q-values), in the input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const q = new Array<number>(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const [p, i] = order[r]!;
    running = Math.min(running, (p * m) / (r + 1));
    q[i] = Math.min(1, running);
  }
  return q;
}

const lnChoose = (n: number, k: number) => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);

/**
 * Tails of the hypergeometric distribution: X successes in n draws from a population of N with K
 * successes (Fisher's exact test of a 2×2 table). Sums the shorter side. Non-integer inputs (tables
 * deflated by a design effect) are handled through lnGamma.
 */
export function hypergeometricCdf(x: number, N: number, K: number, n: number): number {
  const lo = Math.max(0, n - (N - K));
  const hi = Math.min(n, K);
  if (x < lo) return 0;
  if (x >= hi) return 1;
  const denom = lnChoose(N, n);
  const pmf = (k: number) => Math.exp(lnChoose(K, k) + lnChoose(N - K, n - k) - denom);
  let s = 0;
  if (x - lo <= hi - x) {
    for (let k = Math.ceil(lo); k <= x; k++) s += pmf(k);
    return Math.min(1, s);
  }
  for (let k = Math.floor(x) + 1; k <= hi; k++) s += pmf(k);
  return Math.max(0, 1 - s);
}
