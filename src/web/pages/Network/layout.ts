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
  let radiusSoFar = 0;
  ordered.forEach((members, k) => {
    const r = Math.sqrt(members.length) * 0.06;
    const angle = k * GOLDEN;
    const dist = k === 0 ? 0 : radiusSoFar + r;
    const cx = Math.cos(angle) * dist;
    const cy = Math.sin(angle) * dist;
    radiusSoFar = Math.max(radiusSoFar, dist + r) * 0.92 + r * 0.3;
    members
      .sort((a, b) => (b.influence?.pagerank ?? 0) - (a.influence?.pagerank ?? 0))
      .forEach((n, i) => {
        const rr = r * Math.sqrt((i + 0.5) / members.length);
        out.set(n.id, { x: cx + Math.cos(i * GOLDEN) * rr, y: cy + Math.sin(i * GOLDEN) * rr });
      });
  });
  return out;
}
