// The liaison's Today page: goal rings, today's route (or "Plan my day"), follow-ups due, book
// physicians overdue for a visit, new shifting-referrer alerts in territory, new-to-market physicians.
import type { Kysely } from 'kysely';
import { percentChance } from '../../core/referrals/chance';
import { alertLineLabel, groupShifts, groupWords } from '../../core/referrals/shiftGroups';
import type { PlanResult } from '../../core/routing/plan/types';
import { overdueATier } from '../../db/queries/dashboards/team';
import { dueFollowUps, newToMarketInTerritory, routeForDay } from '../../db/queries/dashboards/today';
import { listAlerts } from '../../db/queries/referrals/alerts';
import { referralDataDate } from '../../db/queries/referrals/network';
import type { DB } from '../../db/schema';
import { goalsWithProgress } from '../goals/progress';
import { hhmm } from '../routes/present';
import type { RouteStop } from '../routes/types';
import { OVERDUE_COLUMNS, type Panel, panel } from './panel';

/** The saved plan's visits in order, with the office, the physicians there, arrival time and why. */
function routeStops(plan: { result: unknown; stops: unknown } | undefined) {
  if (!plan) return [];
  const result = plan.result as PlanResult | null;
  const stops = new Map(((plan.stops as RouteStop[]) ?? []).map((s) => [s.id, s]));
  return (result?.days?.[0]?.visits ?? []).map((v, i) => {
    const s = stops.get(v.stopId);
    return {
      order: i + 1,
      name: s?.name ?? v.stopId,
      physicians: (s?.providers ?? []).map((p) => p.name).join('; '),
      npi: s?.providers?.[0]?.npi ?? null,
      arrival: hhmm(v.start),
      why: (s?.why ?? []).join('; '),
    };
  });
}

export async function buildToday(db: Kysely<DB>, userId: number, date: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const [goals, plan, followUps, overdue, alerts, fresh, refDate] = await Promise.all([
    goalsWithProgress(db, { ownerId: userId, activeOn: date }, date),
    routeForDay(db, userId, date),
    dueFollowUps(db, userId, date),
    overdueATier(db, [userId], date, 25),
    listAlerts(db, { status: 'new', territoryUserId: userId, limit: 20, offset: 0 }),
    newToMarketInTerritory(db, userId, date),
    referralDataDate(db),
  ]);
  const today = { dataDate: date };
  const panels: Panel[] = [
    panel(
      {
        id: 'today-route',
        title: plan ? 'Today’s route' : 'No route planned for today',
        source: 'Route planner (saved plan)',
        ...today,
        link: '/routes',
      },
      { order: ['#', 'number'], arrival: 'Starts', name: 'Office', physicians: 'Physicians', why: 'Why' },
      routeStops(plan),
    ),
    panel(
      { id: 'today-follow-ups', title: 'Follow-ups due', source: 'CRM tasks', ...today, link: '/tasks' },
      {
        title: 'Task',
        provider: 'Physician',
        due_on: ['Due', 'date'],
        overdue_days: ['Days overdue', 'number'],
      },
      followUps,
    ),
    panel(
      {
        id: 'today-overdue',
        title: 'A-tier physicians overdue for a visit',
        source: 'CRM relationships + activities',
        ...today,
        link: '/providers/{npi}',
        definition:
          'A-tier relationships you own whose last visit is older than their desired frequency (weekly 7 d, biweekly 14 d, monthly 31 d, quarterly 92 d).',
      },
      OVERDUE_COLUMNS,
      overdue,
    ),
    panel(
      {
        id: 'today-alerts',
        title: 'New shifting-referrer alerts in your territory',
        source: 'Shifting-referrer detector (internal referrals)',
        dataDate: refDate,
        link: '/providers/{npi}',
      },
      {
        name: 'Physician',
        service_line: 'Service line',
        shift: 'Shift',
        chance: 'Chance alone',
      },
      // one row per physician × service line: a drop in ours and a rise to competitors are one shift
      groupShifts(alerts, (a) => `${a.referringNpi}|${a.serviceLine}`)
        .slice(0, 10)
        .map((g) => ({
          id: g[0]!.id,
          npi: g[0]!.referringNpi,
          name: g[0]!.physician ?? g[0]!.referringNpi,
          service_line: alertLineLabel(g[0]!.serviceLine),
          shift: groupWords(g.map((a) => ({ target: a.target, direction: a.direction }))),
          chance: percentChance(Math.min(...g.map((a) => a.qValue))),
        })),
    ),
    panel(
      {
        id: 'today-new-to-market',
        title: 'New to the market in your territory',
        source: 'NPPES (directory arrivals)',
        ...today,
        link: '/providers/{npi}',
      },
      {
        name: 'Physician',
        taxonomy: 'Specialty',
        city: 'City',
        arrived_at: ['Arrived', 'date'],
        reason: 'Why',
      },
      fresh,
    ),
  ];
  return {
    date,
    user,
    hasRoute: !!plan,
    routeId: plan?.id ?? null,
    goals: goals.goals,
    dataDates: goals.dataDates,
    panels,
  };
}
