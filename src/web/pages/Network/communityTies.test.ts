import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from './api';
import { communityLabel, summarizeCommunityTies, summaryWidth } from './communityTies';

const node = (id: string, community: number | null, pagerank: number): GraphNode => ({
  id,
  kind: 'provider',
  name: `Dr ${id}`,
  serviceLine: null,
  networkStatus: 'independent',
  organization: null,
  influence:
    community === null
      ? null
      : { weightedDegree: 0, pagerank, pagerankPct: 0, betweenness: 0, community, computedAt: '' },
});
const edge = (source: string, target: string, weight: number): GraphEdge => ({
  source,
  target,
  weight,
  referrals: weight,
  sharedPatients: 0,
  serviceLines: [],
});

// communities 1 = {a (hub), b}, 2 = {c, d (hub)}, 3 = {e}; x has no influence computed
const nodes = [
  node('a', 1, 0.3),
  node('b', 1, 0.1),
  node('c', 2, 0.1),
  node('d', 2, 0.2),
  node('e', 3, 0.05),
  node('x', null, 0),
];

describe('community ties', () => {
  it('one line per pair of communities between their hubs, weights and ties added; ties inside stay', () => {
    const edges = [
      edge('a', 'b', 5), // inside 1
      edge('b', 'c', 2), // 1–2
      edge('d', 'a', 3), // 2–1
      edge('a', 'e', 1), // 1–3
      edge('x', 'a', 9), // x: no metrics, the group -1 (placed together by layout.ts)
    ];
    const s = summarizeCommunityTies(nodes, edges);
    expect([...s.between].sort()).toEqual(['a>e', 'b>c', 'd>a', 'x>a']);
    expect(s.lines).toEqual([
      { source: 'x', target: 'a', communities: [-1, 1], ties: 1, weight: 9 },
      { source: 'a', target: 'd', communities: [1, 2], ties: 2, weight: 5 },
      { source: 'a', target: 'e', communities: [1, 3], ties: 1, weight: 1 },
    ]);
    expect(summaryWidth(s.lines[1]!, 5)).toBe(8);
    expect(summaryWidth(s.lines[2]!, 4)).toBe(1 + 7 * 0.5);
  });

  it('names a community by its most influential member and its size', () => {
    const labels = communityLabel(nodes);
    expect(labels.get(1)).toEqual({ label: 'Dr a and 1 other', size: 2 });
    expect(labels.get(2)).toEqual({ label: 'Dr d and 1 other', size: 2 });
    expect(labels.get(3)).toEqual({ label: 'Dr e', size: 1 });
    expect(labels.size).toBe(3);
  });
});
