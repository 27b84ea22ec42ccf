// POST /api/sync and GET /api/field/bundle: exactly-once application, replays, conflicts, rejections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedField } from './seed';

const DATE = '2026-12-01';
let n = 0;
const key = (p: string) => `${p}-${String(++n).padStart(6, '0')}-k`;

describe.each(backends)('field sync on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let other: Client;
  let seed: Awaited<ReturnType<typeof seedField>>;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    other = await clientFor(app, database, 'liaison', 'other@test.example');
    seed = await seedField(database.db, liaison.userId, DATE);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('applies a check-in, a visit at the stop with a follow-up, a note, a task and an issue once; a replay writes nothing', async () => {
    const checkinKey = key('ci');
    const items = [
      {
        idempotencyKey: checkinKey,
        kind: 'checkin',
        // ~111 m north of the office
        payload: {
          routePlanId: seed.planId,
          stopId: seed.stopId,
          lat: 47.6111,
          lon: -122.3421,
          accuracyM: 12,
          at: `${DATE}T08:15:00Z`,
        },
      },
      {
        idempotencyKey: key('visit'),
        kind: 'activity',
        payload: {
          type: 'drop_in',
          occurredAt: `${DATE}T08:20:00Z`,
          organizationId: seed.orgId,
          locationId: seed.locationId,
          outcome: 'positive',
          notes: 'Spoke with Dr Alvarez about the new MRI slots.',
          providerNpis: [NPIS[0]],
          followUps: [{ title: 'Send MRI slot sheet', dueOn: '2026-12-03' }],
          routePlanId: seed.planId,
          stopId: seed.stopId,
          checkinKey,
        },
      },
      {
        idempotencyKey: key('note'),
        kind: 'note',
        payload: { providerNpi: NPIS[1], text: 'Prefers e-mail.', occurredAt: `${DATE}T09:00:00Z` },
      },
      {
        idempotencyKey: key('task'),
        kind: 'task',
        payload: { title: 'Call office manager', dueOn: '2026-12-02' },
      },
      {
        idempotencyKey: key('issue'),
        kind: 'issue',
        payload: { providerNpi: NPIS[0], category: 'scheduling', title: 'MRI waits over 2 weeks' },
      },
    ];
    const res = await liaison.request('POST', '/api/sync', { items });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    expect(body.applied).toBe(5);
    const visitId = body.results[1].record.id;

    const ci = await database.db.selectFrom('checkins').selectAll().executeTakeFirstOrThrow();
    expect(Number(ci.activity_id)).toBe(visitId);
    expect(ci.distance_m).toBeGreaterThanOrEqual(109); // 0.001° latitude ≈ 111 m
    expect(ci.distance_m).toBeLessThanOrEqual(113);
    const plan = await database.db
      .selectFrom('route_plans')
      .select('done')
      .where('id', '=', seed.planId)
      .executeTakeFirstOrThrow();
    expect(plan.done).toEqual([{ stopId: seed.stopId, at: expect.any(Number), activityId: visitId }]);
    const followUps = await database.db
      .selectFrom('tasks')
      .select(['title', 'provider_npi'])
      .where('activity_id', '=', visitId)
      .execute();
    expect(followUps).toEqual([{ title: 'Send MRI slot sheet', provider_npi: NPIS[0] }]);

    const counts = async () => ({
      activities: Number(
        (
          await database.db
            .selectFrom('activities')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      tasks: Number(
        (
          await database.db
            .selectFrom('tasks')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      issues: Number(
        (
          await database.db
            .selectFrom('physician_issues')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      checkins: Number(
        (
          await database.db
            .selectFrom('checkins')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const before = await counts();
    expect(before).toEqual({ activities: 2, tasks: 2, issues: 1, checkins: 1 });
    const again = (await liaison.request('POST', '/api/sync', { items })).json();
    expect(
      again.results.every((r: { replayed: boolean; status: string }) => r.replayed && r.status === 'applied'),
    ).toBe(true);
    expect(again.results[1].record.id).toBe(visitId);
    expect(await counts()).toEqual(before);

    // Keys are per user: another liaison's identical key is a different mutation.
    const theirs = (await other.request('POST', '/api/sync', { items: [items[3]] })).json();
    expect(theirs.results[0]).toMatchObject({ status: 'applied', replayed: false });
  });

  it('returns a conflict with the current record when the task changed on the server since the phone saw it', async () => {
    const created = (await liaison.request('POST', '/api/tasks', { title: 'Drop off brochures' })).json();
    const edited = await liaison.request('PATCH', `/api/tasks/${created.id}`, {
      version: created.version,
      dueOn: '2026-12-09',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const item = {
      idempotencyKey: key('done'),
      kind: 'task',
      baseVersion: created.version,
      payload: { id: created.id, status: 'done' },
    };
    const r = (await liaison.request('POST', '/api/sync', { items: [item] })).json().results[0];
    expect(r.status).toBe('conflict');
    expect(r.detail).toMatch(/changed by someone else/);
    expect(r.current).toMatchObject({ id: created.id, status: 'open', due_on: '2026-12-09' });
    expect(r.changedFields).toEqual(expect.arrayContaining(['due_on']));
    const row = await database.db
      .selectFrom('tasks')
      .select('status')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
    // The stored answer comes back on replay; resolving means a new item at the current version.
    const replay = (await liaison.request('POST', '/api/sync', { items: [item] })).json().results[0];
    expect(replay).toMatchObject({ status: 'conflict', replayed: true });
    const retry = { ...item, idempotencyKey: key('done2'), baseVersion: r.current.version };
    expect((await liaison.request('POST', '/api/sync', { items: [retry] })).json().results[0].status).toBe(
      'applied',
    );
  });

  it('rejects a bad item by position and field and still applies the rest, in order', async () => {
    const items = [
      { idempotencyKey: key('bad'), kind: 'task', payload: { title: 'x', dueOn: 'tomorrow' } },
      {
        idempotencyKey: key('bad'),
        kind: 'activity',
        payload: { type: 'drop_in', occurredAt: `${DATE}T10:00:00Z`, providerNpis: ['1999999999'] },
      },
      { idempotencyKey: key('ok'), kind: 'task', payload: { title: 'Valid task' } },
    ];
    const r = (await liaison.request('POST', '/api/sync', { items })).json().results;
    expect(r[0]).toMatchObject({ status: 'rejected', detail: 'payload.dueOn: must be a date YYYY-MM-DD' });
    expect(r[1]).toMatchObject({ status: 'rejected', detail: 'providerNpis: unknown NPI 1999999999' });
    expect(r[2].status).toBe('applied');
    const bad = await liaison.request('POST', '/api/sync', {
      items: [{ idempotencyKey: 'short', kind: 'task', payload: {} }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/must be 8–100 letters, digits, _ or -/);
  });

  it('bundles today’s route with mileage, targets, cards with recent notes and open tasks', async () => {
    const res = await liaison.request('GET', `/api/field/bundle?date=${DATE}`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.route.id).toBe(seed.planId);
    expect(b.route.visits[0]).toMatchObject({ stopId: seed.stopId, done: true });
    expect(b.route.mileage).toMatchObject({ km: 4.2, miles: 2.6 });
    const card = b.providers.find((p: { npi: string }) => p.npi === NPIS[0]);
    expect(card.name).toBe('Ana Alvarez, MD');
    expect(card.recentNotes[0].text).toMatch(/MRI slots/);
    expect(b.organizations[0]).toMatchObject({ id: seed.orgId, name: 'Lakeside Family Practice' });
    expect(b.organizations[0].locations[0]).toMatchObject({ id: seed.locationId, name: 'Lakeside Main' });
    expect(b.tasks.map((t: { title: string }) => t.title)).toEqual(
      expect.arrayContaining(['Send MRI slot sheet', 'Call office manager']),
    );
    expect((await liaison.request('GET', '/api/field/bundle?date=2026-02-30')).statusCode).toBe(400);
  });
});
