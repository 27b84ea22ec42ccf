import { describe, expect, it } from 'vitest';
import { npiCheckDigit, npiProblem } from './npi';

describe('NPI check digit', () => {
  it('matches the CMS worked example 123456789 → 3', () => {
    // 80840123456789: doubling alternate digits from the right gives a sum of 67 → check 3
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(npiProblem('1234567893')).toBeNull();
  });
  it('rejects a wrong check digit and a wrong format', () => {
    expect(npiProblem('1234567890')).toBe('check_digit');
    expect(npiProblem('123456789')).toBe('format');
    expect(npiProblem('12345678a3')).toBe('format');
  });
});
