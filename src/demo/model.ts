/** Shared in-memory types of the demo market (organizations and offices are small; providers are typed arrays). */
import type { ServiceLineKey } from '../core/serviceLines';

export type OrgType = 'health_system' | 'hospital' | 'asc' | 'imaging' | 'clinic' | 'practice' | 'group';
export type NetworkStatus = 'ours' | 'affiliated' | 'independent' | 'competitor';

export interface Org {
  idx: number;
  npi: number;
  name: string;
  legalName: string;
  type: OrgType;
  status: NetworkStatus;
  /** Health-system index (0 = ours, 1–2 competitors) or -1 for independents. */
  system: number;
  parent: number;
  facilityCode: string;
  lines: ServiceLineKey[];
  primaryLine: ServiceLineKey;
  taxonomy: string;
  capacity: number;
  locations: number[];
  enumerationDay: number;
}

export interface Loc {
  id: string;
  org: number;
  name: string;
  line1: string;
  line2: string;
  city: string;
  zip: string;
  zip4: string;
  countyIdx: number;
  countyFips: string;
  lat: number;
  lon: number;
  phone: string;
  fax: string;
  hours: string;
  rules: string;
}

export interface GenerateOptions {
  seed: number;
  providers?: number;
  organizations?: number;
  months?: number;
  /** Last month of referral data, YYYY-MM. */
  endMonth?: string;
  /**
   * Last day of CRM activity (visits, tasks, issues, goals), YYYY-MM-DD: the first start passes
   * yesterday, so the demo's liaisons worked up to today while referral data, like a real monthly
   * export, stops at the end of endMonth. Default (and never earlier than): that last day.
   */
  crmEnd?: string;
  outDir: string;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export interface Params {
  seed: number;
  providers: number;
  organizations: number;
  months: number;
  endMonth: string;
  /** day number of the last day of CRM activity (≥ the last day of endMonth) */
  crmEndDay: number;
  /** Month index 0 = first month of the window. */
  startYear: number;
  startMonth0: number;
}

export const OUR_NETWORK = (o: Org): boolean => o.system === 0 || o.status === 'affiliated';

/** Days since 1970-01-01 (UTC) ↔ calendar helpers (no Date.now anywhere). */
export function dayNumber(y: number, m1: number, d: number): number {
  return Math.floor(Date.UTC(y, m1 - 1, d) / 86_400_000);
}
export function fromDayNumber(n: number): { y: number; m: number; d: number; dow: number } {
  const dt = new Date(n * 86_400_000);
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    dow: (dt.getUTCDay() + 6) % 7,
  };
}
const p2 = (n: number) => String(n).padStart(2, '0');
export function isoDate(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${y}-${p2(m)}-${p2(d)}`;
}
export function usDate(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${p2(m)}/${p2(d)}/${y}`;
}
/** Calendar month of window month index t. */
export function monthOf(p: Params, t: number): { y: number; m: number } {
  const k = p.startYear * 12 + p.startMonth0 + t;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}
export function monthLabel(p: Params, t: number): string {
  const { y, m } = monthOf(p, t);
  return `${y}-${p2(m)}`;
}
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
/** First day number of window month t. */
export function monthStartDay(p: Params, t: number): number {
  const { y, m } = monthOf(p, t);
  return dayNumber(y, m, 1);
}

/**
 * The dates a first start generates the demo for, from the calendar day it runs on (the only
 * clock the demo reads): referrals through the last complete month, as a monthly export would
 * deliver them, and liaison activity through yesterday.
 */
export function demoDatesFor(today: { y: number; m: number; d: number }): {
  endMonth: string;
  crmEnd: string;
} {
  const lastMonth = fromDayNumber(dayNumber(today.y, today.m, 0));
  return {
    endMonth: `${lastMonth.y}-${p2(lastMonth.m)}`,
    crmEnd: isoDate(dayNumber(today.y, today.m, today.d) - 1),
  };
}
