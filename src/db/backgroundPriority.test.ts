// Requests before background work on the embedded database's one connection (backgroundPriority.ts).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBackground, GRACE_MS, priorityGate } from './backgroundPriority';
import { connectDatabase, type Database } from './connection';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A clock the test moves: sleeps resolve only when `advance` passes their time. */
function manualClock() {
  let t = 0;
  let sleepers: { at: number; wake: () => void }[] = [];
  const flush = () => new Promise((r) => setImmediate(r));
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: t + ms, wake })),
    /** moves time on `ms`, one millisecond at a time, waking each sleeper when its time comes */
    async advance(ms: number) {
      for (let i = 0; i < ms; i++) {
        t += 1;
        const due = sleepers.filter((x) => x.at <= t);
        sleepers = sleepers.filter((x) => x.at > t);
        for (const x of due) x.wake();
        await flush();
      }
    },
  };
}

describe('priority gate', () => {
  it('lets background work in at once when no request is about', async () => {
    const clock = manualClock();
    let passed = false;
    void priorityGate(clock)
      .before()
      .then(() => {
        passed = true;
      });
    await clock.advance(0);
    await new Promise((r) => setImmediate(r));
    expect(passed).toBe(true);
  });

  it('holds background work while a request is in and for GRACE_MS after it leaves', async () => {
    const clock = manualClock();
    const gate = priorityGate(clock);
    const leave = gate.enter();
    let passed = false;
    void gate.before().then(() => {
      passed = true;
    });
    await clock.advance(500);
    expect(passed).toBe(false);
    leave();
    leave(); // a second release changes nothing
    await clock.advance(GRACE_MS - 1);
    expect(passed).toBe(false);
    await clock.advance(6);
    expect(passed).toBe(true);
  });

  it('never holds background work longer than its limit', async () => {
    const clock = manualClock();
    const gate = priorityGate(clock, 120);
    gate.enter(); // a request that never leaves
    let passed = false;
    void gate.before().then(() => {
      passed = true;
    });
    await clock.advance(115);
    expect(passed).toBe(false);
    await clock.advance(10);
    expect(passed).toBe(true);
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
