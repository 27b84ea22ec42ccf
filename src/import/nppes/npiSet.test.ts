import { describe, expect, it } from 'vitest';
import { npiCheckDigit } from '../../core/npi';
import { NpiSet } from './npiSet';

// a valid NPI from its first nine digits (the set keys on them)
const npi = (first9: number) => Number(`${first9}${npiCheckDigit(String(first9))}`);

describe('NpiSet', () => {
  it('says false only for an NPI added before, across growth', () => {
    const s = new NpiSet();
    // 200,000 near-sequential NPIs (the table grows from 65,536 slots four times)
    for (let i = 0; i < 200_000; i++) expect(s.add(npi(100000000 + i * 7))).toBe(true);
    expect(s.size).toBe(200_000);
    expect(s.add(npi(100000000))).toBe(false);
    expect(s.add(npi(100000000 + 199_999 * 7))).toBe(false);
    expect(s.add(npi(100000001))).toBe(true); // between two added ones
    expect(s.add(npi(999999999))).toBe(true); // the largest: its key stays below 2^31
    expect(s.add(npi(999999999))).toBe(false);
    expect(s.size).toBe(200_002);
  });
});
