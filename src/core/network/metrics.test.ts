// Graph metrics on graphs small enough to work out by hand (expected values derived in comments).
import Graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness';
import { weightedDegree } from './degree';
import { buildGraph, type Edge } from './graph';
import { pageRank } from './pagerank';

const e = (source: string, target: string, weight = 1): Edge => ({ source, target, weight });
const both = (a: string, b: string, w = 1) => [e(a, b, w), e(b, a, w)];
const byId = (g: ReturnType<typeof buildGraph>, values: Float64Array) =>
  Object.fromEntries(g.ids.map((id, i) => [id, values[i]]));

describe('buildGraph', () => {
  it('drops self-loops and zero weights, sums duplicate pairs', () => {
    const g = buildGraph([e('a', 'b', 2), e('a', 'b', 3), e('a', 'a', 5), e('b', 'c', 0)]);
    expect(g.ids).toEqual(['a', 'b', 'c']);
    expect(Array.from(g.out.offsets)).toEqual([0, 1, 1, 1]);
    expect(g.out.weights[0]).toBe(5);
  });
});

describe('weightedDegree', () => {
  it('sums weights out and in', () => {
    const g = buildGraph([e('a', 'b', 2), e('b', 'c', 3), e('a', 'c', 1)]);
    const d = weightedDegree(g.out);
    expect(byId(g, d.out)).toEqual({ a: 3, b: 3, c: 0 });
    expect(byId(g, d.in)).toEqual({ a: 0, b: 2, c: 4 });
    expect(byId(g, d.total)).toEqual({ a: 3, b: 5, c: 4 });
  });
});

describe('pageRank', () => {
  it('a 3-cycle is uniform', () => {
    const g = buildGraph([e('a', 'b'), e('b', 'c'), e('c', 'a')]);
    for (const r of pageRank(g.out).rank) expect(r).toBeCloseTo(1 / 3, 9);
  });

  it('matches the closed form on a weighted 3-node graph', () => {
    // a→b (3), a→c (1), b→a, c→a; d = 0.85, n = 3:
    // r_b = .05 + .85·¾·r_a, r_c = .05 + .85·¼·r_a, r_a = .05 + .85(r_b + r_c) = .135 + .7225 r_a
    // ⇒ r_a = .135/.2775 = 0.486486…, r_b = 0.360135…, r_c = 0.153378…
    const g = buildGraph([e('a', 'b', 3), e('a', 'c', 1), e('b', 'a'), e('c', 'a')]);
    // The graph is bipartite, so the iteration oscillates and converges only at rate 0.85^k.
    const result = pageRank(g.out, { tolerance: 1e-12, maxIterations: 1000 });
    expect(result.converged).toBe(true);
    const r = byId(g, result.rank);
    const ra = 0.135 / 0.2775;
    expect(r.a).toBeCloseTo(ra, 8);
    expect(r.b).toBeCloseTo(0.05 + 0.6375 * ra, 8);
    expect(r.c).toBeCloseTo(0.05 + 0.2125 * ra, 8);
  });

  it('spreads a dangling node’s rank uniformly', () => {
    // a→b, b dangling: r_a = .075 + .425 r_b and r_a + r_b = 1 ⇒ r_a = .5/1.425
    const g = buildGraph([e('a', 'b')]);
    const r = byId(g, pageRank(g.out, { tolerance: 1e-12 }).rank);
    expect(r.a).toBeCloseTo(0.5 / 1.425, 9);
    expect(r.b).toBeCloseTo(1 - 0.5 / 1.425, 9);
  });

  it('agrees with graphology-metrics on a weighted graph', async () => {
    const { default: pagerank } = await import('graphology-metrics/centrality/pagerank.js');
    const edges = [
      e('a', 'b', 3),
      e('b', 'c', 1),
      e('c', 'a', 2),
      e('c', 'd', 5),
      e('d', 'b', 1),
      e('a', 'd', 1),
    ];
    const gg = new Graphology({ type: 'directed' });
    for (const x of edges) gg.mergeEdge(x.source, x.target, { weight: x.weight });
    const theirs = pagerank(gg, { getEdgeWeight: 'weight', tolerance: 1e-12, maxIterations: 1000 });
    const g = buildGraph(edges);
    const ours = byId(g, pageRank(g.out, { tolerance: 1e-12 }).rank);
    for (const id of g.ids) expect(ours[id]).toBeCloseTo(theirs[id], 6);
  });
});

describe('betweenness', () => {
  it('a path a–b–c: only b lies between (both directions ⇒ 2)', () => {
    const g = buildGraph([...both('a', 'b'), ...both('b', 'c')]);
    expect(byId(g, betweenness(g.out).values)).toEqual({ a: 0, b: 2, c: 0 });
  });

  it('a star: the hub carries every leaf-to-leaf pair, normalized to 1', () => {
    const g = buildGraph(['x', 'y', 'z', 'w'].flatMap((l) => both('hub', l)));
    const r = byId(g, betweenness(g.out, { normalized: true }).values);
    expect(r.hub).toBeCloseTo(1, 12); // 4·3 ordered pairs / ((5-1)(5-2))
    expect(r.x).toBe(0);
  });

  it('uses 1/weight as length: a weak direct tie loses to a strong two-hop chain', () => {
    // a→c weight 0.4 (length 2.5) vs a→b→c lengths 1+1 = 2 ⇒ b carries the pair (a,c)
    const weak = buildGraph([e('a', 'b'), e('b', 'c'), e('a', 'c', 0.4)]);
    expect(byId(weak, betweenness(weak.out).values).b).toBe(1);
    const strong = buildGraph([e('a', 'b'), e('b', 'c'), e('a', 'c', 1)]);
    expect(byId(strong, betweenness(strong.out).values).b).toBe(0);
  });

  it('splits a pair across equally short paths', () => {
    const g = buildGraph([e('a', 'b'), e('a', 'c'), e('b', 'd'), e('c', 'd')]);
    const r = byId(g, betweenness(g.out).values);
    expect(r.b).toBeCloseTo(0.5, 12);
    expect(r.c).toBeCloseTo(0.5, 12);
  });

  it('agrees with graphology-metrics on a weighted directed graph', async () => {
    const { default: bc } = await import('graphology-metrics/centrality/betweenness.js');
    const edges = [
      e('a', 'b', 2),
      e('b', 'c', 1),
      e('c', 'a', 4),
      e('c', 'd', 5),
      e('d', 'b', 1),
      e('a', 'd', 1),
      e('d', 'e', 2),
      e('e', 'a', 1),
    ];
    const gg = new Graphology({ type: 'directed' });
    for (const x of edges) gg.mergeEdge(x.source, x.target, { len: 1 / x.weight });
    const theirs = bc(gg, { getEdgeWeight: 'len', normalized: false });
    const g = buildGraph(edges);
    const ours = byId(g, betweenness(g.out).values);
    for (const id of g.ids) expect(ours[id]).toBeCloseTo(theirs[id], 9);
  });

  it('sampled sources on a ring give the exact total (every source sees the same distances)', () => {
    const n = 40;
    const edges = Array.from({ length: n }, (_, i) => both(`n${i}`, `n${(i + 1) % n}`)).flat();
    const g = buildGraph(edges);
    const exact = betweenness(g.out).values.reduce((s, v) => s + v, 0);
    const sampled = betweenness(g.out, { samples: 7, seed: 3 });
    expect(sampled.exact).toBe(false);
    expect(sampled.sources).toBe(7);
    expect(sampled.values.reduce((s, v) => s + v, 0)).toBeCloseTo(exact, 6);
  });
});
