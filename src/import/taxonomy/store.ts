// Writes the NUCC code set and seeds the default service-line map (admin edits are kept).
import { type Kysely, sql } from 'kysely';
import { taxonomyServiceLineRows } from '../../core/serviceLines';
import type { TaxonomyRow } from './nucc';

/** Upserts taxonomy rows; returns how many were inserted, updated and unchanged. */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run before DB types exist)
export async function upsertTaxonomies(db: Kysely<any>, rows: TaxonomyRow[]) {
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const res = await sql<{ inserted: boolean }>`
      insert into taxonomies (code, grouping, classification, specialization, display_name, section, definition)
      select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as t(
        code text, grouping text, classification text, specialization text, display_name text, section text, definition text)
      on conflict (code) do update set
        grouping = excluded.grouping, classification = excluded.classification,
        specialization = excluded.specialization, display_name = excluded.display_name,
        section = excluded.section, definition = excluded.definition
      where (taxonomies.grouping, taxonomies.classification, taxonomies.specialization, taxonomies.display_name,
             taxonomies.section, taxonomies.definition)
        is distinct from (excluded.grouping, excluded.classification, excluded.specialization, excluded.display_name,
             excluded.section, excluded.definition)
      returning (xmax = 0) as inserted`.execute(db);
    for (const r of res.rows) r.inserted ? inserted++ : updated++;
  }
  return { inserted, updated, unchanged: rows.length - inserted - updated };
}

/** Adds default service-line rows for codes not yet mapped; never overrides an admin's choice. */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run before DB types exist)
export async function seedServiceLineMap(db: Kysely<any>) {
  const rows = taxonomyServiceLineRows().map((r) => ({ taxonomy_code: r.code, service_line: r.serviceLine }));
  await sql`
    insert into service_line_map (taxonomy_code, service_line, is_default)
    select taxonomy_code, service_line, true
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(taxonomy_code text, service_line text)
    on conflict (taxonomy_code) do nothing`.execute(db);
}
