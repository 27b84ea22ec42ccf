import { describe, expect, it } from 'vitest';
import { groupAlerts, groupQ, groupStart } from './alertGroups';
import type { Alert } from './api';

const alert = (id: number, npi: string, line: string, direction: 'drop' | 'rise', q: number, start: string) =>
  ({ id, referringNpi: npi, serviceLine: line, direction, qValue: q, startMonth: start }) as Alert;

describe('groupAlerts', () => {
  it('puts the drop and the rise of one physician and line together, where the first of them stood', () => {
    const items = [
      alert(1, 'A', 'all', 'rise', 0.001, '2026-06'),
      alert(2, 'B', 'cardiology', 'rise', 0.002, '2026-01'),
      alert(3, 'A', 'all', 'drop', 0.003, '2026-05'),
      alert(4, 'A', 'orthopedics', 'drop', 0.004, '2026-02'),
    ];
    const groups = groupAlerts(items);
    expect(groups.map((g) => g.map((a) => a.id))).toEqual([[3, 1], [2], [4]]);
    expect(groupStart(groups[0]!)).toBe('2026-05');
    expect(groupQ(groups[0]!)).toBe(0.001);
  });

  it('leaves an empty inbox empty', () => {
    expect(groupAlerts([])).toEqual([]);
  });
});
