// Great-circle distance and a bounding box for radius searches (pure).
const EARTH_RADIUS_MI = 3958.7613;
const rad = (d: number) => (d * Math.PI) / 180;

/** Haversine distance in statute miles. */
export function haversineMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MI * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type BoundingBox = { minLat: number; maxLat: number; minLon: number; maxLon: number };

/** A box that contains every point within `miles` of (lat, lon); used to prune with an index before haversine. */
export function boundingBox(lat: number, lon: number, miles: number): BoundingBox {
  const dLat = miles / 69.0; // one degree of latitude is at least 68.7 mi; 69 with the margin below
  const cos = Math.max(0.01, Math.cos(rad(Math.min(89, Math.abs(lat) + dLat))));
  const dLon = miles / (69.172 * cos);
  return {
    minLat: lat - dLat * 1.01,
    maxLat: lat + dLat * 1.01,
    minLon: lon - dLon * 1.01,
    maxLon: lon + dLon * 1.01,
  };
}

export { EARTH_RADIUS_MI };
