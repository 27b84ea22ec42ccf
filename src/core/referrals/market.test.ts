import { describe, expect, it } from 'vitest';
import { leakageByReferrer, risersAndFallers, shareByArea } from './market';

describe('market aggregation', () => {
  it('share by area: (ours + affiliated) / all', () => {
    const s = shareByArea([
      { area: '12001', network: 'ours', count: 3 },
      { area: '12001', network: 'affiliated', count: 1 },
      { area: '12001', network: 'competitor', count: 4 },
      { area: '12003', network: 'independent', count: 2 },
    ]);
    expect(s).toEqual([
      { area: '12001', total: 8, ourNetwork: 4, competitor: 4, other: 0, share: 0.5 },
      { area: '12003', total: 2, ourNetwork: 0, competitor: 0, other: 2, share: 0 },
    ]);
  });
  it('leakage by referrer valued per service line; lines without a value do not add value', () => {
    const r = leakageByReferrer(
      [
        { referringNpi: 'A', serviceLine: 'cardiology', network: 'competitor', count: 3 },
        { referringNpi: 'A', serviceLine: 'cardiology', network: 'ours', count: 1 },
        { referringNpi: 'A', serviceLine: 'dermatology', network: 'competitor', count: 2 },
        { referringNpi: 'B', serviceLine: 'orthopedics', network: 'competitor', count: 1 },
        { referringNpi: 'C', serviceLine: 'orthopedics', network: 'ours', count: 9 },
      ],
      { cardiology: 1000, orthopedics: 5000 },
      10,
    );
    expect(r.map((x) => [x.referringNpi, x.leakage, x.total, x.estimatedValue])).toEqual([
      ['B', 1, 1, 5000],
      ['A', 5, 6, 3000],
    ]);
    expect(r[1]!.leakageShare).toBeCloseTo(5 / 6, 12);
  });
  it('risers and fallers by absolute change', () => {
    const m = risersAndFallers(
      [
        { referringNpi: 'A', recent: 10, prior: 4 },
        { referringNpi: 'B', recent: 0, prior: 5 },
        { referringNpi: 'C', recent: 3, prior: 3 },
      ],
      5,
    );
    expect(m.risers.map((r) => [r.referringNpi, r.change, r.relativeChange])).toEqual([['A', 6, 1.5]]);
    expect(m.fallers.map((r) => [r.referringNpi, r.change, r.relativeChange])).toEqual([['B', -5, -1]]);
  });
});
