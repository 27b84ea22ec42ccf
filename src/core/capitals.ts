// Registry capitals as people write them. NPPES (and CMS files) keep most names and places in capitals
// ("WILLIAM O'BRIEN", "MOUNT JULIET"); screens show them re-cased ("William O'Brien", "Mount Juliet").
// Strings already in mixed case are someone's own spelling and are left alone. Stored columns keep the
// registry's spelling: search, change detection and the source rows are untouched.

/** Roman-numeral generational suffixes stay in capitals. */
const ROMAN = /^(II|III|IV|V|VI)$/;

function casedWord(word: string): string {
  if (ROMAN.test(word)) return word;
  // capital after the start, a hyphen, an apostrophe, a dot, a bracket or a slash: Smith-Jones,
  // O'Brien, D'Angelo, St.Louis
  const lower = word
    .toLowerCase()
    .replace(/(^|[-'’.(/])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  // McDonald, Smith-McCoy, McMinnville: "Mc" before two more letters is a prefix (Mac is not: Mack, Macon)
  return lower.replace(
    /(^|[-'’])Mc(\p{L})(?=\p{L})/gu,
    (_m, sep: string, ch: string) => `${sep}Mc${ch.toUpperCase()}`,
  );
}

/** A name or place ("WILLIAM", "DE LA CRUZ", "MOUNT JULIET"), re-cased only if written all in capitals. */
export function casedName(part: string): string {
  if (!/\p{Lu}/u.test(part) || part !== part.toUpperCase()) return part;
  return part
    .split(/(\s+)/)
    .map((w) => (/\s/.test(w) ? w : casedWord(w)))
    .join('');
}
