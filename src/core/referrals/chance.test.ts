import { describe, expect, it } from 'vitest';
import { chanceClause, percentChance, statText } from './chance';

describe('percentChance', () => {
  it('reads a probability as a percentage, tiny ones as "< 0.1 %"', () => {
    expect(percentChance(5e-14)).toBe('< 0.1 %');
    expect(percentChance(0)).toBe('< 0.1 %');
    expect(percentChance(0.00099)).toBe('< 0.1 %');
    expect(percentChance(0.001)).toBe('0.1 %');
    expect(percentChance(0.024)).toBe('2.4 %');
    expect(percentChance(0.0999)).toBe('10.0 %'); // one decimal below 10 %
    expect(percentChance(0.35)).toBe('35 %');
    expect(percentChance(1)).toBe('100 %');
    expect(percentChance(Number.NaN)).toBe('—');
  });
});

describe('statText', () => {
  it('writes p and q values with two significant digits, bounded below at 0.001', () => {
    expect(statText('p', 5e-14)).toBe('p < 0.001');
    expect(statText('q', 0.034)).toBe('q = 0.034');
    expect(statText('q', 0.5)).toBe('q = 0.50');
    expect(statText('p', -1)).toBe('p = —');
  });
  it('composes the clause an alert ends with', () => {
    expect(chanceClause(2e-6, 0.012)).toBe(
      'chance alone: 1.2 % (p < 0.001, q = 0.012 after testing every physician)',
    );
  });
});
