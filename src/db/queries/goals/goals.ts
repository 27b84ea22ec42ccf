// Goal rows: list (with the owner's name), get, and the natural key that makes imports idempotent.
import type { Kysely } from 'kysely';
import type { GoalMetric } from '../../../core/goals/metrics';
import type { DB } from '../../schema';
import type { GoalToMeasure } from './measure';

export interface GoalFilter {
  ownerId?: number;
  activeOn?: string; // YYYY-MM-DD: periods containing this day
  scope?: 'liaison' | 'team' | 'campaign';
}

export function naturalKey(g: {
  scope: string;
  ownerId: number;
  campaignId: number | null;
  metric: string;
  serviceLine: string | null;
  periodStart: string;
  periodEnd: string;
}) {
  return [
    g.scope,
    g.ownerId,
    g.campaignId ?? '',
    g.metric,
    g.serviceLine ?? '',
    g.periodStart,
    g.periodEnd,
  ].join('|');
}

export async function listGoals(db: Kysely<DB>, f: GoalFilter = {}) {
  let q = db
    .selectFrom('goals as g')
    .innerJoin('users as u', 'u.id', 'g.owner_id')
    .leftJoin('target_lists as t', 't.id', 'g.campaign_id')
    .select([
      'g.id',
      'g.scope',
      'g.owner_id',
      'g.campaign_id',
      'g.metric',
      'g.service_line',
      'g.period_start',
      'g.period_end',
      'g.target',
      'g.within_days',
      'g.note',
      'g.version',
      'g.updated_at',
      'u.name as owner_name',
      'u.email as owner_email',
      't.name as campaign_name',
    ]);
  if (f.ownerId !== undefined) q = q.where('g.owner_id', '=', f.ownerId);
  if (f.scope) q = q.where('g.scope', '=', f.scope);
  if (f.activeOn) q = q.where('g.period_start', '<=', f.activeOn).where('g.period_end', '>=', f.activeOn);
  return q
    .orderBy('g.period_end', 'desc')
    .orderBy('u.name')
    .orderBy('g.metric')
    .orderBy('g.id')
    .limit(2000)
    .execute();
}
export type ListedGoal = Awaited<ReturnType<typeof listGoals>>[number];

export async function findGoal(db: Kysely<DB>, id: number) {
  return db.selectFrom('goals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A listed goal as measureGoal takes it. */
export const goalToMeasure = (g: ListedGoal): GoalToMeasure => ({
  scope: g.scope,
  ownerId: g.owner_id,
  campaignId: g.campaign_id,
  metric: g.metric as GoalMetric,
  serviceLine: g.service_line,
  periodStart: g.period_start,
  periodEnd: g.period_end,
  withinDays: g.within_days,
});

/** For a day with no active goal: the last day a goal period ended before it and the first day one starts after. */
export async function nearestGoalPeriods(db: Kysely<DB>, f: { ownerId?: number; day: string }) {
  let q = db
    .selectFrom('goals')
    .select((eb) => [
      eb.fn.max(eb.case().when('period_end', '<', f.day).then(eb.ref('period_end')).end()).as('last_ended'),
      eb.fn
        .min(eb.case().when('period_start', '>', f.day).then(eb.ref('period_start')).end())
        .as('next_starts'),
    ]);
  if (f.ownerId !== undefined) q = q.where('owner_id', '=', f.ownerId);
  const r = await q.executeTakeFirst();
  const iso = (v: unknown) =>
    v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
  return { lastEnded: iso(r?.last_ended), nextStarts: iso(r?.next_starts) };
}
