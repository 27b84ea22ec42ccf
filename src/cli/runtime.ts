// Shared CLI plumbing: configuration, a migrated database for the command, clean failure messages.
import { type Config, ConfigError, loadConfig } from '../config';
import { sealAudit } from '../db/audit';
import { connectDatabase, type Database } from '../db/connection';
import { migrateToLatest } from '../db/migrate';

export class CliError extends Error {}

export async function openDatabase(config: Config, opts: { migrate?: boolean } = {}): Promise<Database> {
  const database = await connectDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    poolSize: config.DB_POOL_SIZE,
  });
  if (opts.migrate !== false) await migrateToLatest(database.db);
  return database;
}

/** Run a command with a migrated database; any expected failure becomes one line on stderr and exit 1. */
export async function withDatabase(
  fn: (database: Database, config: Config) => Promise<unknown>,
  opts: { migrate?: boolean } = {},
): Promise<void> {
  let database: Database | undefined;
  try {
    const config = loadConfig();
    database = await openDatabase(config, opts);
    await fn(database, config);
    // Link what this command audited into the chain before exiting (a server may not be running).
    await sealAudit(database.db, { wait: true }).catch(() => {});
  } catch (e) {
    fail(e);
  } finally {
    await database?.close().catch(() => {});
  }
}

export function fail(e: unknown): never {
  const msg = e instanceof Error ? e.message : String(e);
  const expected =
    e instanceof ConfigError || e instanceof CliError || (e as { expected?: boolean })?.expected;
  process.stderr.write(`rounds: ${msg}\n`);
  if (!expected && process.env.ROUNDS_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  process.exit(1);
}

export const printJson = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
