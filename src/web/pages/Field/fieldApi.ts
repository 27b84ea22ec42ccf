// Data for the field app: the day's bundle (cached by the service worker for offline use) and the
// device outbox (everything saved on the phone, synced in the background).

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { groupShifts } from '../../../core/referrals/shiftGroups';
import { api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { addToOutbox, listOutbox, newKey, nextSeq, onOutboxChange, type StoredItem } from '../../pwa/outbox';
import { getSyncState, onSynced, requestSync, subscribeSync } from '../../pwa/sync';
import type { SyncKind } from '../../pwa/syncEngine';

export type Provider = { npi: string; name: string; score: number | null };
export type Visit = {
  seq: number;
  stopId: string;
  locationId: number;
  name: string;
  address: string;
  lat: number;
  lon: number;
  providers: Provider[];
  visitType: string;
  durationMin: number;
  times: { arrival: string; start: string; end: string };
  done: boolean;
  activityId: number | null;
  hours: string | null;
  visitRules: string | null;
};
export type Route = {
  id: number;
  date: string;
  visits: Visit[];
  settings: { start: { lat: number; lon: number; label: string } };
  mileage: { km: number; miles: number; basis: string };
  travel: { label: string };
  totals: { stops: number; travelMinutes: number };
  links: { google: string[]; apple: string };
};
export type Note = {
  activityId: number;
  at: string;
  type: string;
  outcome: string | null;
  text: string;
  by: string | null;
};
export type ProviderCard = {
  npi: string;
  name: string;
  specialty: string | null;
  address: string;
  phone: string | null;
  tier: string | null;
  lastVisitAt: string | null;
  openIssues: number;
  referrals: {
    last6Months: number;
    prior6Months: number;
    leakedLast12: number;
    leakageServiceLines: string[];
    segment: string | null;
  } | null;
  recentNotes: Note[];
};
export type OrgCard = {
  id: number;
  name: string;
  networkStatus: string;
  phone: string | null;
  locations: {
    id: number;
    name: string;
    address: string;
    phone: string | null;
    hours: string | null;
    visitRules: string | null;
  }[];
  recentNotes: Note[];
};
export type Task = {
  id: number;
  title: string;
  due_on: string | null;
  status: string;
  version: number;
  provider_name: string | null;
  organization_name: string | null;
  overdue?: boolean;
};
export type Alert = {
  id: number;
  referring_npi: string;
  service_line: string;
  target: string;
  direction: string;
  q_value: number;
  providerName: string;
};

/** The bundle's alerts as a person reads them: one entry per physician × service line (a drop in ours and
 * a rise to competitors are one shift). */
export const fieldShifts = (alerts: readonly Alert[]) =>
  groupShifts(alerts, (a) => `${a.referring_npi}|${a.service_line}`);
export type Bundle = {
  date: string;
  generatedAt: string;
  referralSource: { source: string; dataDate: string | null; window: { from: string; to: string } | null };
  route: (Route & { organizationIdByStop?: never }) | null;
  /** Check-ins the server has for today's stops (made on this or another phone). */
  checkins: {
    key: string;
    stopId: string;
    distanceM: number | null;
    at: string;
    activityId: number | null;
  }[];
  targets: { npi: string; name: string; priority: number; dueVisit: boolean; why: string[] }[];
  providers: ProviderCard[];
  organizations: OrgCard[];
  tasks: Task[];
  alerts: Alert[];
};

/** Today in the device's time zone (the liaison's day), YYYY-MM-DD. */
export function localToday(d = new Date()) {
  const z = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())}`;
}

export const bundleKey = (date: string) => ['field', 'bundle', date] as const;

export function useFieldBundle(date = localToday()) {
  const qc = useQueryClient();
  useEffect(() => {
    const off = onSynced(() => void qc.invalidateQueries({ queryKey: ['field'] }));
    return () => {
      off();
    };
  }, [qc]);
  return useQuery({
    queryKey: bundleKey(date),
    queryFn: ({ signal }) => api<Bundle>('/api/field/bundle', { query: { date }, signal }),
    staleTime: 60_000,
    networkMode: 'always',
  });
}

export function useSyncState() {
  return useSyncExternalStore(subscribeSync, getSyncState);
}

/** This user's unsynced items (pending, conflicts, rejected), live. */
export function useOutbox() {
  const me = useMe().data;
  const [items, setItems] = useState<StoredItem[]>([]);
  useEffect(() => {
    if (!me || me.id === null) return;
    const userId = me.id;
    let alive = true;
    const load = () =>
      void listOutbox(userId)
        .then((x) => alive && setItems(x))
        .catch(() => {});
    load();
    const off = onOutboxChange(load);
    return () => {
      alive = false;
      off();
    };
  }, [me]);
  return items;
}

/** Saves a mutation on the device first, then tries to sync it (at once when online). */
export async function queue(
  userId: number | null,
  kind: SyncKind,
  label: string,
  payload: Record<string, unknown>,
  opts: { baseVersion?: number; key?: string } = {},
) {
  if (userId === null) throw new Error('Sign in with a user account to save field work');
  const item: StoredItem = {
    idempotencyKey: opts.key ?? newKey(kind),
    kind,
    baseVersion: opts.baseVersion,
    payload,
    seq: nextSeq(),
    createdAt: new Date().toISOString(),
    label,
    state: 'pending',
    attempts: 0,
    userId,
  };
  await addToOutbox(item);
  void requestSync();
  return item;
}
