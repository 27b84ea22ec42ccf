// The list, the API and the ICS export show a planned time the same way: fractional minutes rounded once.
import { describe, expect, it } from 'vitest';
import { hhmm as webHhmm } from '../../web/pages/Routes/api';
import { localDate } from './planDay';
import { hhmm } from './present';

describe('planned times', () => {
  it('round to the nearest minute without ever showing minute 60', () => {
    expect(hhmm(594.78)).toBe('09:55');
    expect(hhmm(599.6)).toBe('10:00');
    expect(hhmm(480)).toBe('08:00');
  });

  it('are the same minute in the list (server and web) and in the calendar export', () => {
    for (let m = 480; m < 1080; m += 0.37) {
      const d = localDate('2026-12-01', m);
      const cal = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      expect(cal).toBe(hhmm(m));
      expect(webHhmm(m)).toBe(hhmm(m));
    }
  });
});
