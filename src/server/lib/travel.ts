// Travel times for the route planner. Offline by default: great-circle distance × circuity at an area speed,
// always labelled as a straight-line estimate. With ROUTING_URL + ROUTING_ENGINE set, a real road matrix is
// fetched from OSRM (`GET /table/v1/driving/...`) or Valhalla (`POST /sources_to_targets`) and cached in
// travel_matrix_cache, keyed by engine, URL and the exact points.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  estimateMatrices,
  type LatLon,
  parseOsrmTable,
  parseValhallaMatrix,
  type TravelMatrices,
} from '../../core/routing';
import { readMatrixCache, writeMatrixCache } from '../../db/queries/routes/matrixCache';
import type { DB } from '../../db/schema';

export type TravelSourceKind = 'estimate' | 'osrm' | 'valhalla';
export type TravelInfo = { source: TravelSourceKind; label: string; cached?: boolean };
export type TravelConfig = { ROUTING_URL?: string; ROUTING_ENGINE?: 'osrm' | 'valhalla' };

export const ESTIMATE_LABEL =
  'straight-line estimate (great-circle distance × 1.3 at area speeds), not road times';

export class TravelError extends Error {}

const key = (p: LatLon) => `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`;

async function fetchJson(url: string, init: RequestInit, engine: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (e) {
    throw new TravelError(`${engine} at ${new URL(url).origin} is unreachable (${(e as Error).message})`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TravelError(`${engine} answered HTTP ${res.status} with a body that is not JSON`);
  }
  if (!res.ok && engine === 'Valhalla')
    throw new TravelError(
      `Valhalla answered HTTP ${res.status}: ${(json as { error?: string }).error ?? text.slice(0, 200)}`,
    );
  return json;
}

/** One road matrix from the configured engine (no cache). */
export async function fetchRoadMatrix(
  cfg: Required<TravelConfig>,
  points: readonly LatLon[],
): Promise<TravelMatrices> {
  const base = cfg.ROUTING_URL.replace(/\/+$/, '');
  try {
    if (cfg.ROUTING_ENGINE === 'osrm') {
      const coords = points.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
      const json = await fetchJson(
        `${base}/table/v1/driving/${coords}?annotations=duration,distance`,
        {},
        'OSRM',
      );
      const m = parseOsrmTable(json);
      return { minutes: m.minutes, km: m.km ?? estimateMatrices(points).km };
    }
    const locs = points.map((p) => ({ lat: p.lat, lon: p.lon }));
    const body = JSON.stringify({ sources: locs, targets: locs, costing: 'auto', units: 'kilometers' });
    const json = await fetchJson(
      `${base}/sources_to_targets`,
      { method: 'POST', body, headers: { 'content-type': 'application/json' } },
      'Valhalla',
    );
    return parseValhallaMatrix(json);
  } catch (e) {
    if (e instanceof TravelError) throw e;
    throw new TravelError((e as Error).message);
  }
}

/**
 * Matrices for `points` plus where they came from. The returned lookup answers for any subset/order of the
 * given points (the planner adds start and end points itself), by coordinates.
 */
export async function travelFor(
  db: Kysely<DB>,
  cfg: TravelConfig,
  points: readonly LatLon[],
): Promise<{ travel: (pts: readonly LatLon[]) => TravelMatrices; info: TravelInfo }> {
  if (!cfg.ROUTING_URL || !cfg.ROUTING_ENGINE)
    return { travel: (pts) => estimateMatrices(pts), info: { source: 'estimate', label: ESTIMATE_LABEL } };
  // Sorted, so the same set of points hits the same cache entry whatever order the planner lists them in.
  const unique = [...new Map(points.map((p) => [key(p), p])).values()].sort((a, b) =>
    key(a) < key(b) ? -1 : 1,
  );
  const engine = cfg.ROUTING_ENGINE;
  const cacheKey = createHash('sha256')
    .update(`${engine}|${cfg.ROUTING_URL}|${unique.map(key).join(';')}`)
    .digest('hex');
  let m = await readMatrixCache(db, cacheKey);
  const cached = !!m;
  if (!m) {
    m = await fetchRoadMatrix({ ROUTING_URL: cfg.ROUTING_URL, ROUTING_ENGINE: engine }, unique);
    await writeMatrixCache(db, { key: cacheKey, engine, matrices: m });
  }
  const at = new Map(unique.map((p, i) => [key(p), i]));
  const full = m;
  const travel = (pts: readonly LatLon[]) => {
    const ix = pts.map((p) => {
      const i = at.get(key(p));
      if (i === undefined) throw new TravelError(`no road-matrix entry for point ${key(p)}`);
      return i;
    });
    return {
      minutes: ix.map((a) => ix.map((b) => full.minutes[a]![b]!)),
      km: ix.map((a) => ix.map((b) => full.km[a]![b]!)),
    };
  };
  const label = `road travel times from ${engine === 'osrm' ? 'OSRM' : 'Valhalla'} (${new URL(cfg.ROUTING_URL).host})`;
  return { travel, info: { source: engine, label, cached } };
}
