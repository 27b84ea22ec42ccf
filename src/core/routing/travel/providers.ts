// Pure parsers for routing-engine matrix responses (the HTTP call lives outside src/core). Both return
// minutes and kilometres; unreachable pairs (null) become Infinity, which the solver never chooses.
import type { TravelMatrices } from './geo';

function grid(rows: unknown, name: string, scale: number): number[][] {
  if (!Array.isArray(rows)) throw new Error(`${name} must be an array of rows`);
  return rows.map((row, i) => {
    if (!Array.isArray(row) || row.length !== rows.length)
      throw new Error(`${name}[${i}] must have ${rows.length} entries`);
    return row
      .map((v) => (v === null ? Infinity : typeof v === 'number' ? v * scale : Number.NaN))
      .map((v, j) => {
        if (Number.isNaN(v)) throw new Error(`${name}[${i}][${j}] is not a number`);
        return v;
      });
  });
}

/**
 * OSRM `GET /table/v1/{profile}/{coords}?annotations=duration,distance` response:
 * `{ code: 'Ok', durations: seconds[][], distances?: metres[][], sources, destinations }`.
 */
export function parseOsrmTable(json: unknown): Partial<TravelMatrices> & { minutes: number[][] } {
  const r = json as { code?: string; message?: string; durations?: unknown; distances?: unknown };
  if (!r || typeof r !== 'object') throw new Error('OSRM: response is not an object');
  if (r.code !== 'Ok') throw new Error(`OSRM: ${r.code ?? 'no code'}${r.message ? ` (${r.message})` : ''}`);
  if (r.durations === undefined) throw new Error('OSRM: no durations (request annotations=duration)');
  const minutes = grid(r.durations, 'durations', 1 / 60);
  const km = r.distances === undefined ? undefined : grid(r.distances, 'distances', 1 / 1000);
  return km ? { minutes, km } : { minutes };
}

/**
 * Valhalla `POST /sources_to_targets` response:
 * `{ sources_to_targets: [[{ from_index, to_index, time: seconds, distance }]], units: 'kilometers'|'miles' }`.
 */
export function parseValhallaMatrix(json: unknown): TravelMatrices {
  const r = json as { sources_to_targets?: unknown; units?: string };
  if (!r || typeof r !== 'object' || !Array.isArray(r.sources_to_targets))
    throw new Error('Valhalla: no sources_to_targets');
  const rows = r.sources_to_targets as unknown[];
  const n = rows.length;
  const toKm = r.units === 'miles' ? 1.609344 : 1;
  const minutes = Array.from({ length: n }, () => new Array<number>(n).fill(Infinity));
  const km = Array.from({ length: n }, () => new Array<number>(n).fill(Infinity));
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n)
      throw new Error(`Valhalla: row ${i} must have ${n} cells (square matrix)`);
    row.forEach(
      (
        cell: { from_index?: number; to_index?: number; time?: number | null; distance?: number | null },
        j,
      ) => {
        const from = cell.from_index ?? i;
        const to = cell.to_index ?? j;
        if (!(from >= 0 && from < n && to >= 0 && to < n))
          throw new Error(`Valhalla: bad indices in cell [${i}][${j}]`);
        minutes[from]![to] = cell.time === null || cell.time === undefined ? Infinity : cell.time / 60;
        km[from]![to] =
          cell.distance === null || cell.distance === undefined ? Infinity : cell.distance * toKm;
      },
    );
  });
  return { minutes, km };
}
