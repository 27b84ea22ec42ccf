// The pluggable geocoder against a tiny local HTTP server (Nominatim-style JSON): ZIP centroids are
// replaced where the address is found, answers are cached, failures retried, and a better point
// survives a newer NPPES file with the same address.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geocodeDirectory, httpGeocoder } from '../../src/commands/directory/geocodeDirectory';
import { findProviders } from '../../src/commands/directory/providerSearch';
import type { Database } from '../../src/db/connection';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';
import { individual, writeNppes } from './fixtures/nppes';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-geocode-'));
const first = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
const second = path.join(dir, 'npidata_pfile_20050523-20250708.csv');
const people = (phone: string) => [
  individual({ npi: '1000000004', last: 'JOHNSON', first: 'KATHERINE', line1: '2201 WEST END AVE', phone }),
  individual({ npi: '1000000012', last: 'JOHNSTON', first: 'KATHY', line1: '2201 West End Ave' }),
  individual({ npi: '1000000020', last: 'JONES', first: 'KAREN', line1: '1 NOWHERE RD' }),
  individual({ npi: '1000000038', last: 'WILLIAMS', first: 'ROBERT', line1: '500 FLAKY ST' }),
];
writeNppes(first, people('6153220000'));
writeNppes(second, people('6153229999'));

// Nominatim-style answers: the West End address is a house, NOWHERE is unknown, FLAKY errors.
const asked: string[] = [];
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    asked.push(q);
    if (q.startsWith('500 FLAKY')) return void res.writeHead(503).end('busy');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        q.toUpperCase().startsWith('2201 WEST END AVE')
          ? [{ lat: '36.1490', lon: '-86.8030', class: 'place', addresstype: 'house' }]
          : [],
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search?format=json`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const point = async (db: Database['db'], npi: string) =>
  (await findProviders(db, { q: npi })).items[0]?.location;

describe.each(backends)('geocoding on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
    await importNppes(database, first);
    asked.length = 0;
  });
  afterAll(async () => {
    await database.close();
  });

  it('starts from ZIP centroids, labelled as such', async () => {
    expect(await point(database.db, '1000000004')).toEqual({
      lat: 36.1504,
      lon: -86.7916,
      precision: 'zip_centroid',
    });
  });

  it('looks each address up once, updates every provider there, caches hits and misses, not failures', async () => {
    const geocoder = httpGeocoder(url);
    const run1 = await geocodeDirectory(database.db, geocoder, { source: 'test' });
    // 4 addresses in the directory; the two West End spellings differ only in case, so the cache
    // key makes them one network call: 3 calls in all
    expect(asked.filter((q) => q.toUpperCase().startsWith('2201 WEST END AVE'))).toHaveLength(1);
    expect(asked).toHaveLength(3);
    expect(asked).toContain('1 NOWHERE RD, NASHVILLE, TN 37203');
    expect(run1).toMatchObject({ addresses: 4, fromCache: 1, lookedUp: 3, found: 2, notFound: 1, failed: 1 });
    expect(run1.providersUpdated).toBe(2);
    expect(await point(database.db, '1000000004')).toEqual({
      lat: 36.149,
      lon: -86.803,
      precision: 'rooftop',
    });
    expect(await point(database.db, '1000000012')).toEqual({
      lat: 36.149,
      lon: -86.803,
      precision: 'rooftop',
    });
    expect((await point(database.db, '1000000020'))?.precision).toBe('zip_centroid');
    expect((await point(database.db, '1000000038'))?.precision).toBe('zip_centroid');

    // second run: the miss comes from the cache, only the failed address is asked again
    const run2 = await geocodeDirectory(database.db, geocoder, { source: 'test' });
    expect(asked).toHaveLength(4);
    expect(asked[3]).toBe('500 FLAKY ST, NASHVILLE, TN 37203');
    expect(run2).toMatchObject({ addresses: 2, fromCache: 1, lookedUp: 1, found: 0, notFound: 1, failed: 1 });
    const cached = await database.db.selectFrom('geocode_cache').selectAll().orderBy('address_key').execute();
    expect(cached.map((c) => [c.address_key, c.precision, c.source])).toEqual([
      ['1 NOWHERE RD, NASHVILLE, TN 37203', 'none', 'test'],
      ['2201 WEST END AVE, NASHVILLE, TN 37203', 'rooftop', 'test'],
    ]);
  });

  it('keeps the geocoded point when a newer file changes other fields of the same address', async () => {
    const r = await importNppes(database, second);
    expect(r.counts.updated).toBe(1);
    expect(await point(database.db, '1000000004')).toEqual({
      lat: 36.149,
      lon: -86.803,
      precision: 'rooftop',
    });
  });

  it('respects the lookup budget', async () => {
    const before = asked.length;
    const r = await geocodeDirectory(database.db, httpGeocoder(url), { maxLookups: 0 });
    expect(asked.length).toBe(before);
    expect(r.lookedUp).toBe(0);
  });
});
