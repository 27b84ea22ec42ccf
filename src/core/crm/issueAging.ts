// Physician-issue age: days open counts calendar days from when it was raised to when it was
// resolved (or to today while it is still open). Buckets are the aging view's columns.
import { daysBetween } from './visitCadence';

export const ISSUE_CATEGORIES = ['access', 'scheduling', 'communication', 'quality', 'billing'] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const AGING_BUCKETS = [
  { key: '0-7', label: '0–7 days', min: 0, max: 7 },
  { key: '8-30', label: '8–30 days', min: 8, max: 30 },
  { key: '31-90', label: '31–90 days', min: 31, max: 90 },
  { key: '90+', label: 'over 90 days', min: 91, max: Number.POSITIVE_INFINITY },
] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number]['key'];

export function daysOpen(
  openedOn: string | Date,
  resolvedOn: string | Date | null,
  today: string | Date,
): number {
  return Math.max(0, daysBetween(openedOn, resolvedOn ?? today));
}

export function agingBucket(days: number): AgingBucket {
  for (const b of AGING_BUCKETS) if (days >= b.min && days <= b.max) return b.key;
  return '0-7'; // negative ages (clock skew) count as new
}

/** Counts of unresolved issues per bucket, plus the ids in each (so every number is traceable). */
export function agingSummary(
  issues: { id: number; openedOn: string | Date; status: string }[],
  today: string | Date,
): Record<AgingBucket, { count: number; ids: number[] }> {
  const out = Object.fromEntries(
    AGING_BUCKETS.map((b) => [b.key, { count: 0, ids: [] as number[] }]),
  ) as Record<AgingBucket, { count: number; ids: number[] }>;
  for (const i of issues) {
    if (i.status === 'resolved') continue;
    const b = out[agingBucket(daysOpen(i.openedOn, null, today))];
    b.count++;
    b.ids.push(i.id);
  }
  return out;
}
