// People's names as people write them: every screen, export and PDF that shows a person composes the
// name here, each part re-cased from registry capitals (core/capitals.ts); credentials ("M.D.",
// "PMHNP-BC") are abbreviations and are never re-cased.
import { casedName } from '../capitals';

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
