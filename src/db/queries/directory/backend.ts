// Which backend a Kysely instance talks to. PGlite 0.5.16 with cube/earthdistance loaded
// corrupts pg_trgm's `%` and `<%` operators (wrong results, then an endless loop inside the WASM
// engine), while similarity()/word_similarity() and LIKE through the trigram GIN index stay
// correct — so on PGlite searches call the functions, on the candidates that trigram LIKE probes
// find (core/directory/trigramProbes.ts, probed() below), and on PostgreSQL the indexed operators.
import { type Kysely, type RawBuilder, sql } from 'kysely';

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

/**
 * `probes and check`, with check evaluated only for rows the probes admit. PostgreSQL orders a
 * WHERE clause's AND-ed conditions by estimated cost, and pg_trgm's functions are declared as
 * cheap as a comparison: on a sequential scan (a common word) similarity() ran first, for every
 * row. A CASE is one condition whose order is fixed; the probes stay a condition of their own too,
 * for the index.
 */
export const probed = (probes: RawBuilder<unknown>, check: RawBuilder<unknown>) =>
  sql`(${probes}) and case when ${probes} then ${check} else false end`;
