// Filter-only searches with facets (searchFiltered.ts): the match is read in page order and only
// its first FILTER_SAMPLE rows count towards the facets and the total. Expected values are worked
// by hand from the fixture: 510 providers in ZIP 37215, last name ZED, first names F000…F509
// (name order = NPI order), F000–F499 alternating ODDTOWN / EVENTOWN, F500–F509 in LATETOWN;
// every third of them family medicine (207Q00000X → primary care), the rest cardiology.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProviders } from '../../src/commands/directory/providerSearch';
import { npiCheckDigit } from '../../src/core/npi';
import type { Database } from '../../src/db/connection';
import { FILTER_SAMPLE } from '../../src/db/queries/directory/searchFiltered';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';
import { individual, writeNppes } from './fixtures/nppes';

const npi = (i: number) => {
  const first9 = String(120000000 + i);
  return first9 + npiCheckDigit(first9);
};
const N = 510;
const city = (k: number) => (k >= 500 ? 'LATETOWN' : k % 2 ? 'ODDTOWN' : 'EVENTOWN');
const family = (k: number) => k % 3 === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'rounds-filtersearch-'));
const file = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
writeNppes(file, [
  ...Array.from({ length: N }, (_, k) =>
    individual({
      npi: npi(k),
      last: 'ZED',
      first: `F${String(k).padStart(3, '0')}`,
      zip: '372150000',
      city: city(k),
      taxonomies: [[family(k) ? '207Q00000X' : '207RC0000X', 'Y', `L${k}`, 'TN']],
    }),
  ),
  // one provider elsewhere, so a filter has something to leave out
  individual({ npi: npi(900), last: 'ABLE', first: 'ANN', zip: '372030000', city: 'ODDTOWN' }),
]);

const counts = (fs: { value: string; count: number }[]) => fs.map((f) => [f.value, f.count]);

describe.each(backends)('filter-only search with facets on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
    await importNppes(database, file);
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts facets and the total over the first 500 matches in name order, flagged', async () => {
    expect(FILTER_SAMPLE).toBe(500);
    const r = await findProviders(database.db, { zip: '37215', limit: 3 });
    // 510 match; the first 500 in name order are F000–F499: 250 odd, 250 even, no LATETOWN
    expect([r.total, r.totalIsExact, r.facetsSampled, r.sort]).toEqual([500, false, 500, 'name']);
    expect(counts(r.facets!.city)).toEqual([
      ['EVENTOWN', 250],
      ['ODDTOWN', 250],
    ]);
    // k % 3 = 0 among 0…499: 167 family medicine, 333 cardiology
    expect(counts(r.facets!.serviceLine)).toEqual([
      ['cardiology', 333],
      ['primary_care', 167],
    ]);
    expect(r.items.map((i) => i.npi)).toEqual([npi(0), npi(1), npi(2)]);
  });

  it('is exact, unflagged, when the match fits in the sample', async () => {
    // LATETOWN: F500–F509 → family medicine at k = 501, 504, 507
    const r = await findProviders(database.db, { city: 'latetown' });
    expect([r.total, r.totalIsExact, r.facetsSampled]).toEqual([10, true, null]);
    expect(counts(r.facets!.serviceLine)).toEqual([
      ['cardiology', 7],
      ['primary_care', 3],
    ]);
    expect(r.items.map((i) => i.npi)).toEqual(Array.from({ length: 10 }, (_, i) => npi(500 + i)));
    // ODDTOWN has ABLE ANN (first in name order) and the 250 odd ZEDs: 251 ≤ 500, exact
    const odd = await findProviders(database.db, { city: 'Oddtown', serviceLine: 'primary_care', limit: 2 });
    // odd k < 500 with k % 3 = 0: k = 3, 9, …, 495 → 83; ABLE ANN is cardiology (fixture default)
    expect([odd.total, odd.totalIsExact, odd.facetsSampled]).toEqual([83, true, null]);
    expect(odd.items.map((i) => i.npi)).toEqual([npi(3), npi(9)]);
  });

  it('pages past the sample with a keyset cursor, in name order, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const r = await findProviders(database.db, { zip: '37215', limit: 200, cursor });
      // every page reports the same sampled facets
      expect(r.facetsSampled).toBe(500);
      seen.push(...r.items.map((i) => i.npi));
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: N }, (_, k) => npi(k)));
  });

  it('without facets keeps the exact total', async () => {
    const r = await findProviders(database.db, { zip: '37215', facets: false, limit: 1 });
    expect([r.total, r.totalIsExact, r.facets, r.facetsSampled]).toEqual([510, true, null, null]);
  });

  it('samples a radius match by distance: the nearest 500, picked from the box index', async () => {
    // ABLE ANN sits at 37203's centroid (0 mi); the 510 ZEDs at 37215's, 3.9584 mi away (ties: NPI order)
    const r = await findProviders(database.db, { near: '37203', radiusMi: 5, limit: 3 });
    expect([r.total, r.totalIsExact, r.facetsSampled, r.sort]).toEqual([500, false, 500, 'distance']);
    expect(r.items.map((i) => [i.npi, i.distanceMi])).toEqual([
      [npi(900), 0],
      [npi(0), 3.9584],
      [npi(1), 3.9584],
    ]);
    // the first 500 are ABLE ANN (ODDTOWN, cardiology) and F000–F498: k even 250, odd 249 + ABLE;
    // k % 3 = 0 among 0…498: 167 family medicine, 332 cardiology + ABLE
    expect(counts(r.facets!.city)).toEqual([
      ['EVENTOWN', 250],
      ['ODDTOWN', 250],
    ]);
    expect(counts(r.facets!.serviceLine)).toEqual([
      ['cardiology', 333],
      ['primary_care', 167],
    ]);
    // within one service line (the line's box index): k % 3 = 0 among 0…509 → 170, exact
    const line = await findProviders(database.db, {
      near: '37215',
      radiusMi: 2,
      serviceLine: 'primary_care',
      limit: 3,
    });
    expect([line.total, line.totalIsExact, line.facetsSampled]).toEqual([170, true, null]);
    expect(line.items.map((i) => i.npi)).toEqual([npi(0), npi(3), npi(6)]);
    // pages past the sample in distance order
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const p = await findProviders(database.db, { near: '37203', radiusMi: 5, limit: 200, cursor });
      seen.push(...p.items.map((i) => i.npi));
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    expect(seen).toEqual([npi(900), ...Array.from({ length: N }, (_, k) => npi(k))]);
  });
});
