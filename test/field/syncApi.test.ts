// POST /api/sync contract, with expectations worked out by hand on a small fixture: an idempotency key
// stores its mutation once (same request twice, twice in one batch, two deliveries at once); items are
// applied in the order sent (two edits of one task only both apply in version order; a failed item
// stops the batch and the rest are re-sent in order); a record changed on the server meanwhile comes
// back as a conflict with the current record and the fields changed, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../src/commands/field/sync';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, OFFICE, seedField } from './seed';

const DATE = '2026-12-02';

describe.each(backends)('sync API contract on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let seed: Awaited<ReturnType<typeof seedField>>;

  const sync = async (items: unknown[]) => {
    const res = await liaison.request('POST', '/api/sync', { items });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      results: {
        idempotencyKey: string;
        status: string;
        replayed: boolean;
        detail?: string;
        record?: { id: number; version: number | null };
        current?: Record<string, unknown>;
        changedFields?: string[];
        yourVersion?: number;
      }[];
      applied: number;
      replayed: number;
      conflicts: number;
      rejected: number;
    };
  };
  const tasksTitled = async (title: string) =>
    database.db.selectFrom('tasks').select(['id', 'status', 'version']).where('title', '=', title).execute();
  const keysNamed = async (key: string) =>
    database.db.selectFrom('idempotency_keys').select('status').where('key', '=', key).execute();
  const newTask = async (title: string) => {
    const res = await liaison.request('POST', '/api/tasks', { title });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  };

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    seed = await seedField(database.db, liaison.userId, DATE);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe('idempotency keys', () => {
    it('the same key sent in two requests is stored once; the second gets the stored answer', async () => {
      const item = { idempotencyKey: 'idem-twice-0001', kind: 'task', payload: { title: 'Idem twice' } };
      const first = await sync([item]);
      expect(first).toMatchObject({ applied: 1, replayed: 0 });
      expect(first.results[0]).toMatchObject({ status: 'applied', replayed: false });
      const second = await sync([item]);
      expect(second).toMatchObject({ applied: 0, replayed: 1 });
      expect(second.results[0]).toMatchObject({ status: 'applied', replayed: true });
      expect(second.results[0]!.record).toEqual(first.results[0]!.record);
      expect(await tasksTitled('Idem twice')).toHaveLength(1);
      expect(await keysNamed('idem-twice-0001')).toEqual([{ status: 'applied' }]);
    });

    it('the same key twice in one batch: the first is applied, the repeat is refused by position', async () => {
      const item = { idempotencyKey: 'idem-batch-0001', kind: 'task', payload: { title: 'Idem batch' } };
      const r = await sync([item, item]);
      expect(r.results.map((x) => x.status)).toEqual(['applied', 'rejected']);
      expect(r.results[1]!.detail).toBe('items[1].idempotencyKey: repeated in this batch');
      expect(await tasksTitled('Idem batch')).toHaveLength(1);
    });

    it('two deliveries of one item at the same moment store it once', async () => {
      const item = { idempotencyKey: 'idem-race-0001', kind: 'task', payload: { title: 'Idem race' } };
      const [a, b] = await Promise.all([sync([item]), sync([item])]);
      const answers = [a.results[0]!, b.results[0]!];
      expect(answers.map((x) => x.status)).toEqual(['applied', 'applied']);
      // Exactly one of the two did the write; the other got the stored answer for the same record.
      expect(answers.filter((x) => !x.replayed)).toHaveLength(1);
      expect(answers[0]!.record).toEqual(answers[1]!.record);
      expect(await tasksTitled('Idem race')).toHaveLength(1);
    });

    it('a rejected item keeps its answer: sent again it is not tried again', async () => {
      const item = { idempotencyKey: 'idem-bad-0001', kind: 'task', payload: { title: '' } };
      const first = (await sync([item])).results[0]!;
      expect(first).toMatchObject({
        status: 'rejected',
        detail: 'payload.title: Too small: expected string to have >=1 characters',
      });
      expect((await sync([item])).results[0]).toMatchObject({ status: 'rejected', replayed: true });
      expect(await keysNamed('idem-bad-0001')).toEqual([{ status: 'rejected' }]);
    });
  });

  describe('ordering', () => {
    it('two edits of one task both apply when sent in the order they were made', async () => {
      const t = await newTask('Order forward');
      expect(t.version).toBe(1);
      const r = await sync([
        {
          idempotencyKey: 'ord-fwd-0001',
          kind: 'task',
          baseVersion: 1,
          payload: { id: t.id, status: 'in_progress' },
        },
        {
          idempotencyKey: 'ord-fwd-0002',
          kind: 'task',
          baseVersion: 2,
          payload: { id: t.id, status: 'done' },
        },
      ]);
      expect(r.results.map((x) => [x.status, x.record?.version])).toEqual([
        ['applied', 2],
        ['applied', 3],
      ]);
      expect(await tasksTitled('Order forward')).toEqual([{ id: t.id, status: 'done', version: 3 }]);
    });

    it('sent the other way round, the later edit meets version 1 and is a conflict; the earlier applies', async () => {
      const t = await newTask('Order reversed');
      const r = await sync([
        {
          idempotencyKey: 'ord-rev-0002',
          kind: 'task',
          baseVersion: 2,
          payload: { id: t.id, status: 'done' },
        },
        {
          idempotencyKey: 'ord-rev-0001',
          kind: 'task',
          baseVersion: 1,
          payload: { id: t.id, status: 'in_progress' },
        },
      ]);
      expect(r.results.map((x) => x.status)).toEqual(['conflict', 'applied']);
      expect(r.results[0]).toMatchObject({
        yourVersion: 2,
        current: { id: t.id, version: 1, status: 'open' },
      });
      expect(await tasksTitled('Order reversed')).toEqual([{ id: t.id, status: 'in_progress', version: 2 }]);
    });

    it('visits in one batch are stored in the order sent (ascending ids)', async () => {
      const visit = (n: number) => ({
        idempotencyKey: `ord-visit-000${n}`,
        kind: 'activity',
        payload: {
          type: 'drop_in',
          occurredAt: `${DATE}T1${n}:00:00Z`,
          providerNpis: [NPIS[0]],
          notes: `order ${n}`,
        },
      });
      const r = await sync([visit(3), visit(1), visit(2)]);
      const ids = r.results.map((x) => x.record!.id);
      expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
      const rows = await database.db
        .selectFrom('activities')
        .select(['id', 'notes'])
        .where('client_id', 'like', 'ord-visit-%')
        .orderBy('id')
        .execute();
      expect(rows.map((x) => x.notes)).toEqual(['order 3', 'order 1', 'order 2']);
    });

    it('an item the server cannot store stops the batch; re-sent, the rest apply in the same order', async () => {
      const actor = { id: liaison.userId, label: liaison.email, role: 'liaison' as const };
      const items = [1, 2, 3].map((n) => ({
        idempotencyKey: `ord-crash-000${n}`,
        kind: 'task' as const,
        payload: { title: `Order crash ${n}` },
      }));
      const first = await applySyncBatch(database.db, actor, items, {
        beforeCommit: (_item, i) => {
          if (i === 1) throw new Error('Connection terminated unexpectedly');
        },
      });
      expect(first.results.map((x) => x.status)).toEqual(['applied', 'error', 'skipped']);
      expect(await tasksTitled('Order crash 2')).toEqual([]);
      expect(await keysNamed('ord-crash-0002')).toEqual([]); // rolled back with the write
      const again = await applySyncBatch(database.db, actor, items);
      expect(again.results.map((x) => [x.status, x.replayed])).toEqual([
        ['applied', true],
        ['applied', false],
        ['applied', false],
      ]);
      const ids = again.results.map((x) => x.record!.id);
      expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
      for (const n of [1, 2, 3]) expect(await tasksTitled(`Order crash ${n}`)).toHaveLength(1);
    });
  });

  describe('conflicts', () => {
    it('a visit edited on the server meanwhile: conflict with the current record; the phone’s edit is not written', async () => {
      const created = (
        await sync([
          {
            idempotencyKey: 'cfl-visit-0001',
            kind: 'activity',
            payload: {
              type: 'drop_in',
              occurredAt: `${DATE}T09:00:00Z`,
              providerNpis: [NPIS[0]],
              notes: 'first',
            },
          },
        ])
      ).results[0]!.record!;
      expect(created.version).toBe(1);
      const web = await liaison.request('PATCH', `/api/activities/${created.id}`, {
        version: 1,
        notes: 'edited on the web',
      });
      expect(web.statusCode, web.body).toBe(200);
      const r = await sync([
        {
          idempotencyKey: 'cfl-visit-0002',
          kind: 'activity',
          baseVersion: 1,
          payload: { id: created.id, type: 'drop_in', occurredAt: `${DATE}T09:00:00Z`, outcome: 'positive' },
        },
      ]);
      expect(r).toMatchObject({ applied: 0, conflicts: 1 });
      expect(r.results[0]).toMatchObject({
        status: 'conflict',
        yourVersion: 1,
        changedFields: ['notes'],
        current: { id: created.id, version: 2, notes: 'edited on the web', outcome: null },
      });
      const row = await database.db
        .selectFrom('activities')
        .select(['notes', 'outcome', 'version'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ notes: 'edited on the web', outcome: null, version: 2 });
    });

    // Resolving sets status, resolution and the resolved_on date: the three fields changed since version 1.
    it('an issue resolved on the server meanwhile: conflict listing status, resolution and resolved_on', async () => {
      const issue = (
        await sync([
          {
            idempotencyKey: 'cfl-issue-0001',
            kind: 'issue',
            payload: { providerNpi: NPIS[1], category: 'scheduling', title: 'Fax line busy' },
          },
        ])
      ).results[0]!.record!;
      const web = await liaison.request('PATCH', `/api/issues/${issue.id}`, {
        version: issue.version,
        status: 'resolved',
        resolution: 'New fax number sent',
      });
      expect(web.statusCode, web.body).toBe(200);
      const r = await sync([
        {
          idempotencyKey: 'cfl-issue-0002',
          kind: 'issue',
          baseVersion: issue.version!,
          payload: { id: issue.id, description: 'Still busy on Tuesday' },
        },
      ]);
      expect(r.results[0]!.status).toBe('conflict');
      expect([...r.results[0]!.changedFields!].sort()).toEqual(['resolution', 'resolved_on', 'status']);
    });
  });

  it('a check-in 0.001° north of the office records 111 m and is linked to the visit at that stop', async () => {
    // 0.001° of latitude = 0.001 × π/180 × 6 371 000 m ≈ 111.2 m.
    const r = await sync([
      {
        idempotencyKey: 'chk-in-0001',
        kind: 'checkin',
        payload: {
          routePlanId: seed.planId,
          stopId: seed.stopId,
          lat: OFFICE.lat + 0.001,
          lon: OFFICE.lon,
          accuracyM: 8,
          at: `${DATE}T08:10:00Z`,
        },
      },
      {
        idempotencyKey: 'chk-visit-0001',
        kind: 'activity',
        payload: {
          type: 'drop_in',
          occurredAt: `${DATE}T08:12:00Z`,
          providerNpis: [NPIS[0]],
          routePlanId: seed.planId,
          stopId: seed.stopId,
          checkinKey: 'chk-in-0001',
        },
      },
    ]);
    const visitId = r.results[1]!.record!.id;
    const bundle = (await liaison.request('GET', `/api/field/bundle?date=${DATE}`)).json();
    expect(bundle.checkins).toEqual([
      {
        key: 'chk-in-0001',
        stopId: seed.stopId,
        distanceM: 111,
        at: `${DATE}T08:10:00.000Z`,
        activityId: visitId,
      },
    ]);
    // Mileage comes from the planned route (4.2 km stored by the planner = 2.6 mi), not from tracking.
    expect(bundle.route.mileage).toMatchObject({ km: 4.2, miles: 2.6 });
  });
});
