// A misspelt name searched among all statuses (or the deactivated) leaves the name-word index
// (active providers only) for pg_trgm's word_similarity on providers.search_name: on PostgreSQL
// through `<%` and its GIN index, on PGlite through the trigram LIKE probes
// (core/directory/trigramProbes.ts). Both must find exactly the providers the definition does:
// word_similarity(query, search_name) ≥ WORD_SIMILARITY, computed by the database over every row.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPeople } from '../../bench/import/syntheticPeople';
import { findProviders } from '../../src/commands/directory/providerSearch';
import { npiCheckDigit } from '../../src/core/npi';
import type { Database } from '../../src/db/connection';
import { WORD_SIMILARITY } from '../../src/db/queries/directory/providerFilters';
import { importNppes } from '../../src/import/nppes/importNppes';
import { searchText } from '../../src/import/values';
import { backends } from '../helpers/db';
import { individual, writeNppes } from './fixtures/nppes';

let seed = 5;
const rand = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const people = syntheticPeople(rand);
const rows = Array.from({ length: 1500 }, (_, i) => {
  const first9 = String(120000000 + i);
  return individual({
    npi: first9 + npiCheckDigit(first9),
    last: people.surname(),
    first: people.firstName(),
    zip: '37203',
    deactivated: i % 5 === 0 ? '01/02/2024' : undefined,
  });
});
const dir = mkdtempSync(path.join(tmpdir(), 'rounds-fuzzyall-'));
const file = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
writeNppes(file, rows);
// misspellings (a letter dropped or swapped) of some of the names, first names with surnames
const queries = rows.slice(0, 40).map((r, i) => {
  const last = searchText(r['Provider Last Name (Legal Name)']);
  const k = 1 + (i % Math.max(1, last.length - 2));
  const typo =
    i % 2
      ? last.slice(0, k) + last.slice(k + 1)
      : last.slice(0, k - 1) + last[k] + last[k - 1] + last.slice(k + 1);
  return i % 4 === 3 ? `${searchText(r['Provider First Name'])} ${typo}` : typo;
});
queries.push('jonhson', 'robert tompson', 'smiht');

describe.each(backends)('fuzzy names among all statuses on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
    await importNppes(database, file);
  });
  afterAll(async () => {
    await database.close();
  });

  it('finds exactly the providers word_similarity admits, active or not', async () => {
    let found = 0;
    for (const q of queries) {
      const want = await sql<{ npi: string }>`select npi from providers
        where word_similarity(${q}, search_name) >= ${WORD_SIMILARITY} order by npi`.execute(database.db);
      const got = await findProviders(database.db, { q, status: 'all', limit: 200 });
      expect(want.rows.length, q).toBeLessThanOrEqual(200);
      expect(got.total, q).toBe(want.rows.length);
      expect(got.items.map((i) => i.npi).sort(), q).toEqual(want.rows.map((r) => r.npi).slice(0, 200));
      found += want.rows.length;
    }
    expect(found).toBeGreaterThan(100);
  });
});
