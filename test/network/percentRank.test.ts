import { describe, expect, it } from 'vitest';
import { percentRank } from '../../src/commands/network/computeNetwork';

describe('percentRank', () => {
  it('is the share of values strictly below, ties sharing the lowest position', () => {
    // sorted: 1 2 2 5 → positions 0, 1, 1, 3 of n−1 = 3
    expect(Array.from(percentRank(Float64Array.from([5, 2, 1, 2])))).toEqual([1, 1 / 3, 0, 1 / 3]);
    expect(Array.from(percentRank(Float64Array.from([7])))).toEqual([0]);
  });
});
