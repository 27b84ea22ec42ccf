// A bulk NPPES load fills the name-word index in one pass after the insert (its trigger off):
// the tokens and vocabulary counts must be exactly what the trigger keeps, on a first load (empty
// token table, indexes rebuilt) and on a bulk load into a directory that already has tokens.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateNppesFile } from '../../bench/import/generateNppes';
import type { Database } from '../../src/db/connection';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-tokens-'));

async function tokenState(d: Database) {
  // biome-ignore lint/suspicious/noExplicitAny: rows of ad-hoc checks
  const q = async (s: string) => (await sql.raw<any>(s).execute(d.db)).rows;
  const expected = `select distinct w collate "C" as token, npi from providers,
    unnest(string_to_array(search_name, ' ')) w where status = 'active' and w <> ''`;
  return {
    missing: await q(
      `select count(*)::int as n from (${expected} except select token, npi from provider_name_tokens) x`,
    ),
    extra: await q(
      `select count(*)::int as n from (select token, npi from provider_name_tokens except ${expected}) x`,
    ),
    wrongCounts: await q(`select count(*)::int as n from provider_name_words v full join
      (select token, count(*)::int as c from provider_name_tokens group by token) t on t.token = v.word
      where coalesce(v.n, -1) <> coalesce(t.c, 0)`),
    tokens: await q(`select count(*)::int as n from provider_name_tokens`),
    indexes: await q(`select indexname from pg_indexes where tablename = 'provider_name_tokens' order by 1`),
    trigger: await q(`select tgenabled from pg_trigger where tgname = 'providers_name_tokens_ins'`),
  };
}

describe.each(backends)('name-word index after a bulk NPPES load on $name', ({ create }) => {
  let database: Database;
  beforeEach(async () => {
    database = await create();
  });
  afterEach(async () => {
    await database.close();
  });

  it('matches what the trigger keeps, on a first load and on a bulk load into a filled directory', {
    timeout: 600_000,
  }, async () => {
    const first = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
    const second = path.join(dir, 'npidata_pfile_20050523-20250713.csv');
    await generateNppesFile(first, 6000); // 5,400 providers: above the bulk threshold
    await generateNppesFile(second, 14000); // the same NPIs renamed, and 7,200 more
    const want = (s: Awaited<ReturnType<typeof tokenState>>) => {
      expect(s.missing).toEqual([{ n: 0 }]);
      expect(s.extra).toEqual([{ n: 0 }]);
      expect(s.wrongCounts).toEqual([{ n: 0 }]);
      expect(s.tokens[0]!.n).toBeGreaterThan(0);
      expect(s.indexes.map((r) => r.indexname)).toEqual(['provider_name_tokens_pkey']);
      expect(s.trigger).toEqual([{ tgenabled: 'O' }]);
    };
    await importNppes(database, first, { worker: false });
    want(await tokenState(database));
    const r = await importNppes(database, second, { worker: false });
    expect(r.counts.inserted).toBe(8000);
    const loaded = await tokenState(database);
    want(loaded);
    // the delete trigger removes a deleted provider's words by (token, npi) (no npi index):
    // 50 active providers and every deactivated one
    const gone = await sql<{ n: number }>`with d as (delete from providers where npi in (
        (select npi from providers where status = 'active' order by npi limit 50)
        union all (select npi from providers where status = 'deactivated')) returning status)
      select count(*) filter (where status = 'active')::int as n from d`.execute(database.db);
    expect(gone.rows[0]!.n).toBe(50);
    const after = await tokenState(database);
    want(after);
    expect(after.tokens[0]!.n).toBeLessThan(loaded.tokens[0]!.n - 50);
  });
});
