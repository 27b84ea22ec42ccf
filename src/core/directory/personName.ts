// People's names as people write them. NPPES keeps most names in capitals ("WILLIAM O'BRIEN"); every
// screen, export and PDF that shows a person reads them through here ("William O'Brien"). Names already
// in mixed case are the registrant's own spelling and are left alone; credentials ("M.D.", "PMHNP-BC")
// are abbreviations and are never re-cased. The stored columns keep the registry's spelling, so search,
// change detection and the source rows are untouched.

/** Roman-numeral generational suffixes stay in capitals. */
const ROMAN = /^(II|III|IV|V|VI)$/;

function casedWord(word: string): string {
  if (ROMAN.test(word)) return word;
  // capital after the start, a hyphen or an apostrophe: Smith-Jones, O'Brien, D'Angelo
  const lower = word
    .toLowerCase()
    .replace(/(^|[-'’.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  // McDonald, Smith-McCoy: "Mc" before two more letters is a prefix (Mac is not: Mack, Macon)
  return lower.replace(
    /(^|[-'’])Mc(\p{L})(?=\p{L})/gu,
    (_m, sep: string, ch: string) => `${sep}Mc${ch.toUpperCase()}`,
  );
}

/** One name part ("WILLIAM", "DE LA CRUZ", "MCDONALD-SMITH"), re-cased only if written all in capitals. */
export function casedName(part: string): string {
  if (!/\p{Lu}/u.test(part) || part !== part.toUpperCase()) return part;
  return part
    .split(/(\s+)/)
    .map((w) => (/\s/.test(w) ? w : casedWord(w)))
    .join('');
}

type NameParts = {
  first?: string | null;
  middle?: string | null;
  last?: string | null;
  suffix?: string | null;
  credential?: string | null;
};

/** "First Middle Last Suffix, Credential", each part re-cased as casedName does; empty parts skipped. */
export function personName(p: NameParts): string {
  const name = [p.first, p.middle, p.last, p.suffix]
    .map((s) => s?.trim())
    .filter(Boolean)
    .map((s) => casedName(s!))
    .join(' ');
  const credential = p.credential?.trim();
  return credential ? (name ? `${name}, ${credential}` : credential) : name;
}

/**
 * A name composed in SQL as "NAME, CREDENTIAL" (see `personNameSql`): the name part re-cased, the
 * credential after the first comma kept. Null and empty stay as they are.
 */
export function casedComposedName<T extends string | null | undefined>(composed: T): T {
  if (!composed) return composed;
  const comma = composed.indexOf(', ');
  return (
    comma < 0 ? casedName(composed) : `${casedName(composed.slice(0, comma))}${composed.slice(comma)}`
  ) as T;
}
