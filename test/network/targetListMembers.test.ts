// Adding providers to a target list by hand (POST /api/target-lists/:id/members) on the hand-checked
// market of fixture.ts, before any network is computed and with the default weights: in the
// liaison's territory (ZIP 10001) P1 scores 64 and P2 54.17 (see api.test.ts for the arithmetic);
// C1 (ZIP 10002) is outside it, so the list's scoring does not rank C1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPI, seedMarket } from './fixture';

type Member = { npi: string; score: number; breakdown: unknown; status: string };

describe.each(backends)('adding providers to a target list on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let manager: Client;
  let analyst: Client;
  let listId: number;

  const members = async (id = listId) => {
    const res = await analyst.request('GET', `/api/target-lists/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().members as Member[];
  };
  const audits = () =>
    database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'entity_id', 'detail'])
      .where('entity', '=', 'target_list')
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
  const add = (c: Client, npis: unknown, id = listId) =>
    c.request('POST', `/api/target-lists/${id}/members`, { npis });

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    manager = await clientFor(app, database, 'manager');
    analyst = await clientFor(app, database, 'analyst');
    await seedMarket(database.db, liaison.userId);
    // the liaison's top target only: P1
    const created = await liaison.request('POST', '/api/target-lists', { name: 'Chelsea top one', limit: 1 });
    expect(created.statusCode, created.body).toBe(201);
    listId = created.json().id;
    expect((await members()).map((m) => [m.npi, m.score])).toEqual([[NPI.P1, 64]]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('adds only the NPIs not on the list, scored as the list scores; audited', async () => {
    await database.db
      .updateTable('target_list_members')
      .set({ status: 'visited' })
      .where('list_id', '=', listId)
      .execute();
    const res = await add(liaison, [NPI.C1, NPI.P2, NPI.P1, NPI.P2]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ listId, added: [NPI.C1, NPI.P2], alreadyOnList: [NPI.P1] });
    const m = await members();
    expect(m.map((x) => [x.npi, x.score, x.status])).toEqual([
      [NPI.P1, 64, 'visited'], // kept as it was
      [NPI.P2, 54.17, 'open'], // ranked in the territory: its score now
      [NPI.C1, 0, 'open'], // outside the territory: not ranked
    ]);
    const p2 = m.find((x) => x.npi === NPI.P2)!.breakdown as { factor: string; points: number }[];
    expect(p2.reduce((s, b) => s + Math.round(b.points * 100), 0)).toBe(5417);
    expect(p2.find((b) => b.factor === 'openIssues')?.points).toBeCloseTo(5 / 3, 2);
    expect(m.find((x) => x.npi === NPI.C1)!.breakdown).toEqual({ addedByHand: true });
    const rows = await audits();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: liaison.userId,
      entity_id: String(listId),
      detail: { added: [NPI.C1, NPI.P2] },
    });
    const list = (await manager.request('GET', `/api/target-lists/${listId}`)).json();
    expect(list.version).toBe(2);
    expect(list.progress).toEqual({ members: 3, reached: 1 });
  });

  it('everything already on the list: nothing added, nothing audited', async () => {
    const res = await add(manager, [NPI.P2, NPI.C1]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ listId, added: [], alreadyOnList: [NPI.P2, NPI.C1] });
    expect(await audits()).toHaveLength(1);
  });

  it('an unknown NPI is refused by name and the list is left unchanged', async () => {
    const res = await add(liaison, [NPI.S1, '9999999999', NPI.P1, '8888888888']);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('npis: not in the provider directory: 9999999999, 8888888888');
    expect((await members()).map((m) => m.npi)).toEqual([NPI.P1, NPI.P2, NPI.C1]);
    expect(await audits()).toHaveLength(1);
  });

  it('bad input is a 400 naming the field; an analyst may not add', async () => {
    const bad = async (npis: unknown) => {
      const res = await add(liaison, npis);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toMatch(/^body\.npis/);
    };
    await bad([]);
    await bad(['123']);
    await bad('1000000001');
    await bad(Array.from({ length: 501 }, (_, i) => String(1000000000 + i)));
    expect((await add(analyst, [NPI.S1])).statusCode).toBe(403);
    expect((await members()).map((m) => m.npi)).toEqual([NPI.P1, NPI.P2, NPI.C1]);
  });

  it('an unknown list is 404, an archived one 409 and stays as it was', async () => {
    const none = await add(liaison, [NPI.S1], 999999);
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toBe('target list 999999 not found');
    expect((await liaison.request('POST', `/api/target-lists/${listId}/archive`, {})).statusCode).toBe(200);
    const archived = await add(liaison, [NPI.S1]);
    expect(archived.statusCode).toBe(409);
    expect(archived.json().detail).toBe(`target list ${listId} is archived; providers cannot be added to it`);
    expect((await members()).map((m) => m.npi)).toEqual([NPI.P1, NPI.P2, NPI.C1]);
  });

  it('a list for the whole market scores in the whole market, with the list’s own weights', async () => {
    // Only open issues count in this list's weights: P2 (one open issue of a scale of three) = 33.33,
    // S1 (referrals, no issue) is ranked with 0 and its breakdown, C2 (no signal) is not ranked.
    const weights = {
      opportunity: 0,
      growth: 0,
      loyalty: 0,
      influence: 0,
      newToMarket: 0,
      recency: 0,
      openIssues: 1,
      proximity: 0,
    };
    const created = await manager.request('POST', '/api/target-lists', {
      name: 'Issues',
      limit: 1,
      weights,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect((await members(id)).map((m) => [m.npi, m.score])).toEqual([[NPI.P2, 33.33]]);
    await database.db.deleteFrom('target_list_members').where('list_id', '=', id).execute();
    const res = await add(manager, [NPI.C2, NPI.S1, NPI.P2], id);
    expect(res.json()).toEqual({ listId: id, added: [NPI.C2, NPI.S1, NPI.P2], alreadyOnList: [] });
    const m = await members(id);
    expect(m.map((x) => [x.npi, x.score])).toEqual([
      [NPI.P2, 33.33],
      [NPI.C2, 0],
      [NPI.S1, 0],
    ]);
    expect(m.find((x) => x.npi === NPI.C2)!.breakdown).toEqual({ addedByHand: true });
    expect(Array.isArray(m.find((x) => x.npi === NPI.S1)!.breakdown)).toBe(true);
  });

  it('a list made for a liaison is theirs, and they are told; their own list tells nobody', async () => {
    const made = await manager.request('POST', '/api/target-lists', {
      name: 'December push',
      liaison: String(liaison.userId),
      dueOn: '2026-12-31',
      goal: 'Meet every splitter',
      limit: 2,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as number;
    const lists = (await liaison.request('GET', '/api/target-lists?mine=true')).json().items as {
      id: number;
    }[];
    expect(lists.map((l) => l.id)).toContain(id);
    const box = (await liaison.request('GET', '/api/notifications')).json().items;
    expect(box[0]).toMatchObject({
      kind: 'target_list',
      title: 'Test manager gave you a target list: December push',
      detail: '2 physicians · due 2026-12-31 · Meet every splitter', // P1 and P2, the territory's two
      link: `/targets/lists/${id}`,
    });
    const before = box.length;
    await liaison.request('POST', '/api/target-lists', { name: 'Mine', limit: 1 });
    expect((await liaison.request('GET', '/api/notifications')).json().items).toHaveLength(before);
  });
});
