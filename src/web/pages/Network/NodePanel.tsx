// Side panel for the selected node: influence metrics (with what they mean) and "why connected".
import { Link } from 'react-router-dom';
import { formatNumber } from '../../ui';
import type { GraphEdge, GraphNode } from './api';
import { StatusChip } from './StatusChip';

export function NodePanel({
  node,
  edges,
  names,
  community,
}: {
  node: GraphNode;
  edges: GraphEdge[];
  names: Map<string, string>;
  /** the node's community in words ("Vikram Young, MD and 311 others") */
  community?: string;
}) {
  const ties = edges
    .filter((e) => e.source === node.id || e.target === node.id)
    .sort((a, b) => b.weight - a.weight);
  const i = node.influence;
  return (
    <aside className="network-panel" aria-label={`Details for ${node.name}`}>
      <h2 className="network-panel-title">{node.name}</h2>
      <div className="network-panel-sub">
        <StatusChip status={node.networkStatus} /> {node.serviceLine?.replace(/_/g, ' ') ?? node.kind}
        {node.organization ? ` · ${node.organization}` : ''}
      </div>
      {i ? (
        <dl className="network-metrics">
          <dt title="Share of referral flow that ends at this provider (weighted PageRank)">PageRank</dt>
          <dd>
            {i.pagerank.toExponential(2)}{' '}
            <span className="muted">(top {Math.max(1, Math.round((1 - i.pagerankPct) * 100))} %)</span>
          </dd>
          <dt title="Sum of edge weights in and out (referrals + shared patients)">Weighted degree</dt>
          <dd>{formatNumber(i.weightedDegree)}</dd>
          <dt title="Share of strongest routes between other providers that pass through this one (normalized 0–1)">
            Betweenness
          </dt>
          <dd>{i.betweenness.toFixed(4)}</dd>
          <dt>Community</dt>
          <dd>{community ?? `#${i.community}`}</dd>
        </dl>
      ) : (
        <p className="muted">No influence metrics yet — run the network job.</p>
      )}
      {node.kind === 'provider' && !node.id.startsWith('org:') ? (
        <p>
          <Link to={`/network/provider/${node.id}`}>Open {node.name}’s network</Link>
        </p>
      ) : null}
      <h3 className="network-panel-h">Why connected</h3>
      <ul className="network-ties">
        {ties.slice(0, 12).map((e) => {
          const other = e.source === node.id ? e.target : e.source;
          return (
            <li key={`${e.source}>${e.target}`}>
              <span>{e.source === node.id ? '→' : '←'}</span> <strong>{names.get(other) ?? other}</strong>
              <div className="muted">
                {e.referrals ? `${e.referrals} referrals (12 mo)` : ''}
                {e.referrals && e.sharedPatients ? ' + ' : ''}
                {e.sharedPatients ? `${e.sharedPatients} shared patients (CMS)` : ''}
              </div>
            </li>
          );
        })}
        {ties.length === 0 ? <li className="muted">No ties among the nodes shown.</li> : null}
      </ul>
    </aside>
  );
}
