// What the graph's colours, sizes and lines mean, with how many providers of each network status it
// holds; the switch between summarized and all ties between communities (market view).
import type { GraphEdge, GraphNode, NetStatus } from './api';
import type { TieSummary } from './communityTies';
import { STATUS_COLORS, SUMMARY_EDGE_COLOR } from './graphStyle';

const ORDER: NetStatus[] = ['ours', 'affiliated', 'independent', 'competitor', 'unknown'];

export function GraphLegend({
  nodes,
  edges,
  summary = null,
  summarize,
  onSummarize,
  arrangement = 'clusters = Louvain communities',
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  summary?: TieSummary | null;
  summarize?: boolean;
  onSummarize?: (on: boolean) => void;
  /** how positions are laid out */
  arrangement?: string;
}) {
  const counts = new Map<NetStatus, number>();
  for (const n of nodes) counts.set(n.networkStatus, (counts.get(n.networkStatus) ?? 0) + 1);
  return (
    <div className="network-legend muted">
      <ul className="network-legend-status" aria-label="Colour: network status">
        {ORDER.filter((s) => counts.get(s)).map((s) => (
          <li key={s}>
            <span className="network-swatch" style={{ background: STATUS_COLORS[s] }} aria-hidden="true" />
            {s} {counts.get(s)!.toLocaleString()}
          </li>
        ))}
      </ul>
      <p>
        Size = PageRank percentile · {arrangement} · {nodes.length.toLocaleString()} nodes,{' '}
        {edges.length.toLocaleString()} ties
        {summary ? (
          <>
            {' '}
            ·{' '}
            <span
              className="network-swatch-line"
              style={{ background: SUMMARY_EDGE_COLOR }}
              aria-hidden="true"
            />{' '}
            one line per pair of communities for their {summary.between.size.toLocaleString()} ties between
            them (width = total weight; select a physician to see their own)
          </>
        ) : null}
      </p>
      {onSummarize ? (
        <label className="network-legend-toggle">
          <input type="checkbox" checked={summarize} onChange={(e) => onSummarize(e.target.checked)} />{' '}
          Summarize ties between communities
        </label>
      ) : null}
    </div>
  );
}
