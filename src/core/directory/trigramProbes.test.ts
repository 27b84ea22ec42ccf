import { describe, expect, it } from 'vitest';
import { similarityProbes, textProbes, trigramPattern, wordTrigrams } from './trigramProbes';

// pg_trgm's similarity, written out: shared distinct trigrams over the union
const similarity = (a: string, b: string) => {
  const ta = new Set(wordTrigrams(a));
  const tb = new Set(wordTrigrams(b));
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
};
const like = (word: string, pattern: string) => new RegExp(`^${pattern.replace(/%/g, '.*')}$`).test(word);

describe('trigram probes for a similarity search without pg_trgm operators', () => {
  it('pads a word like pg_trgm and drops repeated trigrams', () => {
    expect(wordTrigrams('smith')).toEqual(['  s', ' sm', 'smi', 'mit', 'ith', 'th ']);
    expect(wordTrigrams('a')).toEqual(['  a', ' a ']);
    // "  aaaa ": "  a", " aa", "aaa" (twice), "aa "
    expect(wordTrigrams('aaaa')).toEqual(['  a', ' aa', 'aaa', 'aa ']);
  });

  it('turns each trigram into the LIKE pattern of the words that have it', () => {
    expect(['  s', ' sm', 'smi', 'th ', ' a '].map(trigramPattern)).toEqual([
      's%',
      'sm%',
      '%smi%',
      '%th',
      'a',
    ]);
  });

  it('leaves out the most common trigrams the threshold allows', () => {
    // 6 trigrams, a similar word shares ≥ ⌈0.3 × 6⌉ = 2: any 5 of them do; the first letter goes
    expect(similarityProbes('smith', 0.3)).toEqual(['%smi%', '%mit%', '%ith%', 'sm%', '%th']);
    // 8 trigrams, ≥ 3 shared: 6 probes, without the first letter and the ending
    expect(similarityProbes('jonhson', 0.3)).toEqual(['%jon%', '%onh%', '%nhs%', '%hso%', '%son%', 'jo%']);
    // 0.3 × 10 is 3.0000000000000004 in floating point: still 3, so 8 probes, not 7
    expect(similarityProbes('abcdefghi', 0.3)).toHaveLength(8);
    expect(similarityProbes('a', 0.3)).toEqual(['a', 'a%']);
  });

  it('probes a name of several words for word_similarity, each trigram where it can sit in a name', () => {
    // 6 trigrams at 0.4: ≥ ⌈2.4⌉ = 3 shared, so 4 probes; a word's start is the name's or after a blank
    expect(textProbes('smith', 0.4)).toEqual(['%smi%', '%mit%', '%ith%', 'sm%', '% sm%']);
    // "jo an": 6 distinct trigrams, 4 probes — the two starts and the two endings, not the first letters
    expect(textProbes('jo an', 0.4)).toEqual([
      'jo%',
      '% jo%',
      'an%',
      '% an%',
      '%jo',
      '%jo %',
      '%an',
      '%an %',
    ]);
    // a one-letter word is the whole name, or first, last or inside
    expect(textProbes('a', 0.9)).toEqual(['a', 'a %', '% a', '% a %']);
  });

  it('never misses a word similar enough (random words and their misspellings)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const letters = 'aeiourstlnmcdhbk0';
    const randomWord = () =>
      Array.from(
        { length: 1 + Math.floor(rand() * 10) },
        () => letters[Math.floor(rand() * letters.length)],
      ).join('');
    const misspell = (w: string) => {
      const i = Math.floor(rand() * (w.length + 1));
      const c = letters[Math.floor(rand() * letters.length)]!;
      const k = Math.floor(rand() * 3);
      return k === 0
        ? w.slice(0, i) + c + w.slice(i)
        : k === 1
          ? w.slice(0, i) + w.slice(i + 1)
          : w.slice(0, i) + c + w.slice(i + 1);
    };
    let similar = 0;
    for (let n = 0; n < 20000; n++) {
      const a = randomWord();
      const b = rand() < 0.7 ? misspell(misspell(a)) || a : randomWord();
      if (similarity(a, b) < 0.3) continue;
      similar++;
      const probes = similarityProbes(a, 0.3);
      expect(
        probes.some((p) => like(b, p)),
        `${b} is similar to ${a} but matches none of ${probes}`,
      ).toBe(true);
    }
    expect(similar).toBeGreaterThan(5000);
  });
});
