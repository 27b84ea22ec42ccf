// A misspelt name searched among all statuses (or the deactivated) leaves the name-word index
// (active providers only) for pg_trgm's word_similarity on providers.search_name: on PostgreSQL
// through `<%` and its GIN index, on PGlite through the trigram LIKE probes
// (core/directory/trigramProbes.ts). Both must find exactly the providers the definition does:
// word_similarity(query, search_name) ≥ WORD_SIMILARITY, computed by the database over every row.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { syntheticPeople } from '../../bench/import/syntheticPeople';
import { findProviders } from '../../src/commands/directory/providerSearch';
import { npiCheckDigit } from '../../src/core/npi';
import { searchOrganizations } from '../../src/db/queries/directory/organizations';
import { WORD_SIMILARITY } from '../../src/db/queries/directory/providerFilters';
import { importNppes } from '../../src/import/nppes/importNppes';
import { searchText } from '../../src/import/values';
import { backends, loadedDatabase } from '../helpers/db';
import { individual, organization, writeNppes } from './fixtures/nppes';

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
const kinds = ['CLINIC', 'MEDICAL GROUP', 'HEALTH PLLC', 'IMAGING CENTER'];
const orgs = Array.from({ length: 400 }, (_, i) => {
  const first9 = String(130000000 + i);
  return organization({
    npi: first9 + npiCheckDigit(first9),
    name: `${people.surname()} ${kinds[i % 4]}`,
    taxonomy: '261QP2300X',
    zip: '37203',
  });
});
const dir = mkdtempSync(path.join(tmpdir(), 'rounds-fuzzyall-'));
const file = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
writeNppes(file, [...rows, ...orgs]);
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

describe.each(backends)('fuzzy names among all statuses on $name', (backend) => {
  const loaded = loadedDatabase(backend, (d) => importNppes(d, file));

  it('finds exactly the providers word_similarity admits, active or not', async () => {
    let found = 0;
    for (const q of queries) {
      const want = await sql<{ npi: string }>`select npi from providers
        where word_similarity(${q}, search_name) >= ${WORD_SIMILARITY} order by npi`.execute(loaded().db);
      const got = await findProviders(loaded().db, { q, status: 'all', limit: 200 });
      expect(want.rows.length, q).toBeLessThanOrEqual(200);
      expect(got.total, q).toBe(want.rows.length);
      expect(got.items.map((i) => i.npi).sort(), q).toEqual(want.rows.map((r) => r.npi).slice(0, 200));
      found += want.rows.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('finds exactly the organizations the similarity rule admits', async () => {
    let found = 0;
    const names = orgs
      .slice(0, 30)
      .map((o) => searchText(o['Provider Organization Name (Legal Business Name)']!));
    // whole names with a letter dropped, first words, first words with two letters swapped
    const typo = (w: string) => w.slice(0, 1) + w[2] + w[1] + w.slice(3);
    const qs = names.map(
      (n, i) => [n.slice(0, 2) + n.slice(3), n.split(' ')[0]!, typo(n.split(' ')[0]!)][i % 3]!,
    );
    for (const q of [...qs, 'clinic', 'smiht', 'imagign', 'medcal group']) {
      const want = await sql<{ id: number }>`select id from organizations o where deleted_at is null
        and (similarity(o.search_name, ${q}) >= 0.3 or word_similarity(${q}, o.search_name) >= 0.6
          or o.search_name like ${`%${q}%`}) order by o.id`.execute(loaded().db);
      expect(want.rows.length, q).toBeLessThanOrEqual(200);
      const got = await searchOrganizations(loaded().db, { q, limit: 200 });
      expect(
        got.items.map((o) => o.id).sort((a, b) => a - b),
        q,
      ).toEqual(want.rows.map((r) => r.id));
      // best match first
      const scores = got.items.map((o) => o.score!);
      expect(scores, q).toEqual([...scores].sort((a, b) => b - a));
      found += want.rows.length;
    }
    expect(found).toBeGreaterThan(100);
  });
});
