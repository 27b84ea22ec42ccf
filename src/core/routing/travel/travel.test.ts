import { describe, expect, it } from 'vitest';
import { estimateMatrices, greatCircleKm } from './geo';
import { parseOsrmTable, parseValhallaMatrix } from './providers';

describe('great-circle travel estimate', () => {
  it('matches known distances', () => {
    // One degree of latitude on the 6371.0088 km mean sphere.
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 2);
    // JFK → LAX: 3983 km on the WGS-84 ellipsoid, ≈ 3974 km on the mean sphere used by haversine.
    expect(greatCircleKm({ lat: 40.6413, lon: -73.7781 }, { lat: 33.9416, lon: -118.4085 })).toBeCloseTo(
      3974,
      -1,
    );
  });

  it('applies circuity and the area speeds of both ends', () => {
    const a = { lat: 0, lon: 0, area: 'urban' as const };
    const b = { lat: 0.1, lon: 0, area: 'rural' as const };
    const { minutes, km } = estimateMatrices([a, b], { circuity: 1.5, speedKmh: { urban: 30, rural: 90 } });
    const d = greatCircleKm(a, b) * 1.5;
    expect(km[0]![1]).toBeCloseTo(d, 9);
    expect(minutes[0]![1]).toBeCloseTo((d / 2 / 30 + d / 2 / 90) * 60, 9);
    expect(minutes[1]![0]).toBeCloseTo(minutes[0]![1]!, 9);
    expect(minutes[0]![0]).toBe(0);
  });
});

describe('routing engine responses', () => {
  it('parses an OSRM /table response (seconds, metres, null = unreachable)', () => {
    const osrm = {
      code: 'Ok',
      durations: [
        [0, 600, null],
        [660, 0, 120],
        [300, 90, 0],
      ],
      distances: [
        [0, 9000, null],
        [9500, 0, 1000],
        [4000, 800, 0],
      ],
      sources: [{ location: [13.38, 52.51], name: 'Friedrichstraße' }, {}, {}],
      destinations: [{}, {}, {}],
    };
    const r = parseOsrmTable(osrm);
    expect(r.minutes[0]![1]).toBe(10);
    expect(r.minutes[1]![0]).toBe(11);
    expect(r.minutes[0]![2]).toBe(Infinity);
    expect(r.km?.[0]?.[1]).toBe(9);
    expect(() => parseOsrmTable({ code: 'InvalidQuery', message: 'bad coords' })).toThrow(/InvalidQuery/);
    expect(parseOsrmTable({ code: 'Ok', durations: [[0]] }).km).toBeUndefined();
  });

  it('parses a Valhalla /sources_to_targets response (seconds, km or miles)', () => {
    const cell = (from: number, to: number, time: number | null, distance: number | null) => ({
      from_index: from,
      to_index: to,
      time,
      distance,
    });
    const valhalla = {
      sources_to_targets: [
        [cell(0, 0, 0, 0), cell(0, 1, 900, 12.5)],
        [cell(1, 0, 960, 13), cell(1, 1, 0, 0)],
      ],
      units: 'kilometers',
    };
    const r = parseValhallaMatrix(valhalla);
    expect(r.minutes).toEqual([
      [0, 15],
      [16, 0],
    ]);
    expect(r.km[0]![1]).toBe(12.5);
    const miles = parseValhallaMatrix({ ...valhalla, units: 'miles' });
    expect(miles.km[0]![1]).toBeCloseTo(12.5 * 1.609344, 9);
    const unreachable = parseValhallaMatrix({
      sources_to_targets: [
        [cell(0, 0, 0, 0), cell(0, 1, null, null)],
        [cell(1, 0, 1, 1), cell(1, 1, 0, 0)],
      ],
    });
    expect(unreachable.minutes[0]![1]).toBe(Infinity);
    expect(() => parseValhallaMatrix({})).toThrow();
  });
});
