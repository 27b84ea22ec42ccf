// One way to get a database: PGlite (embedded, in DATA_DIR/db) or a PostgreSQL server (DATABASE_URL).
// Both go through node-postgres + Kysely's PostgresDialect so types parse the same on both.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

// bigint (int8) and numeric come back as JS numbers: our counts fit comfortably.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// dates stay as 'YYYY-MM-DD' strings: no timezone surprises for calendar dates.
pg.types.setTypeParser(1082, (v) => v);

export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  pool: pg.Pool;
  pglite?: PGlite;
  close: () => Promise<void>;
};

export const pgliteExtensions = { pg_trgm, cube, earthdistance, unaccent, btree_gin };

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob | File): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir, extensions: pgliteExtensions, loadDataDir });
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
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const pglite = opts.pglite ?? (await openPglite(opts.dataDir ? path.join(opts.dataDir, 'db') : undefined));
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    pglite,
    close: async () => {
      await db.destroy();
      if (!opts.pglite) await pglite.close();
    },
  };
}
