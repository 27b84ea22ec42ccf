// Formatting shared by every page, so dates and numbers read the same everywhere.
import { casedName } from '../../core/capitals';

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const numFmt = new Intl.NumberFormat();

const toDate = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v);

export const formatDate = (v: string | Date | null | undefined) => (v ? dateFmt.format(toDate(v)) : '—');
export const formatDateTime = (v: string | Date | null | undefined) =>
  v ? dateTimeFmt.format(toDate(v)) : '—';
export const formatNumber = (v: number | null | undefined) => (v == null ? '—' : numFmt.format(v));

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
/** "3 minutes ago", "in 2 hours", "yesterday". */
export function relativeTime(v: string | Date, now = Date.now()): string {
  const s = Math.round((toDate(v).getTime() - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(s / 86400), 'day');
  return formatDate(v);
}

/** A place name from an all-capitals registry ("MOUNT JULIET") as people write it (core/capitals.ts). */
export function placeName(v: string | null | undefined): string {
  return v ? casedName(v) : '';
}
