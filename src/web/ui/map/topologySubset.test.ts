// Two states, three counties in a row: A1 | A2 (state 01) | B1 (state 02). Arcs (unquantized):
//   0: the A1/A2 border, 1: the A2/B1 border (a state line), 2–4: the outer edges of A1, A2, B1.
import { feature, mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { joinPieces, topologyPiece } from './topologySubset';

const topo = {
  type: 'Topology',
  objects: {
    counties: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: '01001', arcs: [[2, 0]] },
        { type: 'Polygon', id: '01003', arcs: [[~0, 3, 1]] },
        { type: 'Polygon', id: '02001', arcs: [[~1, 4]] },
      ],
    },
  },
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [2, 1],
      [2, 0],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
    ],
    [
      [2, 0],
      [3, 0],
      [3, 1],
      [2, 1],
    ],
  ],
} as unknown as Topology;
const inState = (s: string) => (g: { id?: string | number }) => String(g.id).startsWith(s);

describe('topology pieces', () => {
  it('keeps only the arcs a state uses, with their original ids', () => {
    const a = topologyPiece(topo, 'counties', inState('01'));
    expect(a.arcIds).toEqual([0, 1, 2, 3]);
    expect(a.objects.counties!.geometries.map((g) => g.id)).toEqual(['01001', '01003']);
    const b = topologyPiece(topo, 'counties', inState('02'));
    expect(b.arcIds).toEqual([1, 4]);
    // B1's ring ~1, 4 becomes ~0, 1 in a piece whose arcs are [arc 1, arc 4]
    expect((b.objects.counties!.geometries[0] as { arcs: number[][] }).arcs).toEqual([[~0, 1]]);
    expect(b.arcs).toEqual([topo.arcs[1], topo.arcs[4]]);
  });

  it('joined pieces draw the same polygons and inner borders as the full topology', () => {
    const pieces = [inState('01'), inState('02')].map((f) => topologyPiece(topo, 'counties', f));
    const joined = joinPieces(pieces, 'counties');
    expect(joined.arcs).toHaveLength(5); // the state line (arc 1) appears once
    const full = topo.objects.counties!;
    const obj = joined.objects.counties!;
    expect(feature(joined, obj)).toEqual(feature(topo, full));
    // inner borders: the A1/A2 line and the state line, in either case
    const inner = mesh(joined, obj, (x, y) => x !== y).coordinates;
    expect(inner).toEqual(mesh(topo, full as never, (x, y) => x !== y).coordinates);
    expect(inner).toHaveLength(2);
  });

  it('a state alone has no inner border on its state line', () => {
    const b = topologyPiece(topo, 'counties', inState('02'));
    const obj = joinPieces([b], 'counties').objects.counties!;
    expect(mesh(joinPieces([b], 'counties'), obj, (x, y) => x !== y).coordinates).toEqual([]);
  });
});
