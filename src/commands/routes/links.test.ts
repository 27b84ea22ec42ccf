import { describe, expect, it } from 'vitest';
import { appleMapsLink, googleMapsLinks } from './links';

const p = (k: number) => ({ lat: 36 + k / 100, lon: -86 - k / 100 });

describe('navigation links', () => {
  it('one Google link with the stops as waypoints, in order', () => {
    const [url, ...rest] = googleMapsLinks(p(0), [p(1), p(2)], p(0));
    expect(rest).toEqual([]);
    const q = new URL(url!).searchParams;
    expect(q.get('api')).toBe('1');
    expect(q.get('origin')).toBe('36.000000,-86.000000');
    expect(q.get('destination')).toBe('36.000000,-86.000000');
    expect(q.get('waypoints')).toBe('36.010000,-86.010000|36.020000,-86.020000');
    expect(q.get('travelmode')).toBe('driving');
  });

  it('splits 20 stops into legs of at most 9 waypoints, each starting where the last ended', () => {
    const stops = Array.from({ length: 20 }, (_, i) => p(i + 1));
    const links = googleMapsLinks(p(0), stops, p(0)).map((u) => new URL(u).searchParams);
    // path = start + 20 stops + end = 22 points; legs of 11 points share their ends: 11 + 10 + 3 → 3 links
    expect(links).toHaveLength(3);
    expect(links.map((q) => (q.get('waypoints') ?? '').split('|').filter(Boolean).length)).toEqual([9, 9, 0]);
    expect(links[1]!.get('origin')).toBe(links[0]!.get('destination'));
    expect(links[2]!.get('origin')).toBe(links[1]!.get('destination'));
    expect(links[2]!.get('destination')).toBe('36.000000,-86.000000');
  });

  it('Apple Maps chains the destinations with +to:', () => {
    expect(appleMapsLink(p(0), [p(1)], p(0))).toBe(
      'https://maps.apple.com/?saddr=36.000000,-86.000000&daddr=36.010000,-86.010000+to:36.000000,-86.000000&dirflg=d',
    );
  });
});
