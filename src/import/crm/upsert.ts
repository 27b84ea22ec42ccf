// Batched, idempotent writes keyed by a unique column: new keys are inserted, changed rows are
// updated (version bumped), identical rows are left alone, so importing a file twice changes nothing.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };
type Table =
  | 'contacts'
  | 'activities'
  | 'tasks'
  | 'physician_issues'
  | 'spend_entries'
  | 'provider_relationships';

export async function upsertByKey(
  db: Kysely<DB>,
  table: Table,
  key: string,
  rows: Record<string, unknown>[],
  opts: { versioned?: boolean } = {},
): Promise<UpsertCounts & { ids: Map<string, number | string> }> {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const ids = new Map<string, number | string>();
  if (!rows.length) return { ...counts, ids };
  const cols = Object.keys(rows[0]!).filter((c) => c !== key && c !== 'created_by');
  const idCol = table === 'provider_relationships' ? 'provider_npi' : 'id';
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const set: Record<string, unknown> = Object.fromEntries(cols.map((c) => [c, sql.ref(`excluded.${c}`)]));
    if (opts.versioned !== false) {
      set.version = sql`${sql.ref(`${table}.version`)} + 1`;
      set.updated_at = sql`now()`;
    }
    const changed = sql<boolean>`(${sql.join(cols.map((c) => sql.ref(`${table}.${c}`)))}) is distinct from (${sql.join(
      cols.map((c) => sql.ref(`excluded.${c}`)),
    )})`;
    // biome-ignore lint/suspicious/noExplicitAny: table chosen at run time from the Table union
    const res = await (db as Kysely<any>)
      .insertInto(table)
      .values(chunk)
      .onConflict((oc) => oc.column(key).doUpdateSet(set).where(changed))
      .returning([idCol, key, sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute();
    for (const r of res) {
      ids.set(String(r[key]), r[idCol]);
      if (r.inserted) counts.inserted++;
      else counts.updated++;
    }
    counts.unchanged += chunk.length - res.length;
  }
  if (counts.unchanged) {
    // Keys of unchanged rows are still needed (e.g. to attach attendees): look them up.
    const missing = rows.map((r) => String(r[key])).filter((k) => !ids.has(k));
    for (let i = 0; i < missing.length; i += 5000) {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const found = await (db as Kysely<any>)
        .selectFrom(table)
        .select([idCol, key])
        .where(key, 'in', missing.slice(i, i + 5000))
        .execute();
      for (const r of found) ids.set(String(r[key]), r[idCol]);
    }
  }
  return { ...counts, ids };
}
