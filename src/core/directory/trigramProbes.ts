// Exact candidate pruning for a pg_trgm similarity search done without pg_trgm's `%` operator
// (PGlite, where it is broken: db/queries/directory/backend.ts). pg_trgm's trigrams of a word are
// those of "  word " (two blanks before, one after), deduplicated, and
//   similarity(a, b) = shared / (|T(a)| + |T(b)| − shared).
// similarity ≥ t needs shared ≥ t·|T(a)| (the union is at least |T(a)|), so a word similar enough
// to `a` contains all but at most |T(a)| − m of a's trigrams, m = ⌈t·|T(a)|⌉: any |T(a)| − m + 1 of
// them include one it contains. Each trigram is a LIKE pattern (a blank-edged one anchors the
// word's start or end), so "contains one of these" is a few index lookups instead of computing
// similarity() for every word of the vocabulary. Which trigrams are left out only changes how many
// candidates there are, never which words pass: the ones most words have (a first letter, an
// ending) are left out first.

/** pg_trgm's trigrams of one word of [a-z0-9] (as it pads it), without repeats. */
export function wordTrigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** The LIKE pattern a vocabulary word (one word of [a-z0-9]) matches when it has trigram t. */
export function trigramPattern(t: string): string {
  if (t.startsWith('  ')) return `${t[2]}%`; // first letter
  if (t[0] === ' ' && t[2] === ' ') return t[1]!; // a one-letter word
  if (t[0] === ' ') return `${t.slice(1)}%`; // first two letters
  if (t[2] === ' ') return `%${t.slice(0, 2)}`; // last two letters
  return `%${t}%`;
}

// most words share a first letter or a two-letter ending with many others: drop those first
const commonness = (t: string) => (t.startsWith('  ') ? 3 : t[2] === ' ' ? 2 : t[0] === ' ' ? 1 : 0);

// how many of a query's distinct trigrams a similar enough string must have: t·|T(q)| (pg_trgm's
// similarity and word_similarity both divide the shared count by at least |T(q)|); the epsilon keeps
// 0.3 × 10 = 3.0000000000000004 at 3
const leastShared = (threshold: number, n: number) => Math.max(1, Math.ceil(threshold * n - 1e-9));

/** The |ts| − least + 1 trigrams to probe: the rarer kinds first. */
function probeTrigrams(ts: string[], threshold: number) {
  const keep = ts.length - leastShared(threshold, ts.length) + 1;
  return [...ts].sort((a, b) => commonness(a) - commonness(b)).slice(0, keep);
}

/**
 * LIKE patterns of which every word with similarity(word, w) ≥ threshold matches at least one
 * (w one word of [a-z0-9]). Fewer than all of w's trigrams when the threshold allows.
 */
export function similarityProbes(word: string, threshold: number): string[] {
  return probeTrigrams(wordTrigrams(word), threshold).map(trigramPattern);
}

/** The LIKE patterns of a string of words joined by single blanks (searchText) that has trigram t. */
function trigramInText(t: string): string[] {
  if (t.startsWith('  ')) return [`${t[2]}%`, `% ${t[2]}%`];
  if (t[0] === ' ' && t[2] === ' ') return [t[1]!, `${t[1]} %`, `% ${t[1]}`, `% ${t[1]} %`];
  if (t[0] === ' ') return [`${t.slice(1)}%`, `% ${t.slice(1)}%`];
  if (t[2] === ' ') return [`%${t.slice(0, 2)}`, `%${t.slice(0, 2)} %`];
  return [`%${t}%`];
}

/**
 * LIKE patterns of which every name (words of [a-z0-9] joined by single blanks) with
 * similarity(name, text) ≥ threshold or word_similarity(text, name) ≥ threshold matches at least
 * one. word_similarity is the best shared / (|T(text)| + |T(extent)| − shared) over extents of the
 * name, so the same bound holds.
 */
export function textProbes(text: string, threshold: number): string[] {
  const ts = [...new Set(text.split(' ').filter(Boolean).flatMap(wordTrigrams))];
  return probeTrigrams(ts, threshold).flatMap(trigramInText);
}
