// Cutting a large TopoJSON into small per-state pieces and joining some of them again, so a map of one
// market downloads and parses its own counties (~30 kB) instead of all 3,231 US counties (842 kB).
// A piece keeps the *original* index of every arc it uses (`arcIds`), so joining pieces shares the arcs
// on their common borders exactly as the full topology does: `mesh(..., a !== b)` still finds the
// county lines that run along a state line. Arcs are independent in a quantized topology (each starts
// with an absolute position), so they can be copied one by one. Pure; used by the build and the browser.
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

type Arcs = number[] | number[][] | number[][][];
type WithArcs = GeometryObject & { arcs?: Arcs };
export type TopologyPiece = Topology<{ [k: string]: GeometryCollection }> & { arcIds: number[] };

const mapArcs = (arcs: Arcs, f: (i: number) => number): Arcs =>
  (arcs as unknown[]).map((a) => (Array.isArray(a) ? mapArcs(a as Arcs, f) : f(a as number))) as Arcs;
/** A negative arc index ~i means arc i reversed. */
const signed = (i: number, to: (i: number) => number) => (i >= 0 ? to(i) : ~to(~i));

function forEachArc(arcs: Arcs | undefined, f: (i: number) => void) {
  for (const a of (arcs ?? []) as unknown[]) Array.isArray(a) ? forEachArc(a as Arcs, f) : f(a as number);
}

/** The geometries of `object` that `keep` accepts, with only the arcs they use (original ids kept). */
export function topologyPiece(
  topo: Topology,
  object: string,
  keep: (g: GeometryObject) => boolean,
): TopologyPiece {
  const all = topo.objects[object] as GeometryCollection;
  const geometries = all.geometries.filter(keep) as WithArcs[];
  const used = new Set<number>();
  for (const g of geometries) forEachArc(g.arcs, (i) => used.add(i >= 0 ? i : ~i));
  const arcIds = [...used].sort((a, b) => a - b);
  const local = new Map(arcIds.map((id, j) => [id, j]));
  return {
    type: 'Topology',
    ...(topo.transform ? { transform: topo.transform } : {}),
    objects: {
      [object]: {
        type: 'GeometryCollection',
        geometries: geometries.map((g) =>
          g.arcs
            ? ({ ...g, arcs: mapArcs(g.arcs, (i) => signed(i, (k) => local.get(k)!)) } as GeometryObject)
            : g,
        ),
      },
    },
    arcs: arcIds.map((id) => topo.arcs[id]!),
    arcIds,
  };
}

/** Several pieces of one topology as one topology (arcs on shared borders appear once). */
export function joinPieces(
  pieces: TopologyPiece[],
  object: string,
): Topology<{ [k: string]: GeometryCollection }> {
  const index = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const geometries: GeometryObject[] = [];
  for (const p of pieces) {
    const toJoined = p.arcIds.map((id, j) => {
      let k = index.get(id);
      if (k === undefined) {
        k = arcs.length;
        index.set(id, k);
        arcs.push(p.arcs[j]!);
      }
      return k;
    });
    for (const g of (p.objects[object]?.geometries ?? []) as WithArcs[])
      geometries.push(
        g.arcs
          ? ({ ...g, arcs: mapArcs(g.arcs, (i) => signed(i, (j) => toJoined[j]!)) } as GeometryObject)
          : g,
      );
  }
  return {
    type: 'Topology',
    ...(pieces[0]?.transform ? { transform: pieces[0].transform } : {}),
    objects: { [object]: { type: 'GeometryCollection', geometries } },
    arcs,
  };
}
