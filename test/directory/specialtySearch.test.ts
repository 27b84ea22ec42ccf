// The specialty filter by code matches any of a provider's taxonomies (not only the primary), read
// from providers.taxonomy_codes (migration 20261127_1010), which the NPPES merge writes with the
// provider_taxonomies rows: on a first load, and again when a later file changes them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProviders } from '../../src/commands/directory/providerSearch';
import { npiCheckDigit } from '../../src/core/npi';
import type { Database } from '../../src/db/connection';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';
import { individual, writeNppes } from './fixtures/nppes';

const npi = (i: number) => {
  const first9 = String(130000000 + i);
  return first9 + npiCheckDigit(first9);
};
const A = npi(1); // ADAMS: family medicine, cardiology second
const B = npi(2); // BAKER: cardiology
const C = npi(3); // CLARK: dermatology (in 37027)
const dir = mkdtempSync(path.join(tmpdir(), 'rounds-specialty-'));
const first = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
writeNppes(first, [
  individual({
    npi: A,
    last: 'ADAMS',
    first: 'ANN',
    taxonomies: [
      ['207Q00000X', 'Y'],
      ['207RC0000X', 'N'],
    ],
  }),
  individual({ npi: B, last: 'BAKER', first: 'BEN', taxonomies: [['207RC0000X', 'Y']] }),
  individual({ npi: C, last: 'CLARK', first: 'CY', zip: '370270000', taxonomies: [['207N00000X', 'Y']] }),
]);

const npis = (r: Awaited<ReturnType<typeof findProviders>>) => r.items.map((i) => i.npi);

describe.each(backends)('specialty filter by taxonomy code on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
    await importNppes(database, first);
  });
  afterAll(async () => {
    await database.close();
  });

  it('matches a secondary taxonomy as well as the primary, alone or with a ZIP or a name', async () => {
    expect(npis(await findProviders(database.db, { specialty: '207RC0000X' }))).toEqual([A, B]);
    const inZip = await findProviders(database.db, { specialty: '207rc0000x', zip: '37203' });
    expect([npis(inZip), inZip.total, inZip.totalIsExact]).toEqual([[A, B], 2, true]);
    expect(npis(await findProviders(database.db, { specialty: '207RC0000X', zip: '37027' }))).toEqual([]);
    expect(npis(await findProviders(database.db, { specialty: '207Q00000X', q: 'adams' }))).toEqual([A]);
    expect(npis(await findProviders(database.db, { specialty: '207N00000X', facets: false }))).toEqual([C]);
  });

  it('follows a later file that changes the taxonomies', async () => {
    const later = path.join(dir, 'npidata_pfile_20050523-20250708.csv');
    writeNppes(later, [
      // ADAMS drops cardiology; CLARK adds it as a second taxonomy
      individual({
        npi: A,
        last: 'ADAMS',
        first: 'ANN',
        updated: '07/01/2025',
        taxonomies: [['207Q00000X', 'Y']],
      }),
      individual({ npi: B, last: 'BAKER', first: 'BEN', taxonomies: [['207RC0000X', 'Y']] }),
      individual({
        npi: C,
        last: 'CLARK',
        first: 'CY',
        zip: '370270000',
        updated: '07/01/2025',
        taxonomies: [
          ['207N00000X', 'Y'],
          ['207RC0000X', 'N'],
        ],
      }),
    ]);
    await importNppes(database, later);
    expect(npis(await findProviders(database.db, { specialty: '207RC0000X' }))).toEqual([B, C]);
    expect(npis(await findProviders(database.db, { specialty: '207RC0000X', zip: '37027' }))).toEqual([C]);
    const rows = await sql<{ npi: string; taxonomy_codes: string[] }>`
      select npi, taxonomy_codes from providers order by npi`.execute(database.db);
    expect(rows.rows).toEqual([
      { npi: A, taxonomy_codes: ['207Q00000X'] },
      { npi: B, taxonomy_codes: ['207RC0000X'] },
      { npi: C, taxonomy_codes: ['207N00000X', '207RC0000X'] },
    ]);
  });

  it('keeps a malformed code as one array element (reported, imported as written)', async () => {
    const odd = path.join(dir, 'npidata_pfile_20050523-20250808.csv');
    // the reader builds the array literal: a comma, quote, brace or backslash must not split it
    writeNppes(odd, [
      individual({
        npi: A,
        last: 'ADAMS',
        first: 'ANN',
        updated: '08/01/2025',
        taxonomies: [
          ['207Q00000X', 'Y'],
          ["20'7,{Q}\\X", 'N'],
        ],
      }),
    ]);
    const res = await importNppes(database, odd);
    expect(res.errors.map((e) => [e.field, e.reason])).toEqual([
      ['Healthcare Provider Taxonomy Code_2', '"20\'7,{Q}\\X" is not a NUCC taxonomy code'],
    ]);
    const rows = await sql<{ taxonomy_codes: string[] }>`
      select taxonomy_codes from providers where npi = ${A}`.execute(database.db);
    expect(rows.rows[0]!.taxonomy_codes).toEqual(['207Q00000X', "20'7,{Q}\\X"]);
  });
});
