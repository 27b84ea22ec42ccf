// Row counts and a content checksum per table (md5 of the rows' text forms in sorted order):
// two databases with equal checksums hold the same data. Used to prove a backup round-trips.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';

export async function tableChecksums(db: Kysely<DB>): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ rows: number; md5: string | null }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
      from ${sql.table(name)} t`.execute(db);
    out[name] = { rows: r.rows[0]!.rows, md5: r.rows[0]!.md5 ?? '' };
  }
  return out;
}
