// A flapping network during sync: 50 items logged offline, then sync attempts where the request is
// lost before reaching the server, the server crashes mid-batch (before an item commits), the answer is
// lost after the server committed, or the same batch arrives twice at once. Every item must end up
// stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/commands/crm/errors';
import type { SyncItem } from '../../src/commands/field/payloads';
import { applySyncBatch } from '../../src/commands/field/sync';
import type { Database } from '../../src/db/connection';
import { drainOutbox, memoryOutbox, type OutboxItem, type Transport } from '../../src/web/pwa/syncEngine';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedField } from './seed';

const ITEMS = Number(process.env.FLAP_ITEMS ?? 50);

/** Deterministic PRNG (mulberry32) so a failing run can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function offlineItems(orgId: number): OutboxItem[] {
  return Array.from({ length: ITEMS }, (_, i) => {
    const visit = i % 2 === 0;
    return {
      idempotencyKey: `flap-${String(i).padStart(4, '0')}-${visit ? 'v' : 't'}`,
      kind: visit ? 'activity' : 'task',
      payload: visit
        ? {
            type: 'drop_in',
            occurredAt: new Date(Date.UTC(2026, 11, 1, 8, i)).toISOString(),
            organizationId: orgId,
            providerNpis: [NPIS[i % 3]],
            notes: `flap visit ${i}`,
          }
        : { title: `flap task ${i}` },
      seq: i,
      createdAt: new Date().toISOString(),
      label: `item ${i}`,
      state: 'pending',
      attempts: 0,
    } satisfies OutboxItem;
  });
}

describe.each(backends)('sync over a flapping network on $name', ({ create }) => {
  let database: Database;
  let liaison: Client;
  let orgId: number;
  let app: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    ({ orgId } = await seedField(database.db, liaison.userId, '2026-12-01'));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it(`stores each of ${ITEMS} items exactly once through lost requests, crashes, lost answers and double delivery`, {
    timeout: 240_000,
  }, async () => {
    const actor: Actor = { id: liaison.userId, label: liaison.email, role: 'liaison' };
    const random = rng(20261127);
    const faults = { lostRequest: 0, crash: 0, lostAnswer: 0, doubled: 0 };
    const send: Transport = async (items) => {
      if (random() < 0.25) {
        faults.lostRequest++;
        throw new Error('offline');
      }
      const crashAt = random() < 0.3 ? Math.floor(random() * items.length) : -1;
      const hooks = {
        beforeCommit: (_: SyncItem, i: number) => {
          if (i === crashAt) {
            faults.crash++;
            throw new Error('Connection terminated unexpectedly');
          }
        },
      };
      const batch = items as SyncItem[];
      const doubled = random() < 0.2;
      if (doubled) faults.doubled++;
      const [res] = await Promise.all([
        applySyncBatch(database.db, actor, batch, hooks),
        doubled ? applySyncBatch(database.db, actor, batch) : null,
      ]);
      if (random() < 0.3) {
        faults.lostAnswer++;
        throw new Error('connection reset after the server answered');
      }
      return res;
    };
    const outbox = memoryOutbox(offlineItems(orgId));
    let rounds = 0;
    while ((await outbox.pending()).length && rounds < 200) {
      rounds++;
      await drainOutbox(outbox, send, { batchSize: 7 });
    }
    expect(await outbox.pending()).toEqual([]);
    expect(outbox.all()).toEqual([]); // nothing left as conflict or rejected either
    for (const [fault, count] of Object.entries(faults)) expect(count, fault).toBeGreaterThan(0);

    const visits = await database.db
      .selectFrom('activities')
      .select(['client_id', 'notes'])
      .where('client_id', 'like', 'flap-%')
      .execute();
    const tasks = await database.db
      .selectFrom('tasks')
      .select('title')
      .where('title', 'like', 'flap task %')
      .execute();
    expect(visits).toHaveLength(ITEMS / 2);
    expect(new Set(visits.map((v) => v.client_id)).size).toBe(ITEMS / 2);
    expect(tasks).toHaveLength(ITEMS / 2);
    expect(new Set(tasks.map((t) => t.title)).size).toBe(ITEMS / 2);
    const keys = await database.db
      .selectFrom('idempotency_keys')
      .select('status')
      .where('key', 'like', 'flap-%')
      .execute();
    expect(keys).toHaveLength(ITEMS);
    expect(keys.every((k) => k.status === 'applied')).toBe(true);
    // Through the HTTP endpoint too: a full replay of all 50 returns stored answers, writes nothing.
    const replay = await liaison.request('POST', '/api/sync', {
      items: offlineItems(orgId).map(({ idempotencyKey, kind, payload }) => ({
        idempotencyKey,
        kind,
        payload,
      })),
    });
    expect(replay.json().replayed).toBe(ITEMS);
    expect(
      await database.db.selectFrom('tasks').select('id').where('title', 'like', 'flap task %').execute(),
    ).toHaveLength(ITEMS / 2);
  });
});
