// The name-word index path of provider search (nameWords.ts, searchByName.ts): prefixes as you
// type, typo tolerance, relevance, facets (exact and sampled), and the triggers that keep the
// index in step with NPPES merges. Expected scores are worked by hand from the rules in
// nameWords.ts: exact 1; prefix 0.5 + 0.5 × len(query word) / len(word); typo 0.9 × pg_trgm
// similarity (only when exact/prefix words carry < 100 active providers); mean over query words.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProviders } from '../../src/commands/directory/providerSearch';
import { npiCheckDigit } from '../../src/core/npi';
import type { Database } from '../../src/db/connection';
import { FACET_SAMPLE } from '../../src/db/queries/directory/searchByName';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';
import { individual, writeNppes } from './fixtures/nppes';

const npi = (i: number) => {
  const first9 = String(110000000 + i);
  return first9 + npiCheckDigit(first9);
};
const A = npi(1); // SMITH JOHN, Nashville
const B = npi(2); // SMITHSON MARY, Brentwood
const C = npi(3); // SMYTH JOHN, Nashville
const D = npi(4); // JOHNSON KATHERINE, Franklin
const E = npi(5); // SMALL JOHNATHAN, Franklin
const F = npi(6); // SMITH PETER, deactivated

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-namesearch-'));
const people = [
  individual({ npi: A, last: 'SMITH', first: 'JOHN', zip: '37203' }),
  individual({ npi: B, last: 'SMITHSON', first: 'MARY', zip: '37027', city: 'BRENTWOOD' }),
  individual({ npi: C, last: 'SMYTH', first: 'JOHN', zip: '37203' }),
  individual({ npi: D, last: 'JOHNSON', first: 'KATHERINE', zip: '37064', city: 'FRANKLIN' }),
  individual({ npi: E, last: 'SMALL', first: 'JOHNATHAN', zip: '37064', city: 'FRANKLIN' }),
  individual({ npi: F, last: 'SMITH', first: 'PETER', zip: '37203', deactivated: '01/02/2024' }),
];
const first = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
writeNppes(first, people);

const ranked = (r: Awaited<ReturnType<typeof findProviders>>) => r.items.map((i) => [i.npi, i.score]);

describe.each(backends)('name search through the name-word index on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
    await importNppes(database, first);
  });
  afterAll(async () => {
    await database.close();
  });

  it('ranks a short prefix by how much of the word was typed, then NPI', async () => {
    // sm → small, smith, smyth 0.5 + 0.5 × 2/5 = 0.7; smithson 0.5 + 0.5 × 2/8 = 0.625; F is deactivated
    const r = await findProviders(database.db, { q: 'sm' });
    expect(ranked(r)).toEqual([
      [A, 0.7],
      [C, 0.7],
      [E, 0.7],
      [B, 0.625],
    ]);
    expect([r.total, r.totalIsExact, r.facetsSampled]).toEqual([4, true, null]);
    expect(r.facets!.city.map((c) => [c.value, c.count])).toEqual([
      ['NASHVILLE', 2],
      ['BRENTWOOD', 1],
      ['FRANKLIN', 1],
    ]);
    // joh → john 0.5 + 0.5 × 3/4 = 0.875 (A, C); johnson 0.7143 (D); johnathan 0.6667 (E)
    expect(ranked(await findProviders(database.db, { q: 'Joh' }))).toEqual([
      [A, 0.875],
      [C, 0.875],
      [D, 0.7143],
      [E, 0.6667],
    ]);
  });

  it('tolerates a typo, and every word must match', async () => {
    // smiht ~ smith: similarity 3/9 (smithson 3/12, smyth 2/10 stay out) → 0.9 × 1/3 = 0.3; john exact 1
    expect(ranked(await findProviders(database.db, { q: 'smiht john' }))).toEqual([[A, 0.65]]);
    // SMITH PETER is deactivated, and no active provider has both words
    expect(ranked(await findProviders(database.db, { q: 'smith peter' }))).toEqual([]);
    // any word order: mary 1, smith as a prefix of smithson 0.5 + 0.5 × 5/8 = 0.8125 → mean 0.9063
    expect(ranked(await findProviders(database.db, { q: 'smith mary' }))).toEqual([[B, 0.9063]]);
    // two prefixes, each matching several words: joh → john 0.875, johnathan 0.6667; sm → smith,
    // smyth, small 0.7 (johnson and smithson have no partner word) → A, C 0.7875; E 0.6833
    expect(ranked(await findProviders(database.db, { q: 'joh sm' }))).toEqual([
      [A, 0.7875],
      [C, 0.7875],
      [E, 0.6833],
    ]);
  });

  it('pages by relevance with a keyset cursor, and keeps other filters and orders exact', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const r = await findProviders(database.db, { q: 'sm', limit: 1, cursor });
      seen.push(...r.items.map((x) => x.npi));
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    expect(seen).toEqual([A, C, E, B]);
    const inFranklin = await findProviders(database.db, { q: 'sm', city: 'Franklin' });
    expect(ranked(inFranklin)).toEqual([[E, 0.7]]);
    expect(inFranklin.facets!.city).toEqual([{ value: 'FRANKLIN', label: null, count: 1 }]);
    const byName = await findProviders(database.db, { q: 'sm', sort: 'name' });
    expect(byName.items.map((i) => i.lastName)).toEqual(['SMALL', 'SMITH', 'SMITHSON', 'SMYTH']);
    // deactivated providers are not in the index: status=all takes the trigram path
    const all = await findProviders(database.db, { q: 'smith', status: 'all' });
    expect(all.items.map((i) => i.npi)).toContain(F);
  });

  it('follows renames and deactivations of a later NPPES file', async () => {
    const later = path.join(dir, 'npidata_pfile_20050523-20250708.csv');
    writeNppes(later, [
      individual({ npi: A, last: 'SMITH-JONES', first: 'JOHN', zip: '37203', updated: '07/01/2025' }),
      individual({ npi: B, last: 'SMITHSON', first: 'MARY', zip: '37027', city: 'BRENTWOOD' }),
      individual({ npi: C, last: 'SMYTH', first: 'JOHN', zip: '37203', deactivated: '07/01/2025' }),
      ...people.slice(3),
    ]);
    await importNppes(database, later);
    expect(ranked(await findProviders(database.db, { q: 'jones' }))).toEqual([[A, 1]]);
    // smyth now carries no active provider, so its look-alike smith (similarity 3/9 → 0.3) answers
    expect(ranked(await findProviders(database.db, { q: 'smyth' }))).toEqual([[A, 0.3]]);
    const words = await sql<{ word: string; n: number }>`
      select word, n from provider_name_words where word in ('smith', 'smyth', 'jones', 'john') order by word`.execute(
      database.db,
    );
    expect(words.rows).toEqual([
      { word: 'john', n: 1 },
      { word: 'jones', n: 1 },
      { word: 'smith', n: 1 },
      { word: 'smyth', n: 0 },
    ]);
  });

  it('counts facets of a match larger than the sample over its best 500, and says so', async () => {
    // 510 active ZEDs, cities alternating; all score 1, so the best 500 are the 500 lowest NPIs
    // (i = 1..500): 250 in each city. The total (510) is still counted exactly.
    const zeds = path.join(dir, 'npidata_pfile_20050523-20250808.csv');
    const zed = Array.from({ length: 510 }, (_, k) =>
      individual({ npi: npi(1000 + k + 1), last: 'ZED', first: 'ANN', city: k % 2 ? 'EVENTOWN' : 'ODDTOWN' }),
    );
    writeNppes(zeds, [...people, ...zed]);
    await importNppes(database, zeds);
    const r = await findProviders(database.db, { q: 'zed', limit: 3 });
    expect([r.total, r.totalIsExact, r.facetsSampled]).toEqual([510, true, FACET_SAMPLE]);
    expect(FACET_SAMPLE).toBe(500);
    expect(r.facets!.city.map((c) => [c.value, c.count])).toEqual([
      ['EVENTOWN', 250],
      ['ODDTOWN', 250],
    ]);
    expect(r.items.map((i) => i.npi)).toEqual([npi(1001), npi(1002), npi(1003)]);
    // with a filter every match is read: exact counts, no sample
    const odd = await findProviders(database.db, { q: 'zed', city: 'Oddtown' });
    expect([odd.total, odd.facetsSampled, odd.facets!.city]).toEqual([
      255,
      null,
      [{ value: 'ODDTOWN', label: null, count: 255 }],
    ]);
  });
});
