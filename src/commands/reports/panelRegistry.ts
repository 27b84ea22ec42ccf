// Every exportable dashboard panel by id, rebuilt for the viewer from the same code as the page.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { buildExecutive } from '../dashboards/executive';
import { DashboardError, isoToday, type Panel, type Viewer } from '../dashboards/panel';
import { buildReturnOnVisitPanel, type RovDimension } from '../dashboards/returnOnVisit';
import { buildTeam } from '../dashboards/team';
import { buildToday } from '../dashboards/today';
import { goalsPanel } from '../goals/panel';

export interface PanelParams {
  date?: string;
  liaisonId?: number;
  weeks?: number;
  months?: number;
  serviceLine?: string;
  windowMonths?: number;
}

const MANAGERS_AND_ANALYSTS = new Set(['admin', 'manager', 'analyst']);

export const PANEL_IDS = [
  'today-route',
  'today-follow-ups',
  'today-overdue',
  'today-alerts',
  'today-new-to-market',
  'team-activity-heatmap',
  'team-activity-by-type',
  'team-coverage',
  'team-overdue-a-tier',
  'team-issues-by-age',
  'team-issues-open',
  'team-goal-attainment',
  'team-leaderboard',
  'exec-share-trend',
  'exec-movers',
  'exec-leakage-value',
  'exec-leakage-referrers',
  'exec-new-physicians-trend',
  'exec-new-physicians',
  'rov-liaison',
  'rov-type',
  'rov-campaign',
  'rov-tag',
  'rov-all',
  'goals',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Whose Today a viewer may open: their own; managers and admins anyone's. */
export function todayUserId(viewer: Viewer, liaisonId?: number): number {
  if (liaisonId !== undefined && liaisonId !== viewer.id) {
    if (viewer.role !== 'admin' && viewer.role !== 'manager')
      throw new DashboardError('liaisonId: only managers may open another liaison’s Today', 403);
    return liaisonId;
  }
  if (viewer.id === null)
    throw new DashboardError('liaisonId: an API token has no Today of its own; pass liaisonId');
  return viewer.id;
}

export async function buildPanel(
  db: Kysely<DB>,
  viewer: Viewer,
  id: PanelId,
  p: PanelParams,
): Promise<Panel> {
  let panels: Panel[];
  if (id.startsWith('today-'))
    panels = (await buildToday(db, todayUserId(viewer, p.liaisonId), p.date ?? isoToday())).panels;
  else if (id.startsWith('team-')) {
    if (!MANAGERS_AND_ANALYSTS.has(viewer.role))
      throw new DashboardError('The team dashboard is for managers and analysts', 403);
    panels = (await buildTeam(db, viewer, { weeks: p.weeks ?? 12 })).panels;
  } else if (id.startsWith('exec-'))
    panels = (await buildExecutive(db, { months: p.months ?? 24, serviceLine: p.serviceLine })).panels;
  else if (id.startsWith('rov-'))
    panels = [
      await buildReturnOnVisitPanel(db, {
        windowMonths: p.windowMonths ?? 3,
        by: id.slice(4) as RovDimension,
      }),
    ];
  else panels = [await goalsPanel(db, viewer, p.date ?? isoToday())];
  const found = panels.find((x) => x.id === id);
  if (!found) throw new DashboardError(`panel: no panel "${id}"`, 404);
  return found;
}
