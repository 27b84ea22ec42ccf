// Node positions without a force simulation (which would not stay fluid at 5,000 nodes on a
// phone): an ego network is drawn in rings by hop, a market graph as one cluster per community
// placed on a spiral, members on a sunflower pattern inside it. O(n), stable across refetches.
import type { GraphNode } from './api';

export type Point = { x: number; y: number };
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

export function egoLayout(nodes: GraphNode[], center: string): Map<string, Point> {
  const out = new Map<string, Point>();
  const rings = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    if (n.id === center) out.set(n.id, { x: 0, y: 0 });
    else rings.set(n.hop ?? 1, [...(rings.get(n.hop ?? 1) ?? []), n]);
  }
  for (const [hop, ring] of rings) {
    ring.sort((a, b) => (b.tie ?? 0) - (a.tie ?? 0) || (a.id < b.id ? -1 : 1));
    ring.forEach((n, i) => {
      const a = (2 * Math.PI * i) / ring.length + hop * 0.4;
      out.set(n.id, { x: Math.cos(a) * hop, y: Math.sin(a) * hop });
    });
  }
  return out;
}

export function communityLayout(nodes: GraphNode[]): Map<string, Point> {
  const groups = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const c = n.influence?.community ?? -1;
    groups.set(c, [...(groups.get(c) ?? []), n]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const out = new Map<string, Point>();
  // Members sit on a sunflower with unit spacing (cluster radius ≈ √size); cluster centres sit on
  // a wider sunflower spaced by the largest cluster, so clusters do not overlap.
  const spacing = 2.2 * Math.sqrt(ordered[0]?.length ?? 1);
  ordered.forEach((members, k) => {
    const dist = spacing * Math.sqrt(k);
    const cx = Math.cos(k * GOLDEN) * dist;
    const cy = Math.sin(k * GOLDEN) * dist;
    members
      .sort((a, b) => (b.influence?.pagerank ?? 0) - (a.influence?.pagerank ?? 0))
      .forEach((n, i) => {
        const rr = Math.sqrt(i + 0.5);
        out.set(n.id, { x: cx + Math.cos(i * GOLDEN) * rr, y: cy + Math.sin(i * GOLDEN) * rr });
      });
  });
  return out;
}
