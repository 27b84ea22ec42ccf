// Bulk-load helper for the provider name-word index (migration 20261127_0900). Its insert trigger
// sorts and upserts the new rows' words for each statement, maintaining the (token, npi) b-tree
// and the vocabulary counts as it goes: on a bulk insert that costs several times
// the insert itself. Here the insert trigger is switched off for fn(), and the words of the rows
// fn() inserted (first_seen_job_id = jobId) are added afterwards in one pass — into an empty token
// table with its indexes built after the load. The update trigger is likewise replaced by one
// pass over the NPIs an NPPES merge updated (withNameTokensRefreshed). Runs in the caller's
// transaction: a killed import leaves the triggers, the tokens and the vocabulary as they were.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: works on any schema, like bulkIndexes
type AnyDb = Kysely<any>;

const timedRun = (tx: AnyDb) => async (q: ReturnType<typeof sql>, what: string) => {
  const t = performance.now();
  const r = await q.execute(tx);
  if (process.env.ROUNDS_IMPORT_TIMING)
    process.stderr.write(`${(performance.now() - t).toFixed(0).padStart(7)} ms  name tokens: ${what}\n`);
  return r;
};

/**
 * (token, npi) of the rows of `from` (alias p: npi, search_name) that `where` picks: the words the
 * trigger would add, i.e. the distinct non-empty words of active providers' search_name. A word
 * repeated in one name is kept at its first position (array_position), which makes the rows
 * distinct without sorting them all (8.5 s → 4.5 s for 2.2 M words). A first load merged during
 * the read has the reader split the names the same way (directRows.ts).
 */
const wordsFrom = (
  from: ReturnType<typeof sql>,
  where: ReturnType<typeof sql>,
) => sql`select w collate "C" as token, p.npi
  from ${from}, string_to_array(p.search_name, ' ') a, unnest(a) with ordinality u(w, i)
  where ${where} and w <> '' and array_position(a, w) = i`;
const wordsOf = (where: ReturnType<typeof sql>) =>
  wordsFrom(sql`providers p`, sql`${where} and p.status = 'active'`);

/** Switches the providers insert or update trigger of the name-word index off or on (in the transaction). */
export async function trigger(tx: AnyDb, which: 'ins' | 'upd', on: boolean) {
  await sql
    .raw(`alter table providers ${on ? 'enable' : 'disable'} trigger providers_name_tokens_${which}`)
    .execute(tx);
}

export async function withNameTokensDeferred<T>(
  tx: AnyDb,
  jobId: number,
  enabled: boolean,
  fn: () => Promise<T>,
): Promise<T> {
  if (!enabled) return fn();
  const run = timedRun(tx);
  await trigger(tx, 'ins', false);
  const out = await fn();
  await trigger(tx, 'ins', true);
  const words = wordsOf(sql`p.first_seen_job_id = ${jobId}`);
  const empty = !(await sql`select 1 from provider_name_tokens limit 1`.execute(tx)).rows.length;
  if (empty) {
    // one sort per index instead of a b-tree insert per word
    await dropTokenKeys(tx);
    await run(sql`insert into provider_name_tokens (token, npi) ${words}`, 'insert');
    await buildTokenKeys(tx);
  } else await addWords(tx, words);
  return out;
}

/** Drops the (empty) token table's key before it is filled in bulk (buildTokenKeys after). */
export async function dropTokenKeys(tx: AnyDb) {
  const run = timedRun(tx);
  await run(sql`alter table provider_name_tokens drop constraint provider_name_tokens_pkey`, 'drop key');
}

/** Builds the token key dropped by dropTokenKeys, then counts the words into the vocabulary. */
export async function buildTokenKeys(tx: AnyDb) {
  const run = timedRun(tx);
  await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
  await run(sql`alter table provider_name_tokens add primary key (token, npi)`, 'primary key');
  await run(
    sql`insert into provider_name_words as v (word, n)
      select token, count(*)::int from provider_name_tokens group by token order by token
      on conflict (word) do update set n = v.n + excluded.n`,
    'vocabulary',
  );
}

async function addWords(tx: AnyDb, words: ReturnType<typeof sql>) {
  await timedRun(tx)(
    sql`with ins as (
      insert into provider_name_tokens (token, npi) select * from (${words}) t order by 1, 2
      on conflict do nothing returning token)
    insert into provider_name_words as v (word, n)
    select token, count(*)::int from ins group by token order by token
    on conflict (word) do update set n = v.n + excluded.n`,
    'add',
  );
}

/**
 * Runs fn (updates of providers whose NPIs `npis` lists) with the update trigger off, then
 * replaces those providers' words. The trigger joins its transition tables, which the planner
 * takes for one row each: a nested loop, 13 s for 5,400 updated rows; here the NPIs come from an
 * analyzed stage table. Switching the trigger off locks providers against other writers until
 * the transaction ends, so a small update (`enabled` false) keeps the trigger.
 */
export async function withNameTokensRefreshed<T>(
  tx: AnyDb,
  npis: ReturnType<typeof sql>,
  enabled: boolean,
  fn: () => Promise<T>,
): Promise<T> {
  if (!enabled) return fn();
  await trigger(tx, 'upd', false);
  const out = await fn();
  await trigger(tx, 'upd', true);
  await timedRun(tx)(
    // one scan of the table (it has no npi index: migration 20261128_1400)
    sql`with del as (
      delete from provider_name_tokens t where t.npi in (${npis}) returning t.token)
    update provider_name_words v set n = v.n - d.c
    from (select token, count(*)::int as c from del group by token) d where v.word = d.token`,
    'remove updated',
  );
  await addWords(tx, wordsOf(sql`p.npi in (${npis})`));
  return out;
}
