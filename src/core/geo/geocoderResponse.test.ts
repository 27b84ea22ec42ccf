import { describe, expect, it } from 'vitest';
import { addressKey, geocoderRequestUrl, oneLineAddress, readGeocoderAnswer } from './geocoderResponse';

describe('readGeocoderAnswer', () => {
  it('takes a Nominatim house match as rooftop and a road match as street', () => {
    expect(
      readGeocoderAnswer([{ lat: '36.1512', lon: '-86.8001', addresstype: 'house', class: 'place' }]),
    ).toEqual({
      lat: 36.1512,
      lon: -86.8001,
      precision: 'rooftop',
    });
    expect(
      readGeocoderAnswer([{ lat: '36.15', lon: '-86.80', class: 'highway', type: 'residential' }]),
    ).toEqual({
      lat: 36.15,
      lon: -86.8,
      precision: 'street',
    });
  });
  it('refuses a city or postcode match: no better than the ZIP centroid', () => {
    expect(
      readGeocoderAnswer([{ lat: '36.16', lon: '-86.78', addresstype: 'city', class: 'boundary' }]),
    ).toBeNull();
    expect(readGeocoderAnswer([{ lat: '36.16', lon: '-86.78', type: 'postcode' }])).toBeNull();
    expect(readGeocoderAnswer([])).toBeNull();
  });
  it('reads a Census onelineaddress answer as street level (interpolated), x = lon, y = lat', () => {
    const census = { result: { addressMatches: [{ coordinates: { x: -86.80012, y: 36.15123 } }] } };
    expect(readGeocoderAnswer(census)).toEqual({ lat: 36.15123, lon: -86.80012, precision: 'street' });
    expect(readGeocoderAnswer({ result: { addressMatches: [] } })).toBeNull();
  });
  it('reads GeoJSON features ([lon, lat])', () => {
    const fc = { features: [{ geometry: { coordinates: [-86.8, 36.15] }, properties: { type: 'house' } }] };
    expect(readGeocoderAnswer(fc)).toEqual({ lat: 36.15, lon: -86.8, precision: 'rooftop' });
  });
  it('ignores out-of-range or missing coordinates', () => {
    expect(readGeocoderAnswer([{ lat: '95', lon: '10', type: 'house' }])).toBeNull();
    expect(readGeocoderAnswer([{ type: 'house' }])).toBeNull();
    expect(readGeocoderAnswer('nonsense')).toBeNull();
  });
});

describe('address helpers', () => {
  it('builds the one-line address, skipping PO boxes and empty lines', () => {
    expect(
      oneLineAddress({ line1: '2201 WEST END AVE', city: 'NASHVILLE', state: 'TN', zip5: '37203' }),
    ).toBe('2201 WEST END AVE, NASHVILLE, TN 37203');
    expect(oneLineAddress({ line1: 'PO BOX 100', city: 'NASHVILLE', state: 'TN', zip5: '37203' })).toBeNull();
    expect(oneLineAddress({ line1: ' ', city: 'NASHVILLE', state: 'TN', zip5: null })).toBeNull();
  });
  it('normalizes the cache key', () => {
    expect(addressKey('2201  West End Ave, Nashville, TN 37203')).toBe(
      '2201 WEST END AVE, NASHVILLE, TN 37203',
    );
  });
  it('fills {address} or appends q=', () => {
    expect(
      geocoderRequestUrl('http://127.0.0.1:9/geo?address={address}&format=json', '1 A ST, X, TN 37203'),
    ).toBe('http://127.0.0.1:9/geo?address=1%20A%20ST%2C%20X%2C%20TN%2037203&format=json');
    expect(geocoderRequestUrl('http://127.0.0.1:9/search?format=json', '1 A ST')).toBe(
      'http://127.0.0.1:9/search?format=json&q=1+A+ST',
    );
  });
});
