/**
 * Compact weekly office-hours specs (grammar in docs/formats/locations.md).
 *
 *   spec   := group (';' group)*
 *   group  := days ' ' (ranges | 'closed')
 *   days   := dayOrRange (',' dayOrRange)*      dayOrRange := Day ('-' Day)?
 *   ranges := HH:MM '-' HH:MM (',' HH:MM '-' HH:MM)*
 *   Day    := Mon | Tue | Wed | Thu | Fri | Sat | Sun
 *
 * Later groups replace earlier ones for the days they name, so
 * `Mon-Fri 08:00-17:00; Wed 08:00-12:00` means Wednesday closes at noon.
 * Days not named are closed. Pure functions, no I/O.
 */

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** [startMinute, endMinute) since midnight, 0 ≤ start < end ≤ 1440. */
export type Interval = [number, number];
export type WeeklyHours = Record<Weekday, Interval[]>;

export class HoursParseError extends Error {
  constructor(
    message: string,
    readonly spec: string,
  ) {
    super(`${message} in hours spec "${spec}"`);
    this.name = 'HoursParseError';
  }
}

export function emptyWeek(): WeeklyHours {
  return { Mon: [], Tue: [], Wed: [], Thu: [], Fri: [], Sat: [], Sun: [] };
}

const DAY_INDEX = new Map<string, number>(WEEKDAYS.map((d, i) => [d.toLowerCase(), i]));

function parseDay(tok: string, spec: string): number {
  const i = DAY_INDEX.get(tok.trim().slice(0, 3).toLowerCase());
  if (i === undefined || !/^[a-z]{3,9}$/i.test(tok.trim()))
    throw new HoursParseError(`unknown day "${tok}"`, spec);
  return i;
}

/** Parses `Mon-Wed,Fri` into weekday indexes (0 = Mon). Ranges may wrap (Sat-Mon). */
export function parseDays(text: string, spec = text): number[] {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b, extra] = part.split('-');
    if (extra !== undefined || !a) throw new HoursParseError(`bad day range "${part}"`, spec);
    const s = parseDay(a, spec);
    const e = b === undefined ? s : parseDay(b, spec);
    for (let d = s; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === e) break;
    }
  }
  return [...out].sort((x, y) => x - y);
}

function parseTime(t: string, spec: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
  if (!m) throw new HoursParseError(`bad time "${t}"`, spec);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) throw new HoursParseError(`bad time "${t}"`, spec);
  return h * 60 + min;
}

/** Parses `08:00-12:00,13:00-17:00` into sorted, merged intervals. */
export function parseRanges(text: string, spec = text): Interval[] {
  const list: Interval[] = text.split(',').map((r) => {
    const [a, b, extra] = r.split('-');
    if (a === undefined || b === undefined || extra !== undefined)
      throw new HoursParseError(`bad time range "${r}"`, spec);
    const s = parseTime(a, spec);
    const e = parseTime(b, spec);
    if (e <= s) throw new HoursParseError(`time range "${r}" ends before it starts`, spec);
    return [s, e];
  });
  list.sort((x, y) => x[0] - y[0]);
  const merged: Interval[] = [];
  for (const iv of list) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

/** Parses an hours spec. Empty / blank spec → all days closed. Throws HoursParseError. */
export function parseHours(spec: string | null | undefined): WeeklyHours {
  const week = emptyWeek();
  const src = (spec ?? '').trim();
  if (!src) return week;
  for (const raw of src.split(';')) {
    const group = raw.trim();
    if (!group) continue;
    const m = /^(\S+)\s+(.+)$/.exec(group);
    if (!m) throw new HoursParseError(`group "${group}" needs days and times`, src);
    const days = parseDays(m[1] as string, src);
    const rest = (m[2] as string).replace(/\s+/g, '');
    const ranges = /^closed$/i.test(rest) ? [] : parseRanges(rest, src);
    for (const d of days) week[WEEKDAYS[d] as Weekday] = ranges.map(([a, b]) => [a, b] as Interval);
  }
  return week;
}

export function formatMinutes(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Canonical spec: consecutive days with identical hours are grouped (`Mon-Thu 08:00-17:00; Fri 08:00-12:00`). */
export function formatHours(week: WeeklyHours): string {
  const key = (d: Weekday) => week[d].map(([a, b]) => `${formatMinutes(a)}-${formatMinutes(b)}`).join(',');
  const groups: string[] = [];
  let i = 0;
  while (i < 7) {
    const k = key(WEEKDAYS[i] as Weekday);
    let j = i;
    while (j + 1 < 7 && key(WEEKDAYS[j + 1] as Weekday) === k) j++;
    if (k) groups.push(`${WEEKDAYS[i]}${j > i ? `-${WEEKDAYS[j]}` : ''} ${k}`);
    i = j + 1;
  }
  return groups.join('; ');
}

/** Weekday of a JS Date (local time) in Rounds' Mon-first convention. */
export function weekdayOf(date: Date): Weekday {
  return WEEKDAYS[(date.getDay() + 6) % 7] as Weekday;
}

export function isOpenAt(week: WeeklyHours, day: Weekday, minute: number): boolean {
  return week[day].some(([a, b]) => minute >= a && minute < b);
}

export type VisitRuleKind = 'drop_ins' | 'no_reps' | 'lunch_and_learn' | 'appointment_only';
export interface VisitRule {
  kind: VisitRuleKind;
  days: Weekday[];
  /** Empty = all day. */
  ranges: Interval[];
}

const RULE_WORDS: [RegExp, VisitRuleKind][] = [
  [/^drop-?ins?\b/i, 'drop_ins'],
  [/^no reps?\b/i, 'no_reps'],
  [/^lunch(-and-learn|es)?\b/i, 'lunch_and_learn'],
  [/^(by )?appointment only\b/i, 'appointment_only'],
];

/** Parses `drop-ins Tue,Thu 14:00-16:00; no reps Mon` (grammar in docs/formats/locations.md). */
export function parseVisitRules(spec: string | null | undefined): VisitRule[] {
  const out: VisitRule[] = [];
  for (const raw of (spec ?? '').split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const hit = RULE_WORDS.map(([re, kind]) => ({ m: re.exec(part), kind })).find((x) => x.m);
    if (!hit?.m) throw new HoursParseError(`unknown visit rule "${part}"`, spec ?? '');
    const rest = part.slice(hit.m[0].length).trim();
    const [daysTok, ...timeToks] = rest ? rest.split(/\s+/) : [];
    const days = daysTok ? parseDays(daysTok, spec ?? '').map((d) => WEEKDAYS[d] as Weekday) : [...WEEKDAYS];
    const ranges = timeToks.length ? parseRanges(timeToks.join(''), spec ?? '') : [];
    out.push({ kind: hit.kind, days, ranges });
  }
  return out;
}
