// Ego network: the physician, everyone within `depth` hops (either direction), and the edges among
// them. The query layer fetches candidate edges; this keeps the strongest neighbours when the
// neighbourhood is larger than a screen can show (capped per hop by tie strength to the ego side).
import type { Edge } from './graph';

export type EgoNode = { id: string; hop: number; strength: number };
export type EgoNetwork = { center: string; nodes: EgoNode[]; edges: Edge[]; truncated: boolean };

export function egoNetwork(
  center: string,
  edges: readonly Edge[],
  opts: { depth?: 1 | 2; maxNodes?: number } = {},
): EgoNetwork {
  const depth = opts.depth ?? 1;
  const maxNodes = opts.maxNodes ?? 300;
  const adj = new Map<string, Map<string, number>>();
  const link = (a: string, b: string, w: number) => {
    const m = adj.get(a) ?? new Map<string, number>();
    adj.set(a, m);
    m.set(b, (m.get(b) ?? 0) + w);
  };
  for (const e of edges) {
    if (e.source === e.target || !(e.weight > 0)) continue;
    link(e.source, e.target, e.weight);
    link(e.target, e.source, e.weight);
  }
  const hop = new Map<string, number>([[center, 0]]);
  const tie = new Map<string, number>([[center, Number.POSITIVE_INFINITY]]);
  let frontier = [center];
  let truncated = false;
  for (let h = 1; h <= depth && frontier.length; h++) {
    // Strength of each new node = its strongest tie to the previous hop.
    const found = new Map<string, number>();
    for (const u of frontier)
      for (const [v, w] of adj.get(u) ?? []) if (!hop.has(v)) found.set(v, Math.max(found.get(v) ?? 0, w));
    const ranked = [...found].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const room = maxNodes - hop.size;
    if (ranked.length > room) truncated = true;
    frontier = [];
    for (const [v, w] of ranked.slice(0, Math.max(0, room))) {
      hop.set(v, h);
      tie.set(v, w);
      frontier.push(v);
    }
  }
  const nodes = [...hop].map(([id, h]) => ({ id, hop: h, strength: h === 0 ? 0 : tie.get(id)! }));
  const kept = edges.filter(
    (e) => e.source !== e.target && e.weight > 0 && hop.has(e.source) && hop.has(e.target),
  );
  return { center, nodes, edges: kept, truncated };
}
