// The typo branch of name-word resolution (nameWords.ts) gives the same words on both backends:
// PostgreSQL through pg_trgm's `%` and its GIN index, PGlite through the trigram LIKE probes
// (core/directory/trigramProbes.ts). The expected words are those a plain similarity() scan of
// the whole vocabulary finds — the definition, computed by the database itself.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { syntheticPeople } from '../../bench/import/syntheticPeople';
import { resolveNameWords, WORD_TYPO_SIMILARITY } from '../../src/db/queries/directory/nameWords';
import { searchText } from '../../src/import/values';
import { backends, loadedDatabase } from '../helpers/db';

let seed = 11;
const rand = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const people = syntheticPeople(rand);
const vocabulary = new Set<string>();
while (vocabulary.size < 4000)
  for (const w of searchText(people.surname(), people.firstName()).split(' ')) vocabulary.add(w);
const words = [...vocabulary];
// misspellings of vocabulary words (one letter dropped, doubled or swapped) and a few strangers
const typos = words.slice(0, 60).map((w, i) => {
  const k = 1 + (i % (w.length - 1 || 1));
  return i % 3 === 0
    ? w.slice(0, k) + w.slice(k + 1)
    : i % 3 === 1
      ? w.slice(0, k) + w[k - 1] + w.slice(k)
      : w.slice(0, k - 1) + w[k] + w[k - 1] + w.slice(k + 1);
});
typos.push('jonhson', 'wiliams', 'x', 'qz', 'zzzzzz');

describe.each(backends)('typo words of the name vocabulary on $name', (backend) => {
  // only the vocabulary is read; every word carries one provider (n = 1, under FUZZY_BELOW)
  const loaded = loadedDatabase(backend, async (d) => {
    await sql`insert into provider_name_words (word, n) select unnest(${words}::text[]), 1`.execute(d.db);
    await sql`analyze provider_name_words`.execute(d.db);
  });

  it('finds exactly the words a similarity scan of the whole vocabulary finds', async () => {
    const trigramOperators = loaded().kind !== 'pglite';
    let found = 0;
    for (const typo of [...new Set(typos)]) {
      const got = (await resolveNameWords(loaded().db, [typo], trigramOperators))
        .filter((m) => !m.word.startsWith(typo)) // the typo branch (the others are prefixes)
        .map((m) => m.word)
        .sort();
      const scan = await sql<{ word: string }>`select word from provider_name_words
        where similarity(word, ${typo}) >= ${WORD_TYPO_SIMILARITY} and not starts_with(word, ${typo}) order by word collate "C"`.execute(
        loaded().db,
      );
      expect(got, typo).toEqual(scan.rows.map((r) => r.word));
      found += got.length;
    }
    expect(found).toBeGreaterThan(60);
  });
});
