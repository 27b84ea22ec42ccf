import { describe, expect, it } from 'vitest';
import { NpiSet } from './npiSet';

describe('NpiSet', () => {
  it('says false only for an NPI added before, across growth', () => {
    const s = new NpiSet();
    // 200,000 near-sequential NPIs (the table grows from 65,536 slots four times)
    for (let i = 0; i < 200_000; i++) expect(s.add(String(1000000000 + i * 7))).toBe(true);
    expect(s.size).toBe(200_000);
    expect(s.add('1000000000')).toBe(false);
    expect(s.add(String(1000000000 + 199_999 * 7))).toBe(false);
    expect(s.add('1000000001')).toBe(true); // between two added ones
    expect(s.add('9999999999')).toBe(true);
    expect(s.add('9999999999')).toBe(false);
    expect(s.size).toBe(200_002);
  });
});
