// Test databases on both backends. PGlite: a migrated template is built once per process and
// cloned per test (loadDataDir, ~0.5 s instead of migrating each time). PostgreSQL (when
// TEST_DATABASE_URL is set): a fresh database per test, cloned from a migrated template database.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { closeBackground } from '../../src/db/background';
import { connectDatabase, type Database, pgliteExtensions } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';

export type Backend = { name: 'pglite' | 'postgres'; create: () => Promise<Database> };

let pgliteTemplate: Promise<Blob> | undefined;
async function pgliteTemplateDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const lite = await PGlite.create({ extensions: await pgliteExtensions() });
    const d = await connectDatabase({ pglite: lite });
    await migrateToLatest(d.db);
    await d.db.destroy();
    const dump = await lite.dumpDataDir('none');
    await lite.close();
    return dump;
  })();
  return pgliteTemplate;
}

export async function createPgliteDatabase(): Promise<Database> {
  const lite = await PGlite.create({
    extensions: await pgliteExtensions(),
    loadDataDir: await pgliteTemplateDump(),
  });
  const d = await connectDatabase({ pglite: lite });
  return {
    ...d,
    close: async () => {
      await closeBackground(d.db); // background refreshes end before the database does
      await d.db.destroy();
      await lite.close();
    },
  };
}

const adminUrl = process.env.TEST_DATABASE_URL;
let pgTemplate: Promise<string> | undefined;

function urlFor(dbName: string) {
  const u = new URL(adminUrl!);
  u.pathname = `/${dbName}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function postgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `rounds_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin((c) => c.query(`create database ${name}`));
    const d = await connectDatabase({ databaseUrl: urlFor(name), poolSize: 1 });
    await migrateToLatest(d.db);
    await d.close();
    process.once('exit', () => {}); // template dropped by the CI script together with its database
    return name;
  })();
  return pgTemplate;
}

export async function createPostgresDatabase(): Promise<Database> {
  const tpl = await postgresTemplate();
  const name = `rounds_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template ${tpl}`));
  const d = await connectDatabase({ databaseUrl: urlFor(name), poolSize: 8 });
  return {
    ...d,
    close: async () => {
      await d.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** The backends integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const backends: Backend[] = [
  { name: 'pglite', create: createPgliteDatabase },
  ...(adminUrl ? [{ name: 'postgres' as const, create: createPostgresDatabase }] : []),
];

/**
 * Inside a describe block: a database of this backend, `load`ed once before the block's tests and
 * closed after them. Returns a getter (the database exists once beforeAll has run).
 */
export function loadedDatabase(backend: Backend, load: (d: Database) => Promise<unknown>): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await backend.create();
    await load(database);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => database!;
}
