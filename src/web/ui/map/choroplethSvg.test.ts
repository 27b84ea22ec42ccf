// Two 1° squares side by side at 36–37° N: A (87–86° W, valued) and B (86–85° W, no value), drawn in a
// 200 × 100 box with 10 px padding. Worked by hand: in Mercator, 1° of latitude at 36.5° N is
// 1 / cos(36.5°) = 1.2443 times 1° of longitude, so A is 1 wide × 1.2443 tall; the frame is
// 180 × 80, so the height binds: scale 80 / 1.2443 = 64.29 px per degree of longitude, A spans
// y 10–90 and x 100 ± 32.15 = 67.85–132.15, and B continues to x 196.4 (the SVG clips it).
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { RAMP } from './basemap';
import { choroplethDrawing } from './choroplethSvg';

const square = (id: string, name: string, west: number) => ({
  type: 'Feature' as const,
  id,
  properties: { name },
  geometry: {
    type: 'Polygon' as const,
    // Clockwise (d3-geo's spherical winding for a small polygon's interior).
    coordinates: [
      [
        [west, 36],
        [west, 37],
        [west + 1, 37],
        [west + 1, 36],
        [west, 36],
      ],
    ],
  },
});
const areas: FeatureCollection<Geometry, { name: string }> = {
  type: 'FeatureCollection',
  features: [square('47001', 'A', -87), square('47003', 'B', -86)],
};
const borders: MultiLineString = {
  type: 'MultiLineString',
  coordinates: [
    [
      [-86, 36],
      [-86, 37],
    ],
  ],
};
const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
const xs = (d: string) => numbers(d).filter((_, i) => i % 2 === 0);
const ys = (d: string) => numbers(d).filter((_, i) => i % 2 === 1);

describe('choroplethDrawing', () => {
  const drawing = choroplethDrawing(
    { areas, borders },
    { '47001': 0.5 },
    { width: 200, height: 100, padding: 10 },
  );
  const a = drawing.areas.find((x) => x.id === '47001')!;
  const b = drawing.areas.find((x) => x.id === '47003')!;

  it('fits the valued areas in the padded box', () => {
    expect(Math.min(...ys(a.d))).toBeCloseTo(10, 0);
    expect(Math.max(...ys(a.d))).toBeCloseTo(90, 0);
    expect(Math.min(...xs(a.d))).toBeCloseTo(67.85, 0);
    expect(Math.max(...xs(a.d))).toBeCloseTo(132.15, 0);
  });

  it('still draws the areas around them, past the frame', () => {
    expect(Math.min(...xs(b.d))).toBeCloseTo(132.15, 0);
    expect(Math.max(...xs(b.d))).toBeCloseTo(196.4, 0);
  });

  it('colours valued areas by class and leaves the others unfilled, with their names and values', () => {
    // One value, five classes: every break is 0.5, so it falls in the first class (RAMP[1]).
    expect(a).toMatchObject({ name: 'A', value: 0.5, fill: RAMP[1] });
    expect(b).toMatchObject({ name: 'B', value: undefined, fill: null });
    expect(drawing.legend.colors).toEqual(RAMP.slice(1));
  });

  it('draws the shared border once, as a line between the two', () => {
    expect(xs(drawing.borders).every((x) => Math.abs(x - 132.15) < 0.1)).toBe(true);
    expect(ys(drawing.borders).sort((p, q) => p - q)).toEqual([10, 90]);
  });

  it('frames every area when none has a value', () => {
    const all = choroplethDrawing({ areas, borders }, {}, { width: 200, height: 100, padding: 10 });
    const pts = all.areas.flatMap((x) => xs(x.d));
    expect(Math.min(...pts)).toBeGreaterThanOrEqual(9.9);
    expect(Math.max(...pts)).toBeLessThanOrEqual(190.1);
    expect(all.areas.every((x) => x.fill === null)).toBe(true);
  });
});
