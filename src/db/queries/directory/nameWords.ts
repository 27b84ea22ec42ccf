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
import type { DB } from '../../schema';

export const FUZZY_BELOW = 100;
export const WORD_TYPO_SIMILARITY = 0.3;
/** at most this many query words are used (a name rarely has more) */
export const MAX_QUERY_WORDS = 4;

export type WordMatch = { qi: number; word: string; score: number; n: number };

export const queryWords = (text: string) =>
  [...new Set(text.split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);

// Tokens are [a-z0-9]+ ("C" collation), so every word starting with w sorts in [w, w || '~').
export async function resolveNameWords(
  db: Kysely<DB>,
  words: string[],
  trigramOperators: boolean,
): Promise<WordMatch[]> {
  const prefix = await sql<WordMatch>`
    select q.i::int - 1 as qi, v.word, v.n,
      case when v.word = q.w then 1 else 0.5 + 0.5 * length(q.w) / length(v.word) end::float8 as score
    from unnest(${words}::text[]) with ordinality q(w, i)
    join provider_name_words v on v.word >= q.w collate "C" and v.word < (q.w || '~') collate "C"
    where v.n > 0`.execute(db);
  const out = prefix.rows;
  const carried = words.map((_, i) => out.filter((m) => m.qi === i).reduce((s, m) => s + m.n, 0));
  const fuzzy = words.map((w, i) => ({ w, i })).filter(({ i }) => carried[i]! < FUZZY_BELOW);
  if (!fuzzy.length) return out;
  // PostgreSQL: the vocabulary's GIN trigram index. PGlite: its pg_trgm operators are unreliable
  // (backend.ts), so similarity() over the vocabulary (distinct words, not providers).
  const alike = trigramOperators
    ? sql`v.word % q.w`
    : sql`similarity(v.word, q.w) >= ${WORD_TYPO_SIMILARITY}`;
  const typo = await sql<WordMatch>`
    select q.i::int as qi, v.word, v.n, (0.9 * similarity(v.word, q.w))::float8 as score
    from unnest(${fuzzy.map((f) => f.w)}::text[], ${fuzzy.map((f) => f.i)}::int[]) q(w, i)
    join provider_name_words v on ${alike}
    where v.n > 0 and not starts_with(v.word, q.w)`.execute(db);
  return [...out, ...typo.rows];
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
