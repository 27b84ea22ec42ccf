// Route-planner API hooks and response types (server: src/server/routes/routes-planner).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { settingsBody } from './daySettings';

export type Provider = { npi: string; name: string; score: number | null };
export type Visit = {
  seq: number;
  stopId: string;
  name: string;
  address: string;
  lat: number;
  lon: number;
  geoPrecision: string | null;
  providers: Provider[];
  priority: number;
  prioritySource: 'target-score' | 'tier' | 'default';
  why: string[];
  visitType: 'drop_in' | 'visit' | 'lunch_and_learn';
  durationMin: number;
  /** A fixed appointment's time (minutes after midnight), else null. */
  appointmentAt: number | null;
  hours: string | null;
  visitRules: string | null;
  arrival: number;
  start: number;
  end: number;
  waitMin: number;
  pinned: boolean;
  done: boolean;
  activityId: number | null;
};
export type Unassigned = {
  stopId: string;
  name: string;
  /** NPIs of the physicians at the office. */
  npis: string[];
  lat: number | null;
  lon: number | null;
  priority: number | null;
  reason: 'closed' | 'no-time' | 'low-priority';
  reasonText: string;
};
export type Travel = { source: 'estimate' | 'osrm' | 'valhalla'; label: string; estimate: boolean };
export type RoutePlan = {
  id: number;
  version: number;
  status: string;
  date: string;
  weekday: string;
  liaison: { id: number; email: string; name: string } | null;
  settings: {
    start: { lat: number; lon: number; label: string };
    end: { lat: number; lon: number; label: string };
    startIsDefault: boolean;
    timeLimitMs: number;
  };
  travel: Travel;
  departure: number;
  returnAt: number;
  lunch: { start: number; end: number } | null;
  visits: Visit[];
  unassigned: Unassigned[];
  skipped: { what: string; reason: string }[];
  totals: {
    stops: number;
    planned: number;
    travelMinutes: number;
    priority: number;
    priorityAvailable: number;
  };
  mileage: { km: number; miles: number; basis: string };
  links: { google: string[]; apple: string };
  solver: { ms: number; timeLimitMs: number; seed: number; feasible: boolean };
};
export type PlanSummary = {
  id: number;
  date: string;
  weekday: string;
  status: string;
  stops: number;
  planned: number;
  left: number;
  travelMinutes: number;
  km: number;
  miles: number;
  travel: Travel;
  visits: (Omit<ProposedVisit, 'waitMin'> & { done: boolean })[];
};
export type WeekDay = {
  date: string | null;
  weekday: string;
  travelMinutes: number;
  km: number;
  miles: number;
  visits: ProposedVisit[];
};
/** A visit of a proposed (unsaved) day: the week's and the team's. */
export type ProposedVisit = {
  seq: number;
  stopId: string;
  name: string;
  lat: number;
  lon: number;
  start: number;
  end: number;
  waitMin: number;
};
export type Week = {
  start: string;
  saved: PlanSummary[];
  proposal: null | {
    travel: Travel;
    days: WeekDay[];
    unassigned: { stopId: string; name: string; reason: string }[];
    totals: { stops: number; planned: number; travelMinutes: number; km: number };
  };
};

export type PlanInput = {
  liaison?: string;
  date: string;
  targets?: 'due' | 'list';
  locationIds?: number[];
  limit?: number;
  timeLimitSec?: number;
} & Partial<ReturnType<typeof settingsBody>>;

/** Minutes after midnight → "HH:MM", rounded to the nearest minute like the server and the ICS export. */
export const hhmm = (m: number) => {
  const r = Math.round(m);
  return `${String(Math.floor(r / 60)).padStart(2, '0')}:${String(r % 60).padStart(2, '0')}`;
};

export function useDayPlans(liaison: string | undefined, date: string) {
  return useQuery({
    queryKey: ['routes', 'list', liaison ?? 'me', date],
    queryFn: () => api<{ items: PlanSummary[] }>('/api/routes', { query: { liaison, from: date, to: date } }),
  });
}

export function useRoutePlan(id: number | null) {
  return useQuery({
    queryKey: ['routes', 'plan', id],
    queryFn: () => api<RoutePlan>(`/api/routes/${id}`),
    enabled: id !== null,
  });
}

export function useWeek(
  liaison: string | undefined,
  start: string,
  targets: 'due' | 'list' | '',
  /** the day settings as the week query takes them (daySettings.ts weekQueryOf); only a proposal uses them */
  settings: Record<string, string | undefined> = {},
) {
  const used = targets ? settings : {};
  return useQuery({
    queryKey: ['routes', 'week', liaison ?? 'me', start, targets, used],
    queryFn: () =>
      api<Week>('/api/routes/week', {
        query: { liaison, start, days: 5, targets: targets || undefined, ...used },
      }),
  });
}

function useSetPlan() {
  const qc = useQueryClient();
  return (p: RoutePlan) => {
    qc.setQueryData(['routes', 'plan', p.id], p);
    void qc.invalidateQueries({ queryKey: ['routes', 'list'] });
    void qc.invalidateQueries({ queryKey: ['routes', 'week'] });
  };
}

export function usePlanDay() {
  const set = useSetPlan();
  return useMutation({
    mutationFn: (body: PlanInput) => api<RoutePlan>('/api/routes/plan', { body }),
    onSuccess: set,
  });
}

export function useReorder(id: number) {
  const set = useSetPlan();
  return useMutation({
    mutationFn: (body: { order: string[]; pinned: string[]; timeLimitSec: number; version: number }) =>
      api<RoutePlan>(`/api/routes/${id}/reorder`, { body }),
    onSuccess: set,
  });
}

export function useMarkDone(id: number) {
  const set = useSetPlan();
  return useMutation({
    mutationFn: (v: { stopId: string; at?: string }) =>
      api<RoutePlan>(`/api/routes/${id}/visits/${v.stopId}/done`, { body: v.at ? { at: v.at } : {} }),
    onSuccess: set,
  });
}

export type HomeBase = { place: import('./daySettings').Place; lat: number; lon: number; label: string };

/** The liaison's home base (you when `liaison` is empty): where a day with no start begins and ends. */
export function useHomeBase(liaison: string | undefined) {
  return useQuery({
    queryKey: ['routes', 'home-base', liaison ?? 'me'],
    queryFn: () =>
      api<{ homeBase: HomeBase | null }>('/api/routes/home-base', { query: { liaison } }).then(
        (r) => r.homeBase,
      ),
  });
}

export function useSetHomeBase(liaison: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (place: import('./daySettings').Place | null) =>
      api<{ homeBase: HomeBase | null }>('/api/routes/home-base', {
        method: 'PUT',
        body: { liaison, place },
      }),
    onSuccess: (r) => qc.setQueryData(['routes', 'home-base', liaison ?? 'me'], r.homeBase),
  });
}
