import { describe, expect, it } from 'vitest';
import type { RouteStop } from '../routes/types';
import { mergeStops } from './addToRoute';

const stop = (id: string, providers: [string, number | null][], priority: number): RouteStop => ({
  id,
  locationId: Number(id.slice(4)),
  organizationId: null,
  name: id,
  address: '',
  lat: 40,
  lon: -74,
  geoPrecision: null,
  hours: null,
  visitRules: null,
  providers: providers.map(([npi, score]) => ({ npi, name: npi, score })),
  priority,
  prioritySource: 'target-score',
  why: [],
  visitType: 'visit',
  durationMin: 20,
  appointmentAt: null,
});

describe('mergeStops', () => {
  it('appends new offices, adds new physicians to an office already planned (priority = sum of scores)', () => {
    const current = [stop('loc-1', [['A', 40.4]], 40)];
    const r = mergeStops(current, [stop('loc-1', [['B', 20.3]], 20), stop('loc-2', [['C', 10]], 10)]);
    expect(r.addedNpis).toEqual(['B', 'C']);
    expect(r.alreadyOnRoute).toEqual([]);
    expect(r.stops.map((s) => [s.id, s.providers.map((p) => p.npi), s.priority])).toEqual([
      ['loc-1', ['A', 'B'], 61], // round(40.4 + 20.3)
      ['loc-2', ['C'], 10],
    ]);
    expect(current[0]!.providers).toHaveLength(1); // the stored plan's stops are not mutated
  });

  it('reports physicians already on the route and adds nothing for them', () => {
    const r = mergeStops([stop('loc-1', [['A', 40]], 40)], [stop('loc-1', [['A', 40]], 40)]);
    expect(r.addedNpis).toEqual([]);
    expect(r.alreadyOnRoute).toEqual(['A']);
    expect(r.stops[0]!.priority).toBe(40);
  });
});
