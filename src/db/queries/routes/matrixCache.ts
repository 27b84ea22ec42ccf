// Cache of road-engine travel matrices. JSON has no Infinity, so unreachable pairs are stored as null.
import type { Kysely } from 'kysely';
import type { TravelMatrices } from '../../../core/routing';
import type { DB } from '../../schema';

const toJson = (m: number[][]) => JSON.stringify(m.map((r) => r.map((v) => (Number.isFinite(v) ? v : null))));
const fromJson = (m: (number | null)[][]) => m.map((r) => r.map((v) => (v === null ? Infinity : v)));

export async function readMatrixCache(db: Kysely<DB>, key: string): Promise<TravelMatrices | null> {
  const row = await db
    .selectFrom('travel_matrix_cache')
    .select(['minutes', 'km'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  return {
    minutes: fromJson(row.minutes as (number | null)[][]),
    km: fromJson(row.km as (number | null)[][]),
  };
}

export async function writeMatrixCache(
  db: Kysely<DB>,
  e: { key: string; engine: 'osrm' | 'valhalla'; matrices: TravelMatrices },
): Promise<void> {
  await db
    .insertInto('travel_matrix_cache')
    .values({
      key: e.key,
      engine: e.engine,
      points: e.matrices.minutes.length,
      minutes: toJson(e.matrices.minutes),
      km: toJson(e.matrices.km),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
