// Calendar months as integers (year * 12 + month0) so series arithmetic is plain subtraction.
// 'YYYY-MM' is the only text form that leaves this module.

export type MonthIndex = number;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthString(s: string): boolean {
  return MONTH_RE.test(s);
}

/** 'YYYY-MM' (or a 'YYYY-MM-DD' date) → month index; throws on anything else. */
export function parseMonth(s: string): MonthIndex {
  const m = MONTH_RE.exec(s.slice(0, 7));
  if (!m || (s.length !== 7 && !/^\d{4}-\d{2}-\d{2}$/.test(s)))
    throw new Error(`not a YYYY-MM month: "${s}"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function formatMonth(i: MonthIndex): string {
  const y = Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** First day of the month as 'YYYY-MM-01' (how months are stored in the database). */
export function monthStartDate(i: MonthIndex): string {
  return `${formatMonth(i)}-01`;
}

/** Inclusive range of month indexes. */
export function monthRange(from: MonthIndex, to: MonthIndex): MonthIndex[] {
  const out: MonthIndex[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}

/** Month of year 0–11 (for seasonal indexes). */
export const monthOfYear = (i: MonthIndex): number => ((i % 12) + 12) % 12;
