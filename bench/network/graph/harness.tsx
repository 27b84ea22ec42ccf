// Browser side of the graph fluidity bench: the Network page's own renderer components
// (SigmaGraph, and the GraphCanvas fallback) fed a synthetic market graph laid out by layout.ts.
import { createRoot } from 'react-dom/client';
import type { GraphEdge, GraphNode, NetStatus } from '../../../src/web/pages/Network/api';
import { GraphCanvas } from '../../../src/web/pages/Network/GraphCanvas';
import { communityLayout } from '../../../src/web/pages/Network/layout';
import { SigmaGraph } from '../../../src/web/pages/Network/SigmaGraph';

const params = new URLSearchParams(location.search);
const N = Number(params.get('nodes') ?? 5000);
const E = Number(params.get('edges') ?? 25000);
let seed = 42;
const rnd = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const statuses: NetStatus[] = ['ours', 'affiliated', 'independent', 'competitor', 'unknown'];
// synthetic: 60 communities of power-law sizes; 80 % of ties stay inside a community
const community = () => Math.floor(60 * rnd() ** 2);
const nodes: GraphNode[] = Array.from({ length: N }, (_, i) => ({
  id: String(1000000000 + i),
  kind: 'provider',
  name: `Synthetic Provider ${i}`,
  serviceLine: null,
  networkStatus: statuses[i % 5]!,
  organization: null,
  influence: {
    weightedDegree: 1,
    pagerank: rnd() ** 4,
    pagerankPct: rnd(),
    betweenness: 0,
    community: community(),
    computedAt: '2026-11-27T00:00:00Z',
  },
}));
const byCommunity = new Map<number, GraphNode[]>();
for (const n of nodes) {
  const c = n.influence!.community;
  byCommunity.set(c, [...(byCommunity.get(c) ?? []), n]);
}
const edges: GraphEdge[] = [];
const seen = new Set<string>();
while (edges.length < E) {
  const a = nodes[Math.floor(rnd() * N)]!;
  const peers = byCommunity.get(a.influence!.community)!;
  const b = rnd() < 0.8 ? peers[Math.floor(rnd() * peers.length)]! : nodes[Math.floor(rnd() * N)]!;
  const key = `${a.id}>${b.id}`;
  if (a === b || seen.has(key)) continue;
  seen.add(key);
  edges.push({
    source: a.id,
    target: b.id,
    weight: 1 + Math.floor(-Math.log(1 - rnd()) * 20),
    referrals: 1,
    sharedPatients: 0,
    serviceLines: [],
  });
}
const positions = communityLayout(nodes);
const Renderer = params.get('renderer') === 'canvas' ? GraphCanvas : SigmaGraph;
const root = document.getElementById('root')!;
createRoot(root).render(
  <Renderer
    nodes={nodes}
    edges={edges}
    positions={positions}
    selected={null}
    onSelect={() => {}}
    label={`bench graph: ${N} nodes, ${edges.length} ties`}
  />,
);
(window as unknown as { benchReady: boolean }).benchReady = true;
