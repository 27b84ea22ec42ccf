// How the network graph looks, shared by both renderers (SigmaGraph in WebGL, GraphCanvas on a 2D
// canvas) so the fallback draws the same colours and dot sizes as the default view.
import type { GraphEdge, GraphNode, NetStatus } from './api';
import type { TieSummary } from './communityTies';
import type { Point } from './layout';

/** What GraphView hands to either renderer. */
export type GraphRendererProps = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  positions: Map<string, Point>;
  selected: string | null;
  onSelect: (id: string | null) => void;
  label: string;
  /** ties between communities drawn as one line per community pair (market view; communityTies.ts) */
  summary?: TieSummary | null;
};

export const STATUS_COLORS: Record<NetStatus, string> = {
  ours: '#1d7a46',
  affiliated: '#2759b0',
  independent: '#5a6370',
  competitor: '#b23a26',
  unknown: '#9aa3ad',
};

/** A line standing for all the ties between two communities. */
export const SUMMARY_EDGE_COLOR = 'rgba(11,92,92,0.38)';

/** A tie of the selected node. (Other ties are grey; each renderer sets its own transparency.) */
export const SELECTED_EDGE_COLOR = 'rgba(11,92,92,0.85)';

/** Dot size grows with PageRank percentile (the focus provider, hop 0, larger still); smaller dots
 * when thousands share the view. */
export function nodeSize(n: GraphNode, nodeCount: number): number {
  const big = nodeCount > 1000;
  return (
    (big ? 1.5 : 3) + (big ? 3.5 : 9) * Math.sqrt(n.influence?.pagerankPct ?? 0.2) * (n.hop === 0 ? 1.6 : 1)
  );
}

/** The heaviest tie's weight (at least 1), which edge widths are scaled against. */
export function maxEdgeWeight(edges: GraphEdge[]): number {
  return edges.reduce((m, e) => Math.max(m, e.weight), 1);
}
