// A market graph draws every tie, and with thousands running between communities the picture is a grey
// mass in which no cluster's neighbours can be told apart. Summarized, each pair of communities gets
// one line between their most influential members, as wide as the pair's ties weigh together; the ties
// inside a community stay as they are, and a selected physician's own ties are always drawn (renderers).
import type { GraphEdge, GraphNode } from './api';

export type CommunityTie = {
  /** the two communities' hubs (their highest-PageRank members), which the line joins */
  source: string;
  target: string;
  communities: [number, number];
  ties: number;
  weight: number;
};

export type TieSummary = {
  /** keys (`source>target`) of the ties that run between two communities */
  between: Set<string>;
  lines: CommunityTie[];
};

export const tieKey = (e: { source: string; target: string }) => `${e.source}>${e.target}`;

/** Ties grouped by the communities of their two ends; providers without influence metrics form one group. */
export function summarizeCommunityTies(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): TieSummary {
  const community = new Map<string, number>();
  const hub = new Map<number, GraphNode>();
  const pr = (n: GraphNode) => n.influence?.pagerank ?? 0;
  for (const n of nodes) {
    // not computed (e.g. a provider outside the directory): one group, as layout.ts places them
    const c = n.influence?.community ?? -1;
    community.set(n.id, c);
    const h = hub.get(c);
    if (!h || pr(n) > pr(h) || (pr(n) === pr(h) && n.id < h.id)) hub.set(c, n);
  }
  const between = new Set<string>();
  const lines = new Map<string, CommunityTie>();
  for (const e of edges) {
    const a = community.get(e.source);
    const b = community.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    between.add(tieKey(e));
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const k = `${lo}|${hi}`;
    const line = lines.get(k) ?? {
      source: hub.get(lo)!.id,
      target: hub.get(hi)!.id,
      communities: [lo, hi],
      ties: 0,
      weight: 0,
    };
    line.ties += 1;
    line.weight += e.weight;
    lines.set(k, line);
  }
  return { between, lines: [...lines.values()].sort((x, y) => y.weight - x.weight) };
}

/** A summary line's width in pixels: 1 to 8, by the square root of its share of the heaviest line. */
export function summaryWidth(line: CommunityTie, heaviest: number): number {
  return 1 + 7 * Math.sqrt(line.weight / Math.max(heaviest, 1e-9));
}

/** A community for people: "Vikram Young, MD and 311 others". */
export function communityLabel(nodes: readonly GraphNode[]): Map<number, { label: string; size: number }> {
  const members = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const c = n.influence?.community;
    if (c === undefined) continue;
    const list = members.get(c);
    if (list) list.push(n);
    else members.set(c, [n]);
  }
  const out = new Map<number, { label: string; size: number }>();
  for (const [c, list] of members) {
    const top = list.reduce((h, n) => ((n.influence?.pagerank ?? 0) > (h.influence?.pagerank ?? 0) ? n : h));
    out.set(c, {
      label:
        list.length > 1 ? `${top.name} and ${list.length - 1} other${list.length > 2 ? 's' : ''}` : top.name,
      size: list.length,
    });
  }
  return out;
}
