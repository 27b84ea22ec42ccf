// Requests before background work on the embedded database's one connection (backgroundPriority.ts).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBackground, GRACE_MS, priorityGate } from './backgroundPriority';
import { connectDatabase, type Database } from './connection';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('priority gate', () => {
  it('lets background work in at once when no request is about', async () => {
    const gate = priorityGate();
    const t0 = performance.now();
    await gate.before();
    expect(performance.now() - t0).toBeLessThan(GRACE_MS);
  });

  it('holds background work while a request is in and for a moment after it leaves', async () => {
    const gate = priorityGate();
    const leave = gate.enter();
    let passed = false;
    const waiting = gate.before().then(() => {
      passed = true;
    });
    await sleep(3 * GRACE_MS);
    expect(passed).toBe(false);
    leave();
    leave(); // a second release changes nothing
    await sleep(GRACE_MS / 3);
    expect(passed).toBe(false);
    await waiting;
    expect(passed).toBe(true);
  });

  it('never holds background work longer than its limit', async () => {
    const gate = priorityGate(undefined, 120);
    gate.enter(); // a request that never leaves
    const t0 = performance.now();
    await gate.before();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
  });
});

describe('on the embedded database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await connectDatabase({});
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });

  it("runs a request's statements back to back while background statements keep coming", async () => {
    const order: string[] = [];
    let stop = false;
    const background = asBackground(async () => {
      while (!stop) {
        await sql`select count(*) from generate_series(1, 20000)`.execute(database.db);
        order.push('bg');
      }
    });
    await sleep(50);
    for (let i = 0; i < 5; i++) {
      await sql`select ${i}::int`.execute(database.db);
      order.push('rq');
    }
    stop = true;
    await background;
    const first = order.indexOf('rq');
    expect(order.filter((x) => x === 'bg').length).toBeGreaterThan(0);
    // without the gate the one connection alternates: rq, bg, rq, bg, …
    expect(order.slice(first, first + 5)).toEqual(['rq', 'rq', 'rq', 'rq', 'rq']);
  });
});
