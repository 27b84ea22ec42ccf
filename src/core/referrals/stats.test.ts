import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  betaBinomialCdf,
  binomialCdf,
  binomialUpper,
  incompleteBeta,
  lnGamma,
} from './stats';

describe('distribution functions (values worked out by hand)', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('incomplete beta: I_x(1,1) = x and I_x(2,1) = x²', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
  });
  it('binomial tails: P(X≤2 | 10, ½) = 56/1024 = P(X≥8)', () => {
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialUpper(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialCdf(0, 6, 1 / 3)).toBeCloseTo(64 / 729, 12);
    expect(binomialCdf(-1, 6, 0.3)).toBe(0);
    expect(binomialCdf(6, 6, 0.3)).toBe(1);
  });
  it('beta-binomial with a = b = 1 (p = ½, ρ = ⅓) is uniform on 0..n', () => {
    expect(betaBinomialCdf(0, 2, 0.5, 1 / 3)).toBeCloseTo(1 / 3, 12);
    expect(betaBinomialCdf(1, 2, 0.5, 1 / 3)).toBeCloseTo(2 / 3, 12);
    expect(betaBinomialCdf(3, 4, 0.5, 1 / 3)).toBeCloseTo(4 / 5, 12); // upper-tail branch
    expect(betaBinomialCdf(2, 10, 0.5, 0)).toBeCloseTo(56 / 1024, 12);
  });
  it('Benjamini–Hochberg q-values', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.16 / 3, 12);
    expect(q[2]).toBeCloseTo(0.16 / 3, 12);
    expect(q[3]).toBeCloseTo(0.5, 12);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
