// One physician's network: ego graph (1–2 hops), strongest connections, and the strongest paths
// to our network. Reached from the provider profile's Network tab; "Back to profile" returns.
import './network.css';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { EmptyState, Page, SkeletonRows, Tabs } from '../../ui';
import { type GraphFilter, useEgo, usePaths } from './api';
import { Filters } from './Filters';
import { GraphLegend } from './GraphLegend';
import { GraphView } from './GraphView';
import { egoLayout } from './layout';
import { NodePanel } from './NodePanel';
import { NodeTable } from './NodeTable';

/** `fullPageLink`: on the profile's Network tab, a link to the full network page of the physician. */
export function ProviderNetworkView({ npi, fullPageLink = true }: { npi: string; fullPageLink?: boolean }) {
  const [depth, setDepth] = useState<1 | 2>(1);
  const [filter, setFilter] = useState<GraphFilter>({});
  const [view, setView] = useState<'graph' | 'list'>('list');
  const [selected, setSelected] = useState<string | null>(npi);
  const ego = useEgo(npi, depth, filter);
  const paths = usePaths(npi, filter.serviceLine);
  const data = ego.data;
  const positions = useMemo(() => egoLayout(data?.nodes ?? [], npi), [data, npi]);
  const names = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n.name])), [data]);
  const node = data?.nodes.find((n) => n.id === selected) ?? null;
  if (ego.error) return <EmptyState title="Network not available">{errorMessage(ego.error)}</EmptyState>;
  if (!data) return <SkeletonRows rows={6} />;
  const direct = data.nodes.filter((n) => n.hop === 1).sort((a, b) => (b.tie ?? 0) - (a.tie ?? 0));
  return (
    <div>
      <div className="network-toolbar">
        {fullPageLink ? <Link to={`/network/provider/${npi}`}>Open the full network page</Link> : null}
        <Tabs
          label="Depth"
          value={String(depth) as '1' | '2'}
          onChange={(d) => setDepth(Number(d) as 1 | 2)}
          tabs={[
            { id: '1', label: '1 hop' },
            { id: '2', label: '2 hops' },
          ]}
        />
        <Tabs
          label="View"
          value={view}
          onChange={setView}
          tabs={[
            { id: 'list', label: 'List', count: data.nodes.length },
            { id: 'graph', label: 'Graph' },
          ]}
        />
      </div>
      <Filters value={filter} onChange={setFilter} />
      <div className="network-layout">
        <div className="network-main">
          {view === 'graph' ? (
            <GraphView
              label={`Ego network: ${data.nodes.length} providers`}
              nodes={data.nodes}
              edges={data.edges}
              positions={positions}
              selected={selected}
              onSelect={setSelected}
            />
          ) : (
            <NodeTable label="Connections" nodes={data.nodes} onSelect={setSelected} selected={selected} />
          )}
          <GraphLegend nodes={data.nodes} edges={data.edges} arrangement="rings = hops from this physician" />
          {data.truncated ? <p className="muted">Showing the strongest ties only.</p> : null}
          <h2 className="section-title">Strongest connections</h2>
          <ol className="network-strongest" aria-label="Strongest connections">
            {direct.slice(0, 10).map((n) => {
              const e = data.edges.find(
                (x) => (x.source === npi && x.target === n.id) || (x.target === npi && x.source === n.id),
              );
              return (
                <li key={n.id}>
                  <strong>{n.name}</strong> <span className="muted">{e?.why}</span>
                </li>
              );
            })}
            {direct.length === 0 ? <li className="muted">No connections in the imported data.</li> : null}
          </ol>
          <h2 className="section-title">How they reach our network</h2>
          <p className="muted">{paths.data?.definition}</p>
          <ol className="network-strongest" aria-label="Paths to our network">
            {(paths.data?.paths ?? []).map((p) => (
              <li key={p.destination}>
                {(p.strength * 100).toFixed(1)} % · {p.steps.map((s) => s.name).join(' → ')}
              </li>
            ))}
            {paths.data && paths.data.paths.length === 0 ? (
              <li className="muted">No path to our network within 3 hops.</li>
            ) : null}
          </ol>
        </div>
        {node ? <NodePanel node={node} edges={data.edges} names={names} /> : null}
      </div>
    </div>
  );
}

export default function ProviderNetwork() {
  const { npi = '' } = useParams();
  const ego = useEgo(npi, 1);
  const name = ego.data?.nodes.find((n) => n.id === npi)?.name ?? npi;
  return (
    <Page
      title={`${name} — network`}
      subtitle={<Link to={`/providers/${npi}`}>← Back to profile</Link>}
      source={{
        source: 'Internal referrals (12 months) + CMS shared-patient links',
        dataDate: ego.data?.meta.dataDate ?? null,
      }}
    >
      <ProviderNetworkView npi={npi} fullPageLink={false} />
    </Page>
  );
}
