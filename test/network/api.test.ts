// Network and targets API on both backends, against the hand-checked five-provider market.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, pageRank } from '../../src/core/network';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPI, seedMarket } from './fixture';

describe.each(backends)('network + targets API on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let manager: Client;
  let liaison: Client;
  let analyst: Client;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    manager = await clientFor(app, database, 'manager');
    liaison = await clientFor(app, database, 'liaison');
    analyst = await clientFor(app, database, 'analyst');
    await seedMarket(database.db, liaison.userId);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('targets before the network is computed: hand-computed scores, breakdown sums to the score', async () => {
    const res = await liaison.request('GET', '/api/targets?limit=10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.poolSize).toBe(2); // P1 and P2 are in ZIP 10001
    expect(body.leakageP90).toBe(10);
    // P1: .30·(8/10) + .10·1 (growth) + .15·1 (splitter) + .10·1 (never visited, monthly) + .05·1 (in territory) = 64
    // P2: .30·1 + .10·1 + .15·.5 (10 referrals < 12 = low volume) + .05·⅓ (one issue) + .05·1 = 54.17
    expect(body.items.map((t: { npi: string; score: number }) => [t.npi, t.score])).toEqual([
      [NPI.P1, 64],
      [NPI.P2, 54.17],
    ]);
    for (const t of body.items) {
      const cents = t.breakdown.reduce(
        (s: number, b: { points: number }) => s + Math.round(b.points * 100),
        0,
      );
      expect(cents).toBe(Math.round(t.score * 100));
    }
    expect(body.items[0].why[0]).toMatch(/^Sent 8 referrals in cardiology outside our network/);
  });

  it('a liaison cannot list another liaison’s targets', async () => {
    const res = await liaison.request('GET', `/api/targets?liaison=${manager.email}`);
    expect(res.statusCode).toBe(403);
  });

  it('filters narrow the list without moving a score (the whole pool keeps the scale)', async () => {
    const list = async (q: string) => {
      const res = await liaison.request('GET', `/api/targets?limit=10&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const b = res.json();
      expect(b.candidates).toBe(2);
      expect(b.leakageP90).toBe(10);
      return b.items.map((t: { npi: string; score: number }) => [t.npi, t.score]);
    };
    expect(await list('segment=splitter')).toEqual([[NPI.P1, 64]]);
    expect(await list('segment=low_volume')).toEqual([[NPI.P2, 54.17]]);
    expect(await list('openIssues=true')).toEqual([[NPI.P2, 54.17]]);
    expect(await list('visitDue=true')).toEqual([[NPI.P1, 64]]); // monthly, never visited
    expect(await list('leakageLine=cardiology')).toEqual([
      [NPI.P1, 64],
      [NPI.P2, 54.17],
    ]);
    expect(await list('leakageLine=orthopedics')).toEqual([]);
    expect(await list('serviceLine=primary_care&openIssues=false')).toEqual([
      [NPI.P1, 64],
      [NPI.P2, 54.17],
    ]);
    expect(await list('serviceLine=cardiology')).toEqual([]);
    expect(await list('newToMarket=true')).toEqual([]);
    const prev = await liaison.request('POST', '/api/targets/preview', {
      weights: {
        opportunity: 30,
        growth: 10,
        loyalty: 15,
        influence: 15,
        newToMarket: 10,
        recency: 10,
        openIssues: 5,
        proximity: 5,
      },
      segment: 'splitter',
    });
    expect(prev.statusCode, prev.body).toBe(200);
    expect(prev.json().items.map((t: { npi: string }) => t.npi)).toEqual([NPI.P1]);
    const bad = await liaison.request('GET', '/api/targets?segment=fans');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/segment/);
    const badFlag = await liaison.request('GET', '/api/targets?visitDue=maybe');
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.body).toMatch(/visitDue/);
  });

  it('computes the network in the background and stores metrics', async () => {
    expect((await liaison.request('POST', '/api/network/jobs', {})).statusCode).toBe(403);
    const start = await manager.request('POST', '/api/network/jobs', {});
    expect(start.statusCode).toBe(202);
    const { jobId } = start.json();
    let job:
      | { status: string; nodes: number; edges: string | number; betweenness_exact: boolean }
      | undefined;
    for (let i = 0; i < 100 && job?.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await analyst.request('GET', '/api/network/jobs'))
        .json()
        .items.find((j: { id: string | number }) => Number(j.id) === jobId);
      if (job?.status === 'failed') throw new Error(JSON.stringify(job));
    }
    expect(job).toMatchObject({ status: 'succeeded', nodes: 5, betweenness_exact: true });
    expect(Number(job!.edges)).toBe(5);
    // Stored PageRank equals the core computation on the same five edges.
    const g = buildGraph([
      { source: NPI.P1, target: NPI.C1, weight: 4 },
      { source: NPI.P1, target: NPI.C2, weight: 8 },
      { source: NPI.P2, target: NPI.C2, weight: 10 },
      { source: NPI.P1, target: NPI.S1, weight: 20 },
      { source: NPI.S1, target: NPI.C1, weight: 5 },
    ]);
    const pr = pageRank(g.out).rank;
    const inf = await analyst.request('GET', '/api/network/influencers?limit=5');
    const items = inf.json().items as { id: string; influence: { pagerank: number; betweenness: number } }[];
    expect(items).toHaveLength(5);
    for (const it of items) expect(it.influence.pagerank).toBeCloseTo(pr[g.index.get(it.id)!], 9);
    // P1→C1: direct length 1/4 ties with P1→S1→C1 = 1/20 + 1/5 = 1/4, so S1 carries half that pair;
    // normalized by (n−1)(n−2) = 12
    const s1 = items.find((i) => i.id === NPI.S1)!;
    expect(s1.influence.betweenness).toBeCloseTo(0.5 / (4 * 3), 12);
  });

  it('ego network depth 1 and 2 with network status and why-connected', async () => {
    const one = (await analyst.request('GET', `/api/network/ego/${NPI.P1}?depth=1`)).json();
    expect(one.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [NPI.P1, NPI.C1, NPI.C2, NPI.S1].sort(),
    );
    const c1 = one.nodes.find((n: { id: string }) => n.id === NPI.C1);
    expect(c1).toMatchObject({ networkStatus: 'ours', hop: 1, tie: 4 });
    const shared = one.edges.find((e: { target: string }) => e.target === NPI.S1);
    expect(shared.why).toMatch(/20 shared Medicare patients/);
    const two = (await analyst.request('GET', `/api/network/ego/${NPI.P1}?depth=2`)).json();
    expect(two.nodes.find((n: { id: string }) => n.id === NPI.P2)?.hop).toBe(2);
    expect((await analyst.request('GET', '/api/network/ego/9999999999')).statusCode).toBe(404);
    expect((await analyst.request('GET', `/api/network/ego/${NPI.P1}?depth=3`)).statusCode).toBe(400);
  });

  it('strongest path to our cardiologists goes through the orthopedist (20/32 · 5/5 = .625)', async () => {
    const r = (await analyst.request('GET', `/api/network/paths/${NPI.P1}?serviceLine=cardiology`)).json();
    expect(r.paths[0].nodes).toEqual([NPI.P1, NPI.S1, NPI.C1]);
    expect(r.paths[0].strength).toBeCloseTo(0.625, 12);
  });

  it('weights: managers save, preview shows movement, everyone reads', async () => {
    const w = {
      opportunity: 0,
      growth: 0,
      loyalty: 0,
      influence: 0,
      newToMarket: 0,
      recency: 0,
      openIssues: 1,
      proximity: 0,
    };
    const prev = await liaison.request('POST', '/api/targets/preview', { weights: w });
    expect(prev.statusCode).toBe(200);
    expect(
      prev.json().items.map((t: { npi: string; previousRank: number }) => [t.npi, t.previousRank]),
    ).toEqual([
      [NPI.P2, 2],
      [NPI.P1, 1],
    ]);
    expect((await liaison.request('PUT', '/api/targets/weights', w)).statusCode).toBe(403);
    expect((await manager.request('PUT', '/api/targets/weights', { ...w, charm: 1 })).statusCode).toBe(400);
    const allZero = { ...w, openIssues: 0 };
    expect((await manager.request('PUT', '/api/targets/weights', allZero)).statusCode).toBe(400);
    expect((await manager.request('PUT', '/api/targets/weights', w)).statusCode).toBe(200);
    expect((await analyst.request('GET', '/api/targets/weights')).json().weights.openIssues).toBe(1);
  });

  it('who to see next, and a target list with progress', async () => {
    const next = await liaison.request('GET', '/api/targets/next');
    expect(next.statusCode).toBe(200);
    expect(next.json().items[0]).toMatchObject({ npi: NPI.P2, locationIds: [] });
    const created = await liaison.request('POST', '/api/target-lists', {
      name: 'Cardiology leakage Q1',
      goal: 'Win back 5',
      limit: 5,
    });
    expect(created.statusCode).toBe(201);
    const list = created.json();
    expect(list.progress).toEqual({ members: 2, reached: 0 });
    const mark = await liaison.request('PATCH', `/api/target-lists/${list.id}/members/${NPI.P2}`, {
      status: 'visited',
    });
    expect(mark.statusCode).toBe(200);
    const lists = (await manager.request('GET', '/api/target-lists')).json().items;
    expect(lists[0]).toMatchObject({ name: 'Cardiology leakage Q1', members: 2, reached: 1 });
    // a member seen in person since the list was made counts as reached; a call does not
    const log = (type: string) =>
      liaison.request('POST', '/api/activities', {
        type,
        occurredAt: new Date(Date.now() + 60_000).toISOString(),
        providerNpis: [NPI.P1],
      });
    expect((await log('call')).statusCode).toBe(201);
    const reached = async () =>
      (await manager.request('GET', '/api/target-lists')).json().items[0].reached as number;
    expect(await reached()).toBe(1);
    expect((await log('drop_in')).statusCode).toBe(201);
    expect(await reached()).toBe(2);
    expect(
      (await liaison.request('PATCH', `/api/target-lists/${list.id}/members/1234567893`, { status: 'won' }))
        .statusCode,
    ).toBe(404);
  });
});
