// Network: the market's referral graph (top providers by PageRank) with filters, search to focus,
// a side panel with influence metrics and "why connected", and the same data as a list.
import './network.css';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../api/hooks';
import { EmptyUnlessDemoLoading } from '../../app/demoLoading';
import { EmptyState, Page, relativeTime, SkeletonRows, Tabs } from '../../ui';
import { type GraphFilter, useMarketGraph, useNetworkJobs, useStartNetworkJob } from './api';
import { communityLabel, summarizeCommunityTies } from './communityTies';
import { Filters } from './Filters';
import { GraphLegend } from './GraphLegend';
import { GraphView } from './GraphView';
import { communityLayout } from './layout';
import { NodePanel } from './NodePanel';
import { NodeTable } from './NodeTable';

export default function NetworkPage() {
  const [filter, setFilter] = useState<GraphFilter>({});
  const [limit, setLimit] = useState(2000);
  const [view, setView] = useState<'graph' | 'list'>('graph');
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const graph = useMarketGraph({ ...filter, limit });
  const jobs = useNetworkJobs();
  const start = useStartNetworkJob();
  const me = useMe();
  const data = graph.data;
  const positions = useMemo(() => communityLayout(data?.nodes ?? []), [data]);
  const names = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n.name])), [data]);
  const node = data?.nodes.find((n) => n.id === selected) ?? null;
  const [summarize, setSummarize] = useState(true);
  const summary = useMemo(
    () => (summarize && data ? summarizeCommunityTies(data.nodes, data.edges) : null),
    [summarize, data],
  );
  // the community choices come from the market as a whole, so they stay while one community is shown
  const [communities, setCommunities] = useState<ReturnType<typeof communityLabel>>(new Map());
  useEffect(() => {
    if (data && filter.community === undefined) setCommunities(communityLabel(data.nodes));
  }, [data, filter.community]);
  const running = jobs.data?.items.some((j) => j.status === 'running');
  const canRun = me.data?.role === 'admin' || me.data?.role === 'manager';
  const focus = () => {
    const q = search.trim().toLowerCase();
    const hit = data?.nodes.find((n) => n.id === q || n.name.toLowerCase().includes(q));
    setSelected(hit?.id ?? null);
  };
  const meta = data?.meta;
  return (
    <Page
      title="Network"
      subtitle={
        meta?.computedAt
          ? `Influence computed ${relativeTime(meta.computedAt)}${meta.stale ? ' — newer imports exist, recompute to include them' : ''}`
          : 'Influence metrics have not been computed yet'
      }
      source={{
        source:
          'Internal referrals (12 months) + CMS shared-patient links (collaboration, not proof of referral)',
        dataDate: meta?.dataDate ?? null,
      }}
      actions={
        canRun ? (
          <button
            type="button"
            className="btn"
            disabled={running || start.isPending}
            onClick={() => start.mutate()}
          >
            {running ? 'Computing…' : 'Recompute network'}
          </button>
        ) : null
      }
    >
      <Filters value={filter} onChange={setFilter} communities={communities} />
      <div className="network-toolbar">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            focus();
          }}
        >
          <label>
            Find in graph{' '}
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Name or NPI"
            />
          </label>
          <button type="submit" className="btn">
            Focus
          </button>
        </form>
        <label>
          Nodes
          <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {[500, 2000, 5000].map((n) => (
              <option key={n} value={n}>
                top {n}
              </option>
            ))}
          </select>
        </label>
        <Tabs
          label="View"
          value={view}
          onChange={setView}
          tabs={[
            { id: 'graph', label: 'Graph' },
            { id: 'list', label: 'List', count: data?.nodes.length },
          ]}
        />
      </div>
      {graph.isLoading ? (
        <SkeletonRows rows={8} />
      ) : !data || data.nodes.length === 0 ? (
        <EmptyUnlessDemoLoading
          fallback={
            <EmptyState title="No network to show">
              {canRun
                ? 'Import referrals or shared-patient links, then recompute the network.'
                : 'Ask a manager to compute the network after the next import.'}
            </EmptyState>
          }
        />
      ) : (
        <div className="network-layout">
          <div className="network-main">
            {view === 'graph' ? (
              <GraphView
                label={`Referral network: ${data.nodes.length} providers, ${data.edges.length} ties`}
                nodes={data.nodes}
                edges={data.edges}
                positions={positions}
                // a selection outside the data shown (another community) would dim everything
                selected={node ? selected : null}
                onSelect={setSelected}
                summary={summary}
              />
            ) : (
              <NodeTable
                label="Providers in the network"
                nodes={data.nodes}
                onSelect={setSelected}
                selected={selected}
              />
            )}
            <GraphLegend
              nodes={data.nodes}
              edges={data.edges}
              summary={view === 'graph' ? summary : null}
              summarize={summarize}
              onSummarize={view === 'graph' ? setSummarize : undefined}
            />
          </div>
          {node ? (
            <NodePanel
              node={node}
              edges={data.edges}
              names={names}
              community={node.influence ? communities.get(node.influence.community)?.label : undefined}
            />
          ) : null}
        </div>
      )}
    </Page>
  );
}
