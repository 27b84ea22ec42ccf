// "Add to today's route" in one step (POST /api/targets/add-to-route) on the hand-checked market of
// fixture.ts: P1 (target score 64 in the liaison's territory) at the Chelsea office, P2 (54.17) at
// the Midtown office, C1 (outside the territory) at the Heart Institute, S1 with no office on file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPI, seedMarket } from './fixture';

const DATE = '2026-12-03'; // a Thursday: every office below is open

type Visit = { stopId: string; providers: { npi: string; score: number | null }[]; priority: number };

describe.each(backends)('add to today’s route on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let other: Client;
  let manager: Client;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    other = await clientFor(app, database, 'liaison', 'other-liaison@test.example');
    manager = await clientFor(app, database, 'manager');
    const { ours } = await seedMarket(database.db, liaison.userId);
    const db = database.db;
    const office = async (name: string, lat: number, lon: number, orgId?: number) => {
      const org =
        orgId ??
        Number(
          (
            await db
              .insertInto('organizations')
              .values({ name: `${name} practice` })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      await db
        .insertInto('locations')
        .values({
          organization_id: org,
          name,
          lat,
          lon,
          geo_precision: 'synthetic_point',
          hours: 'Mon-Fri 08:00-18:00',
        })
        .execute();
      return org;
    };
    const chelsea = await office('Chelsea office', 40.746, -74.001);
    const midtown = await office('Midtown office', 40.754, -73.984);
    await office('Heart Institute', 40.764, -73.955, ours);
    await db
      .insertInto('memberships')
      .values([
        { provider_npi: NPI.P1, organization_id: chelsea, role: 'primary', source: 'manual' },
        { provider_npi: NPI.P2, organization_id: midtown, role: 'primary', source: 'manual' },
      ])
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const add = (c: Client, npis: string[], extra: Record<string, unknown> = {}) =>
    c.request('POST', '/api/targets/add-to-route', { npis, date: DATE, ...extra });

  let firstId = 0;

  it('plans the day from the added physician when there is no plan yet, at their list score', async () => {
    const res = await add(liaison, [NPI.P1]);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.added).toEqual([NPI.P1]);
    expect(r.notFitting).toEqual([]);
    expect(r.replaced).toBeNull();
    expect(r.plan.date).toBe(DATE);
    expect(r.plan.visits).toHaveLength(1);
    const v = r.plan.visits[0] as Visit;
    expect(v.providers).toEqual([expect.objectContaining({ npi: NPI.P1, score: 64 })]);
    expect(v.priority).toBe(64);
    firstId = r.plan.id;
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'detail'])
      .where('entity', '=', 'route_plan')
      .where('entity_id', '=', String(firstId))
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('create');
    expect(audit.detail).toMatchObject({ addedNpis: [NPI.P1], source: 'add-to-route' });
  });

  it('adds a second office to the current plan, keeps done visits and replaces the plan', async () => {
    const done = await liaison.request('POST', `/api/routes/${firstId}/visits/loc-1/done`, {
      logActivity: false,
    });
    // the first plan's only stop is the Chelsea office (location 1)
    expect(done.statusCode, done.body).toBe(200);
    const res = await add(liaison, [NPI.P2]);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.added).toEqual([NPI.P2]);
    expect(r.replaced).toBe(firstId);
    expect(r.plan.visits.map((v: Visit) => v.stopId)).toEqual(['loc-1', 'loc-2']);
    expect(r.plan.visits[0].done).toBeTruthy();
    expect(r.plan.visits[1].providers).toEqual([expect.objectContaining({ npi: NPI.P2, score: 54.17 })]);
    // the day's current plan is the new one; the old row is archived, so a stale re-plan of it fails
    const list = await liaison.request('GET', `/api/routes?from=${DATE}&to=${DATE}`);
    expect(list.json().items.map((p: { id: number }) => p.id)).toEqual([r.plan.id]);
    const old = await database.db
      .selectFrom('route_plans')
      .select('status')
      .where('id', '=', firstId)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe('archived');
  });

  it('is idempotent for a physician already on the route and reports offices not on file', async () => {
    const again = await add(liaison, [NPI.P1]);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ added: [], alreadyOnRoute: [NPI.P1], replaced: null });
    const count = await database.db
      .selectFrom('route_plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);

    const none = await add(liaison, [NPI.S1]);
    expect(none.statusCode).toBe(422);
    expect(none.json().detail).toMatch(/no stops/);
  });

  it('a physician outside the territory gets their own office as a new stop', async () => {
    const res = await add(liaison, [NPI.C1]);
    expect(res.statusCode, res.body).toBe(201);
    const heart = (res.json().plan.visits as Visit[]).find((v) => v.providers[0]?.npi === NPI.C1);
    expect(heart?.stopId).toBe('loc-3');
  });

  it('a liaison adds only to their own route; a manager may add to anyone’s', async () => {
    const res = await add(other, [NPI.P2], { liaison: liaison.userId });
    expect(res.statusCode).toBe(403);
    const m = await add(manager, [NPI.P2], { liaison: other.userId });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json().plan.liaison.id).toBe(other.userId);
    const bad = await add(liaison, []);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect((await add(liaison, ['123'])).statusCode).toBe(400);
  });

  it('says when an added physician’s office does not fit the day (visits already done until late)', async () => {
    const day = '2026-12-04'; // a Friday; the other liaison's own day
    const first = await add(manager, [NPI.P2], { liaison: other.userId, date: day });
    expect(first.statusCode, first.body).toBe(201);
    // the Midtown visit ended at 17:55; Chelsea closes at 18:00, so a visit there no longer fits
    const done = await manager.request('POST', `/api/routes/${first.json().plan.id}/visits/loc-2/done`, {
      logActivity: false,
      at: '17:55',
    });
    expect(done.statusCode, done.body).toBe(200);
    const res = await add(manager, [NPI.P1], { liaison: other.userId, date: day });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.added).toEqual([NPI.P1]);
    expect(r.plan.visits.map((v: Visit) => v.stopId)).toEqual(['loc-2']);
    expect(r.notFitting).toEqual([
      {
        npi: NPI.P1,
        office: 'Chelsea office practice — Chelsea office',
        reason: 'closed',
        reasonText: expect.stringMatching(/not reachable while open/),
      },
    ]);
    expect(r.plan.unassigned).toEqual([expect.objectContaining({ stopId: 'loc-1', npis: [NPI.P1] })]);
  });
});
