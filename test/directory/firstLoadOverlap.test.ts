// A first load merged batch by batch during the read (firstLoad.ts) must leave exactly what the
// merge after the read leaves: every column of every directory table, the name words, the
// indexes and triggers, the job's counts — and fall back to that merge when an NPI repeats.
import { appendFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateNppesFile } from '../../bench/import/generateNppes';
import { npiCheckDigit } from '../../src/core/npi';
import type { Database } from '../../src/db/connection';
import { importNppes } from '../../src/import/nppes/importNppes';
import { NPPES_LAYOUT_330 } from '../../src/import/nppes/layout';
import { createPostgresDatabase } from '../helpers/db';
import { deactivatedRow, individual, nppesLine, organization, writeNppes } from './fixtures/nppes';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-firstload-'));
const npi = (k: number) => {
  const first9 = String(200000000 + k);
  return first9 + npiCheckDigit(first9);
};
const line = (r: Parameters<typeof nppesLine>[1]) => `${nppesLine(NPPES_LAYOUT_330, r)}\n`;

/** 1,500 generated rows, then rows of the kinds the generator does not write. */
async function fixture(name: string, extra: string[] = []) {
  const file = path.join(dir, name);
  await generateNppesFile(file, 1500);
  appendFileSync(
    file,
    Buffer.from(
      [
        line(individual({ npi: npi(1), last: 'OTHERNAME', first: 'OLGA', otherLast: 'MAIDEN' })),
        line(
          organization({ npi: npi(2), name: 'SAINT THOMAS WEST', taxonomy: '282N00000X', otherName: 'STW' }),
        ),
        line(deactivatedRow(npi(3), '03/04/2015')), // a deactivated NPI nobody knows: read, not inserted
        line(individual({ npi: npi(4), last: 'GONE', first: 'GRETA', deactivated: '01/02/2020' })),
        line(
          individual({
            npi: npi(5),
            last: 'BACK',
            first: 'BO',
            deactivated: '01/02/2019',
            reactivated: '01/02/2021',
          }),
        ),
        '"12345","1"\n', // rejected: 2 columns
        ...extra,
      ].join(''),
      'latin1',
    ),
  );
  return file;
}

// everything an import writes, minus what differs between two clean runs (timestamps, org ids)
async function state(d: Database) {
  // biome-ignore lint/suspicious/noExplicitAny: rows of ad-hoc checks
  const q = async (s: string) => (await sql.raw<any>(s).execute(d.db)).rows;
  const table = (name: string, drop: string[], order: string) =>
    q(`select count(*)::int as n, md5(coalesce(string_agg(to_jsonb(t)::text, '|' order by ${order}), '')) as h
       from (select * from ${name}) t0, lateral (select to_jsonb(t0) - array[${drop.map((c) => `'${c}'`).join(',')}]::text[] as t) x`);
  return {
    providers: await table(
      'providers',
      ['created_at', 'updated_at', 'first_seen_at', 'arrived_at'],
      't0.npi',
    ),
    taxonomies: await table('provider_taxonomies', [], 't0.npi, t0.slot'),
    otherNames: await table('provider_other_names', ['id'], 't0.npi, t0.slot'),
    organizations: await table('organizations', ['id', 'created_at', 'updated_at'], 't0.npi'),
    orgOtherNames: await q(`select o.npi, n.name, n.type_code from organization_other_names n
      join organizations o on o.id = n.organization_id order by 1, 2`),
    tokens: await table('provider_name_tokens', [], 't0.token, t0.npi'),
    words: await table('provider_name_words', [], 't0.word'),
    indexes: await q(`select tablename, indexdef from pg_indexes where tablename in ('providers',
      'provider_taxonomies', 'provider_other_names', 'organizations', 'provider_name_tokens') order by 1, 2`),
    triggers: await q(`select tgname, tgenabled from pg_trigger where tgrelid = 'providers'::regclass
      and not tgisinternal order by 1`),
    job: await q(`select status, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected,
      rows_deactivated, data_date from import_jobs`),
    stages: await q(`select count(*)::int as n from pg_class where relname like 'stage\\_%'`),
  };
}

const pgUrl = process.env.TEST_DATABASE_URL;

describe.runIf(!!pgUrl)('first load merged during the read (PostgreSQL)', () => {
  let staged: Database;
  let overlapped: Database;
  beforeEach(async () => {
    staged = await createPostgresDatabase();
    overlapped = await createPostgresDatabase();
  });
  afterEach(async () => {
    await staged.close();
    await overlapped.close();
  });

  it('leaves the same directory as the merge after the read', { timeout: 120_000 }, async () => {
    const file = await fixture('npidata_pfile_20050523-20250608.csv');
    const a = await importNppes(staged, file, { overlap: false });
    // small batches: many line ranges, organizations and other names among them
    const b = await importNppes(overlapped, file, { overlap: true, worker: true, batchRows: 97 });
    expect([a.mergedAsRead, b.mergedAsRead]).toEqual([false, true]);
    expect(b.counts).toEqual(a.counts);
    expect(a.counts).toMatchObject({ read: 1506, rejected: 1, inserted: 1504, updated: 0 });
    const sa = await state(staged);
    const sb = await state(overlapped);
    expect(sb).toEqual(sa);
    expect(sa.providers[0].n).toBe(1353); // 1,350 generated individuals and 3 added
    expect(sa.orgOtherNames).toEqual([{ npi: npi(2), name: 'STW', type_code: '3' }]);
    expect(sa.stages).toEqual([{ n: 0 }]);
  });

  it('falls back to the merge after the read when an NPI repeats (the last row wins)', {
    timeout: 120_000,
  }, async () => {
    const again = line(
      individual({ npi: npi(1), last: 'LATER', first: 'OLGA', taxonomies: [['207Q00000X', 'Y']] }),
    );
    const file = await fixture('npidata_pfile_20050523-20250609.csv', [again]);
    await importNppes(staged, file, { overlap: false });
    const r = await importNppes(overlapped, file, { overlap: true, worker: true, batchRows: 97 });
    expect(r.mergedAsRead).toBe(false);
    expect(await state(overlapped)).toEqual(await state(staged));
    const later = await overlapped.db
      .selectFrom('providers')
      .select(['last_name', 'primary_taxonomy'])
      .where('npi', '=', npi(1))
      .executeTakeFirstOrThrow();
    expect(later).toEqual({ last_name: 'LATER', primary_taxonomy: '207Q00000X' });
  });

  it('two readers: the same directory, and a repeat across their halves falls back', {
    timeout: 120_000,
  }, async () => {
    const file = await fixture('npidata_pfile_20050523-20250611.csv');
    const two = { overlap: true, worker: true, batchRows: 97, readers: 2, splitMinBytes: 1 } as const;
    await importNppes(staged, file, { overlap: false });
    const r = await importNppes(overlapped, file, two);
    expect(r.mergedAsRead).toBe(true);
    expect(await state(overlapped)).toEqual(await state(staged));

    // the first generated NPI again at the end: each half lists it once
    const again = path.join(dir, 'npidata_pfile_20050523-20250612.csv');
    copyFileSync(file, again);
    const first = (
      await staged.db.selectFrom('providers').select('npi').orderBy('npi').limit(1).execute()
    )[0]!.npi;
    appendFileSync(again, line(individual({ npi: first, last: 'TWICE', first: 'TESSA' })));
    const [s2, o2] = [await createPostgresDatabase(), await createPostgresDatabase()];
    try {
      await importNppes(s2, again, { overlap: false });
      const r2 = await importNppes(o2, again, two);
      expect(r2.mergedAsRead).toBe(false);
      expect(r2.counts).toMatchObject({ read: 1507, inserted: 1504 });
      expect(await state(o2)).toEqual(await state(s2));
      const twice = await o2.db
        .selectFrom('providers')
        .select('last_name')
        .where('npi', '=', first)
        .execute();
      expect(twice).toEqual([{ last_name: 'TWICE' }]);
    } finally {
      await s2.close();
      await o2.close();
    }
  });

  it('a read that fails at the end leaves the directory as it was', { timeout: 120_000 }, async () => {
    const file = await fixture('npidata_pfile_20050523-20250610.csv', ['"9999999999","1","UNTERMINATED\n']);
    const before = await state(overlapped);
    await expect(
      importNppes(overlapped, file, { overlap: true, worker: true, batchRows: 50 }),
    ).rejects.toThrow(/unterminated quoted field/);
    // no batch merge may run after the rollback, on a connection back in the pool
    await new Promise((r) => setTimeout(r, 500));
    const after = await state(overlapped);
    expect(after.providers).toEqual(before.providers);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.indexes).toEqual(before.indexes);
    expect(after.triggers).toEqual(before.triggers);
    expect(after.job).toEqual([expect.objectContaining({ status: 'failed' })]);
  });

  it('records arrivals like the merge after the read when an earlier import left the directory empty', {
    timeout: 120_000,
  }, async () => {
    const may = path.join(dir, 'npidata_pfile_20050523-20250511.csv');
    writeNppes(may, []); // a header only: a succeeded import, nothing in the directory
    const june = await fixture('npidata_pfile_20050523-20250608.csv', [
      line(individual({ npi: npi(6), last: 'NOVA', first: 'NINA', enumerated: '05/20/2025' })),
    ]);
    for (const d of [staged, overlapped]) await importNppes(d, may, { overlap: false });
    await importNppes(staged, june, { overlap: false });
    const r = await importNppes(overlapped, june, { overlap: true, worker: true, batchRows: 97 });
    expect(r.mergedAsRead).toBe(true);
    expect(await state(overlapped)).toEqual(await state(staged));
    const arrivals = async (d: Database) =>
      (
        await sql<{ status: string; reason: string | null; n: number; at: number }>`
          select status, arrival_reason as reason, count(*)::int as n, count(distinct arrived_at)::int as at
          from providers group by 1, 2 order by 1, 2`.execute(d.db)
      ).rows;
    const a = await arrivals(overlapped);
    expect(a).toEqual(await arrivals(staged));
    // every active provider arrived (at the transaction's one now()); a deactivated one did not
    expect(a.map((x) => [x.status, x.reason, x.at])).toEqual([
      ['active', 'enumerated', 1],
      ['active', 'moved_in', 1],
      ['deactivated', null, 0],
    ]);
  });

  it('merges after the read into a directory that is not empty', { timeout: 120_000 }, async () => {
    const june = await fixture('npidata_pfile_20050523-20250608.csv');
    const july = path.join(dir, 'npidata_pfile_20050523-20250713.csv');
    copyFileSync(june, july);
    appendFileSync(july, line(individual({ npi: npi(9), last: 'NEWCOMER', first: 'NED' })));
    for (const d of [staged, overlapped]) await importNppes(d, june, { overlap: false });
    await importNppes(staged, july, { overlap: false });
    const r = await importNppes(overlapped, july, { overlap: true, worker: true, batchRows: 97 });
    expect(r.counts).toMatchObject({ inserted: 1, updated: 0, unchanged: 1504 });
    expect(r.mergedAsRead).toBe(false);
    expect(await state(overlapped)).toEqual(await state(staged));
  });
});
