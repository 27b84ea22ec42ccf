// Killing an import at any moment and re-running it gives the same final state as one clean run.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateNppesFile } from '../../bench/import/generateNppes';
import { connectDatabase, type Database } from '../../src/db/connection';
import { createPostgresDatabase } from '../helpers/db';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-kill-'));
const file = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
const child = path.join(__dirname, 'fixtures/importChild.ts');

function runChild(target: string, killAfterMs: number | null, mode = ''): Promise<'done' | 'killed'> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, file, target, mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && out.includes('ready')) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve('killed')
        : code === 0
          ? resolve('done')
          : reject(new Error(`child exited ${code}`)),
    );
  });
}

async function snapshot(d: Database) {
  const q = async (s: string) => (await sql.raw(s).execute(d.db)).rows;
  return {
    providers: await q(
      `select md5(string_agg(npi || coalesce(row_hash, '') || status || coalesce(primary_service_line, ''), ',' order by npi)) as h, count(*) as n from providers`,
    ),
    taxonomies: await q(
      `select md5(string_agg(npi || slot || code, ',' order by npi, slot)) as h, count(*) as n from provider_taxonomies`,
    ),
    orgs: await q(
      `select md5(string_agg(npi || name || type, ',' order by npi)) as h, count(*) as n from organizations`,
    ),
    tokens: await q(
      `select md5(string_agg(token || ' ' || npi, ',' order by token, npi)) as h, count(*) as n from provider_name_tokens`,
    ),
    words: await q(
      `select md5(string_agg(word || n, ',' order by word)) as h from provider_name_words where n > 0`,
    ),
    jobs: await q(`select count(*) as n from import_jobs where status = 'succeeded'`),
    running: await q(`select count(*) as n from import_jobs where status = 'running'`),
    stages: await q(`select count(*) as n from pg_class where relname like 'stage\\_%'`),
  };
}

const pgUrl = process.env.TEST_DATABASE_URL;

describe('kill an NPPES import at random points, then re-run', () => {
  it.runIf(!!pgUrl)('on postgres: same final state as one clean run', { timeout: 300_000 }, async () => {
    await generateNppesFile(file, 3000);
    const clean = await createPostgresDatabase();
    const killed = await createPostgresDatabase();
    try {
      const urlOf = async (d: Database) => {
        const name = (await sql<{ n: string }>`select current_database() as n`.execute(d.db)).rows[0]!.n;
        const u = new URL(pgUrl!);
        u.pathname = `/${name}`;
        return u.toString();
      };
      // the clean run merges after the read; the killed ones (a first load) merge as they read
      expect(await runChild(await urlOf(clean), null, 'staged')).toBe('done');
      const target = await urlOf(killed);
      const outcomes: string[] = [];
      for (const ms of [50, 300, 700, 1200, 2000]) outcomes.push(await runChild(target, ms));
      expect(outcomes).toContain('killed');
      expect(await runChild(target, null)).toBe('done');
      const a = await snapshot(clean);
      const b = await snapshot(killed);
      expect(b.providers).toEqual(a.providers);
      expect(b.taxonomies).toEqual(a.taxonomies);
      expect(b.orgs).toEqual(a.orgs);
      expect(b.tokens).toEqual(a.tokens);
      expect(b.words).toEqual(a.words);
      expect(Number((a.providers[0] as { n: number }).n)).toBe(2700);
      expect(b.stages).toEqual([{ n: 0 }]);
      expect(b.running).toEqual([{ n: 0 }]);
    } finally {
      await clean.close();
      await killed.close();
    }
  });

  it('on pglite (a data folder): same final state as one clean run', { timeout: 300_000 }, async () => {
    await generateNppesFile(file, 1500);
    const cleanDir = path.join(dir, 'clean');
    const killedDir = path.join(dir, 'killed');
    expect(await runChild(cleanDir, null)).toBe('done');
    const outcomes: string[] = [];
    for (const ms of [100, 900]) outcomes.push(await runChild(killedDir, ms));
    expect(await runChild(killedDir, null)).toBe('done');
    const a = await connectDatabase({ dataDir: cleanDir });
    const sa = await snapshot(a);
    await a.close();
    const b = await connectDatabase({ dataDir: killedDir });
    const sb = await snapshot(b);
    await b.close();
    expect(sb.providers).toEqual(sa.providers);
    expect(sb.taxonomies).toEqual(sa.taxonomies);
    expect(sb.tokens).toEqual(sa.tokens);
    expect(Number((sa.providers[0] as { n: number }).n)).toBe(1350);
    expect(sb.running).toEqual([{ n: 0 }]);
  });
});
