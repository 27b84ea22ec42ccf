// Resolves the words of a name query against the vocabulary of provider name words
// (provider_name_words, see migration 20261127_0900) before any provider row is read.
//
// Each query word matches vocabulary words that
//   - equal it: score 1;
//   - start with it (as you type, "joh" → john, johnson): 0.5 + 0.5 × len(query word) / len(word),
//     so shorter completions rank first;
//   - and, only when those carry fewer than FUZZY_BELOW active providers (a typo, or a rare name),
//     are spelled alike: pg_trgm similarity ≥ WORD_TYPO_SIMILARITY, score 0.9 × similarity.
// A provider's relevance is the mean over query words of its best-scoring word for each; it must
// match every query word (searchByName).
import { type Kysely, sql } from 'kysely';
import { similarityProbes } from '../../../core/directory/trigramProbes';
import type { DB } from '../../schema';
import { probed } from './backend';

export const FUZZY_BELOW = 100;
export const WORD_TYPO_SIMILARITY = 0.3;
/** at most this many query words are used (a name rarely has more) */
export const MAX_QUERY_WORDS = 4;

export type WordMatch = { qi: number; word: string; score: number; n: number };

export const queryWords = (text: string) =>
  [...new Set(text.split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);

// One statement (a search is latency-bound by round trips under load). Tokens are [a-z0-9]+ in
// the "C" collation, so every word starting with w sorts in [w, w || '~').
export async function resolveNameWords(
  db: Kysely<DB>,
  words: string[],
  trigramOperators: boolean,
): Promise<WordMatch[]> {
  // PostgreSQL: the vocabulary's GIN trigram index (`%` admits similarity ≥ pg_trgm's threshold,
  // 0.3 by default; the explicit test keeps ours whatever it is set to). PGlite: its pg_trgm
  // operators are unreliable (backend.ts), so similarity() over the words that contain enough of
  // the query word's trigrams to reach the threshold (core/directory/trigramProbes.ts: LIKE
  // patterns, found through the same GIN index and the word b-tree) — all the vocabulary's words
  // gave a 150,000-word scan per misspelt word.
  const fuzzy = trigramOperators
    ? sql`select c.qi, v.word, v.n, (0.9 * similarity(v.word, c.w))::float8
      from carried c join provider_name_words v
        on v.word % c.w and similarity(v.word, c.w) >= ${WORD_TYPO_SIMILARITY}
      where v.n > 0 and not starts_with(v.word, c.w)`
    : sql.join(
        words.map((w, qi) => {
          const probes = similarityProbes(w, WORD_TYPO_SIMILARITY).map((p) => sql`v.word like ${p}`);
          return sql`(select ${qi}::int, v.word, v.n, (0.9 * similarity(v.word, ${w}))::float8
            from provider_name_words v
            where exists (select 1 from carried c where c.qi = ${qi})
              and ${probed(sql.join(probes, sql` or `), sql`similarity(v.word, ${w}) >= ${WORD_TYPO_SIMILARITY}`)}
              and v.n > 0 and not starts_with(v.word, ${w}))`;
        }),
        sql` union all `,
      );
  const r = await sql<WordMatch>`
    with q as (select u.w, u.i::int - 1 as qi from unnest(${words}::text[]) with ordinality u(w, i)),
    pre as (
      select q.qi, v.word, v.n,
        case when v.word = q.w then 1 else 0.5 + 0.5 * length(q.w) / length(v.word) end::float8 as score
      from q join provider_name_words v on v.word >= q.w collate "C" and v.word < (q.w || '~') collate "C"
      where v.n > 0),
    carried as (
      select q.qi, q.w from q left join pre on pre.qi = q.qi
      group by q.qi, q.w having coalesce(sum(pre.n), 0) < ${FUZZY_BELOW})
    select qi, word, n, score from pre
    union all
    ${fuzzy}`.execute(db);
  return r.rows;
}

/** The matches of each query word, in query-word order. */
export const byQueryWord = (matches: WordMatch[], nq: number) =>
  Array.from({ length: nq }, (_, i) => matches.filter((m) => m.qi === i));

/**
 * For a one-word relevance page, the best-scoring words that together carry `budget` providers
 * (whole tie groups, so ties still order by NPI): "joh" reads john's 55,000 tokens, not every
 * joh… word's. Words scoring above a cursor's score are kept (they decide a provider's best
 * score) but not counted. `complete` says whether every word was kept.
 */
export function budgetWords(ms: WordMatch[], afterScore: number | null, budget: number) {
  const sorted = [...ms].sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1));
  const words: WordMatch[] = [];
  let carried = 0;
  for (const m of sorted) {
    if (carried >= budget && m.score < words[words.length - 1]!.score) return { words, complete: false };
    words.push(m);
    if (afterScore === null || m.score <= afterScore) carried += m.n;
  }
  return { words, complete: true };
}
