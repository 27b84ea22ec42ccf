// The goals table as a panel (Goals page, exports, monthly report): liaisons see their own goals,
// managers, admins and analysts everyone's.
import type { Kysely } from 'kysely';
import { nearestGoalPeriods } from '../../db/queries/goals/goals';
import type { DB } from '../../db/schema';
import { type Panel, panel, type Viewer } from '../dashboards/panel';
import { goalsWithProgress } from './progress';

export async function goalsPanel(
  db: Kysely<DB>,
  viewer: Viewer,
  activeOn: string,
  ownerId?: number,
): Promise<Panel> {
  const own = viewer.role === 'liaison' ? (viewer.id ?? -1) : ownerId;
  const { goals, dataDates } = await goalsWithProgress(db, { ownerId: own, activeOn }, activeOn);
  const dataDate =
    [
      dataDates.activities && `activities through ${dataDates.activities}`,
      dataDates.referrals && `referrals through ${dataDates.referrals}`,
    ]
      .filter(Boolean)
      .join('; ') || null;
  const near = goals.length ? null : await nearestGoalPeriods(db, { ownerId: own, day: activeOn });
  const emptyHint = near?.lastEnded
    ? { text: `The latest goal period ended on ${near.lastEnded}.`, date: near.lastEnded }
    : near?.nextStarts
      ? { text: `The next goal period starts on ${near.nextStarts}.`, date: near.nextStarts }
      : undefined;
  const out = panel(
    {
      id: 'goals',
      title: `Goals active on ${activeOn}`,
      source: 'Goals; CRM activities and issues; internal referrals',
      dataDate,
    },
    {
      owner: 'Owner',
      scope: 'Scope',
      metric: 'Metric',
      service_line: 'Service line',
      period: 'Period',
      target: ['Target', 'number'],
      value: ['Actual', 'number'],
      progress: ['Progress', 'percent'],
      pace: ['Pace', 'percent'],
      projection: ['Projected', 'number'],
      low: ['Projection low (90 %)', 'number'],
      high: ['Projection high (90 %)', 'number'],
      status: 'Status',
      as_of: ['Through', 'date'],
      source: 'Source',
    },
    goals.map((g) => ({
      id: g.id,
      owner_id: g.owner_id,
      owner: g.owner_name,
      scope: g.scope,
      metric: g.definition.label,
      metric_key: g.metric,
      unit: g.definition.unit,
      service_line: g.service_line ?? '',
      period: `${g.period_start} – ${g.period_end}`,
      target: g.target,
      value: r3(g.progress.value),
      progress: r3(g.progress.progress),
      pace: g.progress.pace === null ? null : r3(g.progress.pace),
      projection: r3(g.progress.projection),
      low: r3(g.progress.interval[0]),
      high: r3(g.progress.interval[1]),
      status: g.progress.status,
      as_of: g.measured.asOf,
      source: g.measured.source,
      elapsed: r3(g.progress.elapsed),
      definition: g.definition.definition,
      version: g.version,
    })),
  );
  return emptyHint ? { ...out, emptyHint } : out;
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
