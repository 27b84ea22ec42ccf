// Parsed FHIR search parameters → parameterised SQL conditions (never string concatenation).
import { type RawBuilder, sql } from 'kysely';
import type { DateBound, ParsedSearch, StringMatch, Token } from '../../../core/fhir/search';

export type Cond = RawBuilder<unknown>;
export const TRUE = sql`true`;
export const FALSE = sql`false`;
export const and = (cs: Cond[]): Cond => (cs.length ? sql`(${sql.join(cs, sql` and `)})` : TRUE);
export const or = (cs: Cond[]): Cond => (cs.length ? sql`(${sql.join(cs, sql` or `)})` : FALSE);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** FHIR string search: case-insensitive starts-with by default, `:contains`, `:exact`; any column. */
export function stringCond(columns: string[], m: StringMatch): Cond {
  return or(
    m.values.flatMap((v) =>
      columns.map((c) => {
        if (m.mode === 'exact') return sql`${sql.ref(c)} = ${v}`;
        const pattern =
          m.mode === 'contains' ? `%${escapeLike(v.toLowerCase())}%` : `${escapeLike(v.toLowerCase())}%`;
        return sql`lower(${sql.ref(c)}) like ${pattern}`;
      }),
    ),
  );
}

/** Token search: `system|code`, `code` (any system) or `|code` (no system); only `systems` match. */
export function tokenCond(column: string, toks: Token[], systems: (string | null)[]): Cond {
  const codes = toks.filter((t) => t.system === undefined || systems.includes(t.system)).map((t) => t.code);
  return codes.length ? sql`${sql.ref(column)} in (${sql.join(codes)})` : FALSE;
}

export function idsCond(column: string, groups: string[][], asNumber = false): Cond[] {
  return groups.map((ids) => {
    const vals = asNumber ? ids.filter((i) => /^\d{1,15}$/.test(i)).map(Number) : ids;
    return vals.length ? sql`${sql.ref(column)} in (${sql.join(vals)})` : FALSE;
  });
}

export function dateConds(column: string, bounds: DateBound[]): Cond[] {
  return bounds.map((b) => {
    const c = sql.ref(column);
    if (b.op === 'eq') return sql`(${c} >= ${b.start} and ${c} < ${b.end})`;
    if (b.op === 'gt') return sql`${c} >= ${b.end}`;
    if (b.op === 'ge') return sql`${c} >= ${b.start}`;
    if (b.op === 'lt') return sql`${c} < ${b.start}`;
    return sql`${c} < ${b.end}`; // le
  });
}

/** AND over repeats of a string parameter. */
export const strings = (p: ParsedSearch, name: string, columns: string[]) =>
  (p.strings[name] ?? []).map((m) => stringCond(columns, m));
export const tokens = (p: ParsedSearch, name: string, column: string, systems: (string | null)[]) =>
  (p.tokens[name] ?? []).map((t) => tokenCond(column, t, systems));
export const refs = (p: ParsedSearch, name: string, column: string, asNumber = true) =>
  idsCond(column, p.refs[name] ?? [], asNumber);
