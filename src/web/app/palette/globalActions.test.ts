import { describe, expect, it } from 'vitest';
import { localTomorrow } from './globalActions';

describe('the palette\'s "Plan tomorrow"', () => {
  it('plans the next calendar day where the liaison is', () => {
    expect(localTomorrow(new Date(2026, 10, 29, 9, 0))).toBe('2026-11-30');
    // late on New Year's Eve, local time: next year
    expect(localTomorrow(new Date(2026, 11, 31, 23, 30))).toBe('2027-01-01');
    // a leap year's February
    expect(localTomorrow(new Date(2028, 1, 28, 12, 0))).toBe('2028-02-29');
  });
});
