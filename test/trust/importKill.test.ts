// `kill -9` during an NPPES import at 10 random moments, then one more run: the database ends in
// exactly the state of one clean run. Compared by a checksum of every table's rows (columns that
// are times or generated serial ids differ between any two runs and are left out; so are the
// import's own job log, where killed runs are recorded on purpose, and references into it).
// PostgreSQL only.
// The child process is the one test/directory/killRerun.test.ts uses.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateNppesFile } from '../../bench/import/generateNppes';
import type { Database } from '../../src/db/connection';
import { createPostgresDatabase } from '../helpers/db';

const pgUrl = process.env.TEST_DATABASE_URL;
const child = path.resolve('test/directory/fixtures/importChild.ts');
const SKIP_TABLES = new Set(['import_jobs', 'audit_log', 'kysely_migration', 'kysely_migration_lock']);

/** Runs the import; kills it `killAfterMs` after it is ready (null: let it finish). Returns ms taken. */
function runImport(file: string, url: string, killAfterMs: number | null) {
  return new Promise<{ outcome: 'done' | 'killed'; ms: number }>((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, file, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let readyAt = 0;
    p.stdout.on('data', (d: Buffer) => {
      if (readyAt || !d.toString().includes('ready')) return;
      readyAt = performance.now();
      if (killAfterMs !== null) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.on('exit', (code, signal) => {
      const ms = performance.now() - readyAt;
      if (signal === 'SIGKILL') resolve({ outcome: 'killed', ms });
      else if (code === 0) resolve({ outcome: 'done', ms });
      else reject(new Error(`import exited ${code}`));
    });
  });
}

/** table → "row count:md5 of its rows" (times and serial ids left out). */
async function tableChecksums(d: Database): Promise<Record<string, string>> {
  const cols = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, column_default from information_schema.columns
    where table_schema = 'public'`.execute(d.db);
  const drop = new Map<string, string[]>();
  for (const c of cols.rows) {
    const volatile =
      c.data_type.startsWith('timestamp') ||
      c.column_default?.startsWith('nextval(') === true ||
      c.column_name.endsWith('job_id'); // points into the job log, which killed runs add to
    if (!drop.has(c.table_name)) drop.set(c.table_name, []);
    if (volatile) drop.get(c.table_name)!.push(c.column_name);
  }
  const out: Record<string, string> = {};
  for (const [table, dropCols] of [...drop].sort()) {
    if (SKIP_TABLES.has(table) || table.startsWith('stage_')) continue;
    const minus = dropCols.map((c) => `'${c}'`).join(',');
    const rows = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(j, E'\n' order by j)) as h
      from (select (to_jsonb(t) - array[${sql.raw(minus || "''")}]::text[])::text as j from ${sql.table(table)} t) x`.execute(
      d.db,
    );
    out[table] = `${rows.rows[0]!.n}:${rows.rows[0]!.h ?? '-'}`;
  }
  return out;
}

async function urlOf(d: Database) {
  const name = (await sql<{ n: string }>`select current_database() as n`.execute(d.db)).rows[0]!.n;
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

describe.runIf(!!pgUrl)('kill -9 during an import at 10 random points', () => {
  it('the re-run ends in exactly the state of one clean run', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rounds-killimport-'));
    const file = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
    await generateNppesFile(file, 3000);
    const clean = await createPostgresDatabase();
    const killed = await createPostgresDatabase();
    try {
      const cleanRun = await runImport(file, await urlOf(clean), null);
      expect(cleanRun.outcome).toBe('done');
      const target = await urlOf(killed);
      const kills: number[] = [];
      for (let i = 0; i < 10; i++) {
        const at = Math.round(Math.random() * cleanRun.ms);
        kills.push(at);
        await runImport(file, target, at); // may finish first when `at` falls at the very end
      }
      // an import closes the running jobs of stopped processes, but leaves one started within the
      // last second alone (it may be a live import just begun: jobs.ts closeAbandonedJobs); a
      // killed run can start its job less than a second before the next run looks
      await new Promise((r) => setTimeout(r, 1100));
      expect((await runImport(file, target, null)).outcome).toBe('done');
      const [a, b] = [await tableChecksums(clean), await tableChecksums(killed)];
      expect(Number(a.providers!.split(':')[0])).toBeGreaterThan(2000);
      expect(b, `kill points (ms after start): ${kills.join(', ')}`).toEqual(a);
      const running = await sql<{ n: number }>`
        select count(*)::int as n from import_jobs where status = 'running'`.execute(killed.db);
      expect(running.rows[0]!.n).toBe(0);
    } finally {
      await clean.close();
      await killed.close();
    }
  });
});
