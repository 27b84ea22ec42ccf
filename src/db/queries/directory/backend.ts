// Which backend a Kysely instance talks to. PGlite 0.5.16 with cube/earthdistance loaded
// corrupts pg_trgm's `%` and `<%` operators (wrong results, then an endless loop inside the WASM
// engine), while similarity()/word_similarity() stay correct — so on PGlite searches call the
// functions (a scan, fine at a market's size) and on PostgreSQL the GIN-indexed operators.
import { type Kysely, sql } from 'kysely';

const cache = new WeakMap<object, boolean>();

// biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run before DB types exist)
export async function isPglite(db: Kysely<any>): Promise<boolean> {
  const hit = cache.get(db);
  if (hit !== undefined) return hit;
  const r = await sql<{ v: string }>`select version() as v`.execute(db);
  const yes = /pglite|wasm32/i.test(r.rows[0]?.v ?? '');
  cache.set(db, yes);
  return yes;
}
