// The embedded database has one connection. While the demo's referral history loads in the background
// (a month per transaction, ≈ 0.5–1.5 s each), a request's statements queued behind the loader in turn:
// a page that runs twelve statements waited for twelve of the loader's transactions (8–9 s measured for
// the field bundle). Work run with `asBackground` now takes the connection only when no request's
// statement is waiting or running, and not within a moment of one ending (a request's next statement
// follows its last within a few milliseconds); so a request waits for at most the one background
// transaction already running. A background step never waits longer than MAX_WAIT_MS, so a stream of
// requests slows the background work down but cannot stop it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

const background = new AsyncLocalStorage<true>();
/** How long after a request's statement ends the connection stays reserved for its next one. */
export const GRACE_MS = 30;
export const MAX_WAIT_MS = 3_000;

/** Runs `fn` (and everything it awaits) as background work: it yields the database to requests. */
export function asBackground<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

export type Gate = { before: () => Promise<void>; enter: () => () => void };

type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };
const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** The gate's bookkeeping (apart from the pool; the clock is the tests'): requests enter and leave;
 * background waits. */
export function priorityGate(clock: Clock = realClock, maxWaitMs = MAX_WAIT_MS): Gate {
  const { now, sleep } = clock;
  let active = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  return {
    /** Background: resolves once requests have left the database alone for GRACE_MS (or MAX_WAIT_MS passed). */
    async before() {
      const start = now();
      while (now() - start < maxWaitMs) {
        const quiet = now() - lastEnd;
        if (active === 0 && quiet >= GRACE_MS) return;
        await sleep(active ? 5 : Math.max(1, GRACE_MS - quiet));
      }
    },
    /** A request takes the connection; the returned function marks its release. */
    enter() {
      active++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        active--;
        lastEnd = now();
      };
    },
  };
}

/** Puts the gate in front of the pool's `connect()` (Kysely's way in; `client.release()` its way out). */
export function prioritizeRequests(pool: pg.Pool, gate = priorityGate()) {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { connect: unknown }).connect = async (...args: unknown[]) => {
    if (args.length) return (connect as (...a: unknown[]) => unknown)(...args); // callback form: untouched
    if (background.getStore()) {
      await gate.before();
      return connect();
    }
    const leave = gate.enter();
    try {
      const client = await connect();
      const release = client.release.bind(client);
      client.release = (err?: Error | boolean) => {
        leave();
        client.release = release;
        return release(err);
      };
      return client;
    } catch (e) {
      leave();
      throw e;
    }
  };
}
