// Types and hooks shared by the Today, Team, Executive and Goals pages. Every dashboard answer is a
// list of panels (rows + columns + source + data date); the export links download exactly those rows.
import { useQuery } from '@tanstack/react-query';
import { api, type Query, withQuery } from '../../api/client';

export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'money';
export type PanelColumn = { key: string; label: string; kind?: ColumnKind };
export type PanelRow = Record<string, unknown>;
export type Panel = {
  id: string;
  title: string;
  source: string;
  dataDate: string | null;
  definition?: string;
  columns: PanelColumn[];
  rows: PanelRow[];
  link?: string;
};

export type GoalStatus = 'met' | 'ahead' | 'on_track' | 'behind' | 'not_started' | 'missed';
export type DataDates = { activities: string | null; referrals: string | null; today: string };

export type TodayResponse = {
  date: string;
  user: { id: number; name: string; role: string } | null;
  hasRoute: boolean;
  routeId: number | null;
  dataDates: DataDates;
  panels: Panel[];
};
export type TeamResponse = {
  asOf: string;
  from: string;
  weeks: number;
  dataDates: DataDates;
  panels: Panel[];
};
export type ExecutiveResponse = {
  dataDate: string | null;
  months: number;
  serviceLine: string | null;
  panels: Panel[];
};

export const panelOf = (panels: Panel[] | undefined, id: string) => panels?.find((p) => p.id === id);

export function useToday(date: string, liaisonId?: number) {
  return useQuery({
    queryKey: ['dashboards', 'today', date, liaisonId ?? null],
    queryFn: () => api<TodayResponse>('/api/dashboards/today', { query: { date, liaisonId } }),
  });
}
export function useTeam(weeks: number) {
  return useQuery({
    queryKey: ['dashboards', 'team', weeks],
    queryFn: () => api<TeamResponse>('/api/dashboards/team', { query: { weeks } }),
  });
}
export function useExecutive(months: number, serviceLine: string) {
  return useQuery({
    queryKey: ['dashboards', 'executive', months, serviceLine],
    queryFn: () => api<ExecutiveResponse>('/api/dashboards/executive', { query: { months, serviceLine } }),
  });
}
export function useGoals(activeOn: string, ownerId?: number) {
  return useQuery({
    queryKey: ['goals', activeOn, ownerId ?? null],
    queryFn: () => api<Panel>('/api/goals', { query: { activeOn, ownerId } }),
  });
}
export function useReturnOnVisit(by: string, windowMonths: number) {
  return useQuery({
    queryKey: ['dashboards', 'rov', by, windowMonths],
    queryFn: () =>
      api<{ panel: Panel; definitions: string[] }>('/api/dashboards/return-on-visit', {
        query: { by, windowMonths },
      }),
  });
}

/** Download URLs (same-origin GETs: the session cookie authorizes them). */
export const panelFileUrl = (id: string, format: 'csv' | 'xlsx', params: Query = {}) =>
  withQuery(`/api/reports/panels/${id}`, { ...params, format });
export const dashboardFileUrl = (name: string, format: 'xlsx' | 'pdf', params: Query = {}) =>
  withQuery(`/api/reports/dashboards/${name}`, { ...params, format });

export const isoToday = () => new Date().toISOString().slice(0, 10);
export const pct = (x: unknown, digits = 0) =>
  typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(digits)} %` : '—';
