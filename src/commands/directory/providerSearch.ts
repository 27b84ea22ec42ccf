// Turns API/CLI search parameters into a search request (resolving `near` to a point).
import type { Kysely } from 'kysely';
import { zipCentroid } from '../../core/geo/zipCentroid';
import {
  SearchInputError,
  type SearchRequest,
  searchProviders,
} from '../../db/queries/directory/searchProviders';
import type { DB } from '../../db/schema';

export type SearchParams = Omit<SearchRequest, 'near'> & { near?: string };

export function resolveNear(near: string | undefined): { lat: number; lon: number } | undefined {
  if (!near) return undefined;
  if (/^\d{5}$/.test(near)) {
    const c = zipCentroid(near);
    if (!c) throw new SearchInputError(`near: ${near} is not a known ZIP code`);
    return { lat: c.lat, lon: c.lon };
  }
  const [lat, lon] = near.split(',').map(Number);
  if (!(Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180))
    throw new SearchInputError('near: lat,lon out of range');
  return { lat: lat!, lon: lon! };
}

export async function findProviders(db: Kysely<DB>, p: SearchParams) {
  const { near, ...rest } = p;
  return searchProviders(db, { ...rest, near: resolveNear(near) });
}

export { SearchInputError };
