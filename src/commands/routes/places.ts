// Where a route starts or ends, as the planner's form gives it: map coordinates, a ZIP code (its centre —
// the label says so, never an address) or one of the offices on file. Resolved to a point before planning.
import type { Kysely } from 'kysely';
import { zipCentroid } from '../../core/geo/zipCentroid';
import { loadLocations } from '../../db/queries/routes/stops';
import type { DB } from '../../db/schema';
import { type Point, RouteError } from './types';

export type Place =
  | { lat: number; lon: number; label?: string }
  | { zip: string; label?: string }
  | { locationId: number; label?: string };

/** `field` names the request field in errors ("start", "end"); `fallback` labels bare coordinates. */
export async function resolvePlace(
  db: Kysely<DB>,
  place: Place,
  field: string,
  fallback: string,
): Promise<Point> {
  if ('zip' in place) {
    const c = zipCentroid(place.zip);
    if (!c) throw new RouteError(`${field}.zip: ZIP ${place.zip} is not a known US ZIP code`);
    return {
      lat: c.lat,
      lon: c.lon,
      label: place.label ?? `ZIP ${place.zip} (${c.city}, ${c.state} — centre of the ZIP)`,
    };
  }
  if ('locationId' in place) {
    const [l] = await loadLocations(db, [place.locationId]);
    if (!l) throw new RouteError(`${field}.locationId: no office ${place.locationId}`, 404);
    if (l.lat === null || l.lon === null)
      throw new RouteError(`${field}.locationId: ${l.name} has no map point (its address is not geocoded)`);
    return { lat: l.lat, lon: l.lon, label: place.label ?? l.name };
  }
  return { lat: place.lat, lon: place.lon, label: place.label ?? fallback };
}
