// Road-free travel estimate: great-circle distance × circuity factor, at a speed that depends on the area
// type of both ends. Good enough to plan a liaison's day when no routing engine is configured.
export interface LatLon {
  lat: number;
  lon: number;
}

export type AreaType = 'urban' | 'suburban' | 'rural';

export interface TravelModel {
  /** Road distance / straight-line distance (typical US values 1.2–1.4). */
  circuity?: number;
  /** Average door-to-door speed in km/h per area type. */
  speedKmh?: Partial<Record<AreaType, number>>;
  /** Fixed overhead per trip (parking, walking in), minutes; not applied on the diagonal. */
  overheadMin?: number;
}

export const DEFAULT_SPEEDS: Record<AreaType, number> = { urban: 25, suburban: 45, rural: 70 };
const EARTH_KM = 6371.0088;

/** Great-circle (haversine) distance in kilometres. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TravelMatrices {
  minutes: number[][];
  km: number[][];
}

/**
 * Minutes and road-km matrices. Half of each trip is driven at the origin's area speed and half at the
 * destination's, i.e. the time is the average of the two single-speed times.
 */
export function estimateMatrices(
  points: readonly (LatLon & { area?: AreaType })[],
  model: TravelModel = {},
): TravelMatrices {
  const circuity = model.circuity ?? 1.3;
  const speeds = { ...DEFAULT_SPEEDS, ...model.speedKmh };
  const overhead = model.overheadMin ?? 0;
  const n = points.length;
  const minutes = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const km = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = points[i]!;
      const b = points[j]!;
      const d = greatCircleKm(a, b) * circuity;
      const va = speeds[a.area ?? 'suburban'];
      const vb = speeds[b.area ?? 'suburban'];
      km[i]![j] = d;
      minutes[i]![j] = d > 0 ? (d / 2 / va + d / 2 / vb) * 60 + overhead : 0;
    }
  }
  return { minutes, km };
}
