// The name-word table loses its (npi) index (issue 3: rebuilt by every bulk import, ≈ 0.7–1 s at
// 2.2M words, and maintained for every word written). Its one hot reader was the delete trigger,
// which now removes a deleted provider's words by (token, npi) — the primary key — computed from
// the deleted row's search_name, as the update trigger already does for old names. The tokens are
// by construction the words of the active providers' search_name, so those are exactly its rows.
// The bulk refresh of an NPPES merge's many updated NPIs (bulkNameTokens.ts) scans the table
// once instead (≈ 0.3 s at 2.2M words, only above 1,000 updates).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists provider_name_tokens_npi_idx`.execute(db);
  await sql`create or replace function provider_name_tokens_remove() returns trigger language plpgsql as $$
    begin
      with gone as (
        select distinct w collate "C" as token, o.npi from o, unnest(string_to_array(o.search_name, ' ')) w
        where o.status = 'active' and w <> ''),
      del as (
        delete from provider_name_tokens t using gone g where t.token = g.token and t.npi = g.npi
        returning t.token)
      update provider_name_words v set n = v.n - d.c::int
      from (select token, count(*) as c from del group by token) d where v.word = d.token;
      return null;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function provider_name_tokens_remove() returns trigger language plpgsql as $$
    begin
      with del as (
        delete from provider_name_tokens t using o where t.npi = o.npi returning t.token)
      update provider_name_words v set n = v.n - d.c::int
      from (select token, count(*) as c from del group by token) d where v.word = d.token;
      return null;
    end $$`.execute(db);
  await sql`create index if not exists provider_name_tokens_npi_idx on provider_name_tokens (npi)`.execute(
    db,
  );
}
