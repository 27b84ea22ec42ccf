// Name-word index for provider search. A name search used to run pg_trgm over every search_name
// (GIN candidates re-checked one heap row at a time; on PGlite a full word_similarity() scan).
// Now each word of an ACTIVE provider's search_name is a row of provider_name_tokens (b-tree on
// (token, npi), "C" collation so a prefix is a plain range scan), and the distinct words form a
// small vocabulary (provider_name_words, with how many active providers carry each word) where
// prefixes and typos are resolved before any provider row is touched. Statement-level triggers
// with transition tables keep both in step with every writer of providers (NPPES merge,
// deactivation files, demo load) set-wise; TRUNCATE providers empties the tokens too.
import { type Kysely, sql } from 'kysely';

const words = (alias: string) =>
  sql.raw(`select distinct w collate "C" as token, ${alias}.npi from ${alias},
    unnest(string_to_array(${alias}.search_name, ' ')) w where ${alias}.status = 'active' and w <> ''`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`create table provider_name_tokens (
    token text collate "C" not null,
    npi text not null,
    primary key (token, npi))`);
  await run(sql`create index provider_name_tokens_npi_idx on provider_name_tokens (npi)`);
  await run(sql`create table provider_name_words (
    word text collate "C" primary key,
    n int not null default 0)`);
  await run(sql`create index provider_name_words_trgm on provider_name_words using gin (word gin_trgm_ops)`);

  // (token, npi) rows in → vocabulary counts up; rows out → counts down. Sorted so two concurrent
  // writers lock vocabulary rows in the same order.
  await run(sql`create function provider_name_tokens_add() returns trigger language plpgsql as $$
    begin
      with ins as (
        insert into provider_name_tokens (token, npi)
        select t.token, t.npi from (${words('n')}) t order by 1, 2
        on conflict do nothing returning token)
      insert into provider_name_words as v (word, n)
      select token, count(*)::int from ins group by token order by token
      on conflict (word) do update set n = v.n + excluded.n;
      return null;
    end $$`);
  await run(sql`create function provider_name_tokens_remove() returns trigger language plpgsql as $$
    begin
      with del as (
        delete from provider_name_tokens t using o where t.npi = o.npi returning t.token)
      update provider_name_words v set n = v.n - d.c::int
      from (select token, count(*) as c from del group by token) d where v.word = d.token;
      return null;
    end $$`);
  // An update moves only the tokens that differ (old minus new out, new minus old in), so the
  // many updates that touch neither name nor status (geocoding, addresses) cost one join.
  await run(sql`create function provider_name_tokens_update() returns trigger language plpgsql as $$
    begin
      with chg as (
        select n.npi, o.search_name as os, o.status as ost, n.search_name, n.status from n join o on o.npi = n.npi
        where o.search_name is distinct from n.search_name or o.status is distinct from n.status),
      oldt as (select distinct w collate "C" as token, npi from chg, unnest(string_to_array(os, ' ')) w
        where ost = 'active' and w <> ''),
      newt as (${words('chg')}),
      gone as (
        delete from provider_name_tokens t using (select * from oldt except select * from newt) g
        where t.token = g.token and t.npi = g.npi returning t.token),
      added as (
        insert into provider_name_tokens (token, npi)
        select * from (select * from newt except select * from oldt) a order by 1, 2
        on conflict do nothing returning token),
      delta as (select token, -count(*) as c from gone group by token
        union all select token, count(*) from added group by token)
      insert into provider_name_words as v (word, n)
      select token, sum(c)::int from delta group by token order by token
      on conflict (word) do update set n = v.n + excluded.n;
      return null;
    end $$`);
  await run(sql`create function provider_name_tokens_truncate() returns trigger language plpgsql as $$
    begin
      truncate provider_name_tokens;
      update provider_name_words set n = 0 where n <> 0;
      return null;
    end $$`);
  await run(sql`create trigger providers_name_tokens_ins after insert on providers
    referencing new table as n for each statement execute function provider_name_tokens_add()`);
  await run(sql`create trigger providers_name_tokens_upd after update on providers
    referencing old table as o new table as n for each statement execute function provider_name_tokens_update()`);
  await run(sql`create trigger providers_name_tokens_del after delete on providers
    referencing old table as o for each statement execute function provider_name_tokens_remove()`);
  await run(sql`create trigger providers_name_tokens_trunc after truncate on providers
    for each statement execute function provider_name_tokens_truncate()`);

  // existing directories
  await run(sql`insert into provider_name_tokens (token, npi)
    select t.token, t.npi from (${words('providers')}) t order by 1, 2`);
  await run(sql`insert into provider_name_words (word, n)
    select token, count(*)::int from provider_name_tokens group by token order by token`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ins', 'upd', 'del', 'trunc'])
    await sql.raw(`drop trigger if exists providers_name_tokens_${t} on providers`).execute(db);
  for (const f of ['add', 'remove', 'update', 'truncate'])
    await sql.raw(`drop function if exists provider_name_tokens_${f}()`).execute(db);
  await sql`drop table if exists provider_name_tokens, provider_name_words`.execute(db);
}
