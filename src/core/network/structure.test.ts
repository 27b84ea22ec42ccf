// Communities, ego networks and strongest paths on hand-built graphs.
import Graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import { egoNetwork } from './ego';
import { buildGraph, type Edge, symmetrize } from './graph';
import { louvain, modularity } from './louvain';
import { strongestPaths } from './paths';

const e = (source: string, target: string, weight = 1): Edge => ({ source, target, weight });
const clique = (names: string[]) => names.flatMap((a, i) => names.slice(i + 1).map((b) => e(a, b)));

describe('louvain', () => {
  const left = ['a1', 'a2', 'a3', 'a4'];
  const right = ['b1', 'b2', 'b3', 'b4'];
  const edges = [...clique(left), ...clique(right), e('a4', 'b1')];

  it('splits two 4-cliques joined by one edge into two communities', () => {
    const g = buildGraph(edges);
    const r = louvain(g.out);
    const of = (id: string) => r.community[g.index.get(id)!];
    expect(r.count).toBe(2);
    expect(new Set(left.map(of)).size).toBe(1);
    expect(new Set(right.map(of)).size).toBe(1);
    expect(of('a1')).not.toBe(of('b1'));
    // m = 13 edges; each side: 6 internal edges, strength 13 ⇒ Q = 2·(6/13 − (13/26)²) = 12/13 − 1/2
    expect(r.modularity).toBeCloseTo(12 / 13 - 0.5, 12);
  });

  it('modularity matches graphology-metrics', async () => {
    const { default: mod } = await import('graphology-metrics/graph/modularity.js');
    const gg = new Graphology({ type: 'undirected' });
    const parts: Record<string, number> = {};
    for (const x of edges) gg.mergeEdge(x.source, x.target, { weight: x.weight });
    for (const id of [...left, ...right]) parts[id] = left.includes(id) && id !== 'a4' ? 0 : 1;
    const g = buildGraph(edges);
    const comm = g.ids.map((id) => parts[id]);
    expect(modularity(symmetrize(g.out), comm)).toBeCloseTo(
      mod(gg, { getNodeCommunity: (n: string) => parts[n] }),
      12,
    );
  });

  it('finds at least the modularity graphology-communities-louvain finds on a planted partition', async () => {
    const { default: gLouvain } = await import('graphology-communities-louvain');
    // 6 groups of 12; inside a group each pair is tied with probability .5, across groups .02 (seeded LCG).
    let seed = 11;
    const rnd = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const planted: Edge[] = [];
    for (let a = 0; a < 72; a++)
      for (let b = a + 1; b < 72; b++)
        if (rnd() < (Math.floor(a / 12) === Math.floor(b / 12) ? 0.5 : 0.02))
          planted.push(e(`n${a}`, `n${b}`, 1 + Math.floor(rnd() * 3)));
    const g = buildGraph(planted);
    const ours = louvain(g.out);
    const gg = new Graphology({ type: 'undirected' });
    for (const x of planted) gg.mergeEdge(x.source, x.target, { weight: x.weight });
    const theirs = gLouvain.detailed(gg, { getEdgeWeight: 'weight', rng: () => 0.5 });
    expect(ours.modularity).toBeGreaterThanOrEqual(theirs.modularity - 0.01);
    expect(ours.count).toBe(6);
  });

  it('leaves isolated pairs as their own communities', () => {
    const g = buildGraph([e('x', 'y'), e('p', 'q')]);
    expect(louvain(g.out).count).toBe(2);
  });
});

describe('egoNetwork', () => {
  const edges = [e('c', 'a', 5), e('b', 'c', 2), e('a', 'x', 1), e('x', 'y', 1), e('b', 'z', 3)];

  it('depth 1: direct ties in either direction and the edges among them', () => {
    const r = egoNetwork('c', edges, { depth: 1 });
    expect(r.nodes.map((n) => [n.id, n.hop]).sort()).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0],
    ]);
    expect(r.edges).toEqual([e('c', 'a', 5), e('b', 'c', 2)]);
  });

  it('depth 2 reaches friends of friends, capped by the strongest tie', () => {
    const r = egoNetwork('c', edges, { depth: 2 });
    expect(r.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'x', 'z']);
    const capped = egoNetwork('c', edges, { depth: 2, maxNodes: 4 });
    expect(capped.truncated).toBe(true);
    expect(capped.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'z']); // z (3) beats x (1)
  });
});

describe('strongestPaths', () => {
  // a sends ¾ to b and ¼ to c; b splits evenly to d and e; c sends everything to d.
  const g = buildGraph([e('a', 'b', 3), e('a', 'c', 1), e('b', 'd', 1), e('b', 'e', 1), e('c', 'd', 2)]);

  it('maximizes the product of shares: a→b→d (¾·½ = .375) beats a→c→d (¼·1)', () => {
    const [p] = strongestPaths(g, 'a', ['d']);
    expect(p.nodes).toEqual(['a', 'b', 'd']);
    expect(p.shares).toEqual([0.75, 0.5]);
    expect(p.strength).toBeCloseTo(0.375, 12);
  });

  it('ranks destinations by strength and skips unreachable ones', () => {
    const r = strongestPaths(g, 'a', ['e', 'd', 'zz', 'c']);
    expect(r.map((p) => [p.destination, +p.strength.toFixed(4)])).toEqual([
      ['d', 0.375],
      ['e', 0.375],
      ['c', 0.25],
    ]);
    expect(strongestPaths(g, 'a', ['d'], { maxHops: 1 })).toEqual([]);
  });
});
