// Backups and restores for both backends.
//   PGlite:     the data folder as a gzipped tarball (PGlite dumpDataDir); restore swaps the folder
//               (the server must be stopped: PGlite is single-process).
//   PostgreSQL: pg_dump custom format; restore with pg_restore --clean in ONE transaction.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { recordAudit, verifyAuditChain } from '../db/audit';
import { connectDatabase, type Database, pgliteExtensions } from '../db/connection';

const run = promisify(execFile);

export class BackupError extends Error {
  expected = true;
}

export type BackupKind = 'pglite' | 'postgres';

/** pg_dump/pg_restore connection settings as PG* variables: the password never appears in `ps`. */
export function pgEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const u = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PGHOST: decodeURIComponent(u.hostname) || 'localhost',
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const ssl = u.searchParams.get('sslmode');
  if (ssl) env.PGSSLMODE = ssl;
  return env;
}

/** What kind of backup a file holds, from its first bytes. */
export async function detectBackupKind(file: string): Promise<BackupKind> {
  const fh = await open(file, 'r').catch(() => {
    throw new BackupError(`${file}: cannot read the backup file`);
  });
  try {
    const head = Buffer.alloc(5);
    await fh.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    throw new BackupError(
      `${file}: not a Rounds backup (neither a pg_dump archive nor a PGlite data tarball)`,
    );
  } finally {
    await fh.close();
  }
}

/** Write a backup of the open database to `file` (atomically: a temp file renamed at the end). */
export async function backupDatabase(
  database: Database,
  file: string,
  opts: { databaseUrl?: string; actor?: string; trigger?: 'cli' | 'schedule' | 'api' } = {},
) {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  const audit = await verifyAuditChain(database.db);
  // Recorded BEFORE the dump so the backup contains its own audit row.
  await recordAudit(database.db, {
    actorLabel: opts.actor ?? 'cli',
    action: 'backup',
    entity: 'database',
    detail: {
      file: path.basename(file),
      kind: database.kind,
      audit_rows: audit.rows,
      audit_ok: audit.ok,
      trigger: opts.trigger ?? 'cli',
    },
  });
  try {
    if (database.kind === 'pglite') {
      const blob = await database.pglite!.dumpDataDir('gzip');
      await writeFile(tmp, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
    } else {
      if (!opts.databaseUrl) throw new BackupError('DATABASE_URL is needed to back up PostgreSQL');
      await run('pg_dump', ['-Fc', '--no-owner', '--no-privileges', '-f', tmp], {
        env: pgEnv(opts.databaseUrl),
        maxBuffer: 16 * 1024 * 1024,
      }).catch((e: { stderr?: string; message: string }) => {
        throw new BackupError(`pg_dump failed: ${(e.stderr || e.message).trim()}`);
      });
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return {
    file,
    kind: database.kind,
    bytes: (await stat(file)).size,
    auditHead: audit.head,
    auditOk: audit.ok,
  };
}

/**
 * Restore `file` over the configured database. PGlite: the current folder is kept as
 * `db.before-restore-<time>` until you delete it. PostgreSQL: all-or-nothing (single transaction).
 */
export async function restoreDatabase(file: string, target: { databaseUrl?: string; dataDir: string }) {
  const kind = await detectBackupKind(file);
  const wanted: BackupKind = target.databaseUrl ? 'postgres' : 'pglite';
  if (kind !== wanted)
    throw new BackupError(
      `${file} is a ${kind} backup but this Rounds uses ${wanted === 'postgres' ? 'PostgreSQL (DATABASE_URL is set)' : 'PGlite (no DATABASE_URL)'}`,
    );
  if (kind === 'postgres') {
    await run(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        '-d',
        pgEnv(target.databaseUrl!).PGDATABASE!,
        file,
      ],
      {
        env: pgEnv(target.databaseUrl!),
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((e: { stderr?: string; message: string }) => {
      throw new BackupError(
        `pg_restore failed (nothing was changed): ${(e.stderr || e.message).trim().split('\n').slice(0, 3).join(' ')}`,
      );
    });
    const database = await connectDatabase({ databaseUrl: target.databaseUrl, poolSize: 1 });
    return finishRestore(database, file, kind);
  }
  const live = path.join(target.dataDir, 'db');
  const staging = path.join(target.dataDir, `db.restoring-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  // Unpack into a staging folder and open it: a broken tarball fails here, before anything is touched.
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create({
    dataDir: staging,
    extensions: await pgliteExtensions(),
    loadDataDir: new Blob([await readFile(file)]),
  }).catch(async (e: Error) => {
    await rm(staging, { recursive: true, force: true });
    throw new BackupError(`${file}: the PGlite backup could not be opened (${e.message})`);
  });
  await lite.close();
  const keep = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(live)) await rename(live, keep);
  await rename(staging, live);
  const database = await connectDatabase({ dataDir: target.dataDir });
  return { ...(await finishRestore(database, file, kind)), previous: existsSync(keep) ? keep : null };
}

async function finishRestore(database: Database, file: string, kind: BackupKind) {
  try {
    const audit = await verifyAuditChain(database.db);
    await recordAudit(database.db, {
      actorLabel: 'cli',
      action: 'restore',
      entity: 'database',
      detail: { file: path.basename(file), kind, audit_rows: audit.rows, audit_ok: audit.ok },
    });
    return { kind, auditRows: audit.rows, auditOk: audit.ok };
  } finally {
    await database.close();
  }
}
