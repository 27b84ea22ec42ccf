// One way to get a database: PGlite (embedded, in DATA_DIR/db) or a PostgreSQL server (DATABASE_URL).
// Both go through node-postgres + Kysely's PostgresDialect so types parse the same on both.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { closeBackground } from './background';
import { prioritizeRequests } from './backgroundPriority';
import type { DB } from './schema';

// bigint (int8) and numeric come back as JS numbers: our counts fit comfortably.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// dates stay as 'YYYY-MM-DD' strings: no timezone surprises for calendar dates.
pg.types.setTypeParser(1082, (v) => v);

/**
 * A statement whose SQL text starts with this comment is prepared once per connection (a named
 * statement) and then only bound and executed: PostgreSQL parses and plans it once per connection
 * instead of on every call (for the CTE that logs an activity, planning cost more than running it).
 * Only for hot statements with a fixed text whose plan does not depend on the values (PostgreSQL
 * switches to a generic plan after five executions when it is no worse).
 */
export const PREPARED = '/* prepared */';

type QueryFn = (config: unknown, values?: unknown, cb?: unknown) => unknown;
const statementNames = new Map<string, string>();
function statementName(text: string) {
  let name = statementNames.get(text);
  if (!name) {
    name = `rounds_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Makes the pool's connections prepare statements marked with PREPARED (node-postgres keeps the
 * names it has parsed per connection and sends only Bind/Execute the next time). */
function prepareMarked(pool: pg.Pool) {
  pool.on('connect', (client) => {
    const c = client as unknown as { query: QueryFn };
    const query = c.query.bind(client) as QueryFn;
    c.query = (config, values, cb) =>
      typeof config === 'string' && config.startsWith(PREPARED)
        ? query({ name: statementName(config), text: config }, values, cb)
        : query(config, values, cb);
  });
}

/**
 * PGlite runs each statement synchronously on this thread and hands its answer back as a microtask,
 * so a chain of awaited statements (an import's finalize, the alert run, the stored views) never
 * let the event loop accept a connection: while the demo's referral history loaded in the
 * background, the server — even /healthz — stopped answering for 80 s. One turn of the event loop
 * before each statement lets waiting requests in; those that need the database then queue for its
 * one connection between statements (or between transactions) instead of behind the whole chain.
 * Callback and streaming queries (COPY) keep their synchronous start.
 */
function yieldBeforeStatements(pool: pg.Pool) {
  pool.on('connect', (client) => {
    const c = client as unknown as { query: QueryFn };
    const query = c.query.bind(client) as QueryFn;
    c.query = (config, values, cb) => {
      const streaming = typeof (config as { submit?: unknown } | null)?.submit === 'function';
      if (streaming || typeof values === 'function' || typeof cb === 'function')
        return query(config, values, cb);
      const run = new Promise<void>((resolve) => setImmediate(resolve)).then(() => query(config, values, cb));
      return SLOW_MS ? logIfSlow(run, config) : run;
    };
  });
}

// ROUNDS_SLOW_SQL_MS=N prints each embedded-database statement that took longer than N ms (the one
// connection is held for that long: every request waits behind it).
const SLOW_MS = Number(process.env.ROUNDS_SLOW_SQL_MS) || 0;
function logIfSlow<T>(run: Promise<T>, config: unknown): Promise<T> {
  const t0 = performance.now();
  return run.finally(() => {
    const ms = performance.now() - t0;
    if (ms < SLOW_MS) return;
    const text = typeof config === 'string' ? config : String((config as { text?: string })?.text ?? '');
    console.warn(`slow SQL ${ms.toFixed(0)} ms: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
  });
}

export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  pool: pg.Pool;
  pglite?: PGlite;
  close: () => Promise<void>;
};

/** The PGlite extensions Rounds needs. PGlite is loaded only when used: a process on PostgreSQL
 * (an import, a server) then never carries its WASM modules in memory. */
export async function pgliteExtensions() {
  const [{ btree_gin }, { cube }, { earthdistance }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite/contrib/btree_gin'),
    import('@electric-sql/pglite/contrib/cube'),
    import('@electric-sql/pglite/contrib/earthdistance'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  return { pg_trgm, cube, earthdistance, unaccent, btree_gin };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob | File): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  return PGlite.create({ dataDir, extensions: await pgliteExtensions(), loadDataDir });
}

export async function connectDatabase(opts: {
  databaseUrl?: string;
  dataDir?: string;
  pglite?: PGlite;
  poolSize?: number;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // idle client errors surface on the next query instead of crashing
    prepareMarked(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      pool,
      close: async () => {
        await closeBackground(db);
        await db.destroy();
      },
    };
  }
  const pglite = opts.pglite ?? (await openPglite(opts.dataDir ? path.join(opts.dataDir, 'db') : undefined));
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  prepareMarked(pool);
  yieldBeforeStatements(pool);
  prioritizeRequests(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    pglite,
    close: async () => {
      await closeBackground(db);
      await db.destroy();
      if (!opts.pglite) await pglite.close();
    },
  };
}
