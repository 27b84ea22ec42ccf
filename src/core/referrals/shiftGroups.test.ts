import { describe, expect, it } from 'vitest';
import { alertLineLabel, groupShifts, groupWords, shiftWords } from './shiftGroups';

const a = (id: number, npi: string, line: string, target: string, direction: string) => ({
  id,
  npi,
  line,
  target,
  direction,
});

describe('shift groups', () => {
  it('one group per physician × line, in first-seen order, the drop before the rise', () => {
    const items = [
      a(1, 'A', 'imaging', 'competitor', 'rise'),
      a(2, 'B', 'all', 'ours', 'drop'),
      a(3, 'A', 'imaging', 'ours', 'drop'),
      a(4, 'A', 'cardiology', 'ours', 'drop'),
    ];
    const g = groupShifts(items, (x) => `${x.npi}|${x.line}`);
    expect(g.map((x) => x.map((y) => y.id))).toEqual([[3, 1], [2], [4]]);
  });

  it('says each side of a shift in words', () => {
    expect(shiftWords({ target: 'ours', direction: 'drop' })).toBe('fewer to us');
    expect(shiftWords({ target: 'competitor', direction: 'rise' })).toBe('more to competitors');
    expect(shiftWords({ target: 'ours', direction: 'rise' })).toBe('more to us');
    expect(
      groupWords([
        { target: 'ours', direction: 'drop' },
        { target: 'competitor', direction: 'rise' },
      ]),
    ).toBe('fewer to us, more to competitors');
    expect(alertLineLabel('all')).toBe('all service lines');
    expect(alertLineLabel('behavioral_health')).toBe('behavioral health');
  });
});
