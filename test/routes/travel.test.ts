// Contract test of the road-matrix client: a tiny local HTTP server answers exactly like OSRM's
// `GET /table/v1/driving/{lon,lat;...}?annotations=duration,distance` and Valhalla's `POST /sources_to_targets`
// (documented response formats); the client must send the documented request, parse seconds/metres/km,
// treat null as unreachable and cache the matrix.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { ESTIMATE_LABEL, TravelError, travelFor } from '../../src/server/lib/travel';
import { createPgliteDatabase } from '../helpers/db';

const A = { lat: 36.1627, lon: -86.7816 };
const B = { lat: 36.1, lon: -86.8 };
const C = { lat: 36.2, lon: -86.7 };

let server: Server;
let base: string;
let database: Database;
const calls: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ method: req.method!, url: req.url!, body });
      res.setHeader('content-type', 'application/json');
      if (req.url!.startsWith('/osrm/table/v1/driving/')) {
        const n = req.url!.split('/').pop()!.split('?')[0]!.split(';').length;
        // durations in seconds, distances in metres; row i → j = (i+1)*(j+1) minutes / km except the diagonal.
        const cell = (i: number, j: number, unit: number) => (i === j ? 0 : (i + 1) * (j + 1) * unit);
        const grid = (unit: number) =>
          Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => cell(i, j, unit)));
        const durations = grid(60);
        if (n === 3) durations[2]![0] = null as unknown as number; // third → first point unreachable
        res.end(
          JSON.stringify({ code: 'Ok', durations, distances: grid(1000), sources: [], destinations: [] }),
        );
      } else if (req.url === '/valhalla/sources_to_targets' && req.method === 'POST') {
        const { sources } = JSON.parse(body) as { sources: unknown[] };
        const rows = sources.map((_, i) =>
          sources.map((__, j) => ({
            from_index: i,
            to_index: j,
            time: i === j ? 0 : 120 * (i + j),
            distance: i === j ? 0 : 1.5 * (i + j),
          })),
        );
        res.end(JSON.stringify({ sources_to_targets: rows, units: 'kilometers' }));
      } else if (req.url!.startsWith('/broken/table')) {
        res.statusCode = 400;
        res.end(
          JSON.stringify({ code: 'InvalidQuery', message: 'Query string malformed close to position 20' }),
        );
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await createPgliteDatabase();
});
afterAll(async () => {
  server?.close();
  await database?.close();
});

describe('travel matrices', () => {
  it('without an engine: the straight-line estimate, labelled as such', async () => {
    const { travel, info } = await travelFor(database.db, {}, [A, B]);
    expect(info).toEqual({ source: 'estimate', label: ESTIMATE_LABEL });
    expect(info.label).toMatch(/straight-line estimate/);
    expect(travel([A, B]).minutes[0]![1]).toBeGreaterThan(0);
  });

  it('OSRM: documented request, seconds → minutes, metres → km, null → unreachable, cached', async () => {
    const cfg = { ROUTING_URL: `${base}/osrm/`, ROUTING_ENGINE: 'osrm' as const };
    const { travel, info } = await travelFor(database.db, cfg, [A, B, C, A]);
    expect(info.source).toBe('osrm');
    expect(info.label).toMatch(/OSRM/);
    const call = calls.at(-1)!;
    expect(call.url).toBe(
      '/osrm/table/v1/driving/-86.800000,36.100000;-86.781600,36.162700;-86.700000,36.200000?annotations=duration,distance',
    );
    const m = travel([B, A, C]);
    // The client sends the points sorted (B, A, C), so the server's row i → j is (i+1)(j+1) in that order.
    expect(m.minutes[0]![1]).toBe(2); // B→A = (1·2) min
    expect(m.km[1]![2]).toBe(6); // A→C = (2·3) km
    expect(m.minutes[2]![0]).toBe(Infinity); // C→B unreachable
    const before = calls.length;
    const again = await travelFor(database.db, cfg, [C, B, A]);
    expect(calls.length).toBe(before); // same points → served from travel_matrix_cache (not refetched)
    expect(again.info.cached).toBe(true);
    expect(again.travel([C, A]).minutes[0]![1]).toBe(6);
    expect(again.travel([C, B]).minutes[0]![1]).toBe(Infinity);
  });

  it('Valhalla: POST sources_to_targets with costing auto, seconds → minutes, km kept', async () => {
    const cfg = { ROUTING_URL: `${base}/valhalla`, ROUTING_ENGINE: 'valhalla' as const };
    const { travel, info } = await travelFor(database.db, cfg, [A, B]);
    expect(info.source).toBe('valhalla');
    const call = calls.at(-1)!;
    expect(call.method).toBe('POST');
    expect(JSON.parse(call.body)).toMatchObject({ costing: 'auto', sources: [B, A], targets: [B, A] });
    expect(travel([A, B])).toEqual({
      minutes: [
        [0, 2],
        [2, 0],
      ],
      km: [
        [0, 1.5],
        [1.5, 0],
      ],
    });
  });

  it('an engine error is a clear TravelError, not a crash', async () => {
    const cfg = { ROUTING_URL: `${base}/broken`, ROUTING_ENGINE: 'osrm' as const };
    await expect(travelFor(database.db, cfg, [A, B])).rejects.toThrow(TravelError);
    await expect(travelFor(database.db, cfg, [A, B])).rejects.toThrow(/InvalidQuery/);
    const down = { ROUTING_URL: 'http://127.0.0.1:9', ROUTING_ENGINE: 'osrm' as const };
    await expect(travelFor(database.db, down, [A, B])).rejects.toThrow(/unreachable/);
  });
});
