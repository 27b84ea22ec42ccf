// Types and hooks shared by the Today, Team, Executive and Goals pages. Every dashboard answer is a
// list of panels (rows + columns + source + data date); the export links download exactly those rows.
import { useQuery } from '@tanstack/react-query';
import { DASHBOARD_DEFAULTS, utcToday } from '../../../core/dashboards/startRequests';
import { api, type Query, withQuery } from '../../api/client';

export { DASHBOARD_DEFAULTS };

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
  /** For an empty panel: a day that has rows, and why. */
  emptyHint?: { text: string; date: string };
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

/**
 * The Team map draws the counties of the states its coverage panel has values in (as MapView picks
 * them): fetch those outlines as soon as the data is here, in parallel with the page's first render,
 * rather than once the map has mounted after it.
 */
function preloadCoverageCounties(d: TeamResponse) {
  const rows = panelOf(d.panels, 'team-coverage')?.rows ?? [];
  const states = new Set(rows.map((r) => String(r.county_fips).slice(0, 2)));
  if (!states.size) return;
  void import('../../ui/map/basemap').then((b) => b.boundaries('county', states)).catch(() => {});
}

/** Each dashboard query's key and fetch, shared by the hooks below and the start-up prefetch. */
export const dashboardQueries = {
  today: (date: string, liaisonId?: number) => ({
    queryKey: ['dashboards', 'today', date, liaisonId ?? null],
    queryFn: () => api<TodayResponse>('/api/dashboards/today', { query: { date, liaisonId } }),
  }),
  team: (weeks: number) => ({
    queryKey: ['dashboards', 'team', weeks],
    queryFn: () =>
      api<TeamResponse>('/api/dashboards/team', { query: { weeks } }).then((d) => {
        preloadCoverageCounties(d);
        return d;
      }),
  }),
  executive: (months: number, serviceLine: string) => ({
    queryKey: ['dashboards', 'executive', months, serviceLine],
    queryFn: () => api<ExecutiveResponse>('/api/dashboards/executive', { query: { months, serviceLine } }),
  }),
  goals: (activeOn: string, ownerId?: number) => ({
    queryKey: ['goals', activeOn, ownerId ?? null],
    queryFn: () => api<Panel>('/api/goals', { query: { activeOn, ownerId } }),
  }),
  returnOnVisit: (by: string, windowMonths: number) => ({
    queryKey: ['dashboards', 'rov', by, windowMonths],
    queryFn: () =>
      api<{ panel: Panel; definitions: string[] }>('/api/dashboards/return-on-visit', {
        query: { by, windowMonths },
      }),
  }),
};

export const useToday = (date: string, liaisonId?: number) =>
  useQuery(dashboardQueries.today(date, liaisonId));
export const useTeam = (weeks: number) => useQuery(dashboardQueries.team(weeks));
export const useExecutive = (months: number, serviceLine: string) =>
  useQuery(dashboardQueries.executive(months, serviceLine));
export const useGoals = (activeOn: string, ownerId?: number) =>
  useQuery(dashboardQueries.goals(activeOn, ownerId));
export const useReturnOnVisit = (by: string, windowMonths: number) =>
  useQuery(dashboardQueries.returnOnVisit(by, windowMonths));

/** Defaults each dashboard opens with (the pages start from these). */

/** Download URLs (same-origin GETs: the session cookie authorizes them). */
export const panelFileUrl = (id: string, format: 'csv' | 'xlsx', params: Query = {}) =>
  withQuery(`/api/reports/panels/${id}`, { ...params, format });
export const dashboardFileUrl = (name: string, format: 'xlsx' | 'pdf', params: Query = {}) =>
  withQuery(`/api/reports/dashboards/${name}`, { ...params, format });

export const isoToday = () => utcToday();
export const pct = (x: unknown, digits = 0) =>
  typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(digits)} %` : '—';
