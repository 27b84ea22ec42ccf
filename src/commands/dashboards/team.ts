// The manager's Team page: activity by liaison × week and by type, territory coverage by county,
// A-tier physicians overdue, open physician issues by age, goal attainment and a leaderboard.
import type { Kysely } from 'kysely';
import { ownerIdsForScope } from '../../db/queries/crm/scope';
import {
  activityByWeek,
  coverageByCounty,
  liaisonsOf,
  openIssuesByAge,
  overdueATier,
} from '../../db/queries/dashboards/team';
import { dataDates } from '../../db/queries/goals/measure';
import type { DB } from '../../db/schema';
import { goalsWithProgress } from '../goals/progress';
import { addDays, col, type Panel, type Viewer } from './panel';

const AGE_BUCKETS: [string, number][] = [
  ['0–7 d', 7],
  ['8–30 d', 30],
  ['31–90 d', 90],
  ['> 90 d', Number.POSITIVE_INFINITY],
];

export async function teamOwnerIds(db: Kysely<DB>, viewer: Viewer) {
  return viewer.role === 'manager' ? ownerIdsForScope(db, viewer.id, 'team') : null;
}

export async function buildTeam(db: Kysely<DB>, viewer: Viewer, q: { weeks: number; asOf?: string }) {
  const ownerIds = await teamOwnerIds(db, viewer);
  const dates = await dataDates(db);
  // Demo and imported logs end at their data date: measure "now" there rather than at an empty today.
  const asOf =
    q.asOf ?? (dates.activities && dates.activities < dates.today ? dates.activities : dates.today);
  const from = addDays(asOf, -7 * q.weeks + 1);
  const [acts, overdue, issues, coverage, liaisons, goals] = await Promise.all([
    activityByWeek(db, ownerIds, from, asOf),
    overdueATier(db, ownerIds, asOf),
    openIssuesByAge(db, ownerIds, asOf),
    coverageByCounty(db, ownerIds, asOf),
    liaisonsOf(db, ownerIds),
    goalsWithProgress(db, { activeOn: asOf }, asOf),
  ]);
  const team = new Set(liaisons.map((l) => l.id));
  const teamGoals = goals.goals.filter(
    (g) =>
      team.has(g.owner_id) || (g.scope !== 'liaison' && (ownerIds === null || ownerIds.includes(g.owner_id))),
  );
  const heat = new Map<string, { liaison: string; week: string; visits: number; other: number }>();
  const byType = new Map<string, Record<string, number | string>>();
  for (const a of acts) {
    const visit = ['in_person_visit', 'drop_in', 'lunch_and_learn'].includes(a.type);
    const k = `${a.owner}|${a.week}`;
    const h = heat.get(k) ?? { liaison: a.owner, week: a.week, visits: 0, other: 0 };
    if (visit) h.visits += a.n;
    else h.other += a.n;
    heat.set(k, h);
    const t = byType.get(a.owner) ?? { liaison: a.owner };
    t[a.type] = ((t[a.type] as number | undefined) ?? 0) + a.n;
    byType.set(a.owner, t);
  }
  const types = [...new Set(acts.map((a) => a.type))].sort();
  const ageRows = AGE_BUCKETS.map(([label, max], i) => {
    const lo = i ? AGE_BUCKETS[i - 1]![1] : -1;
    const inB = issues.filter((x) => x.age_days > lo && x.age_days <= max);
    return {
      age: label,
      open: inB.length,
      oldest: inB.length ? Math.max(...inB.map((x) => x.age_days)) : null,
    };
  });
  const board = liaisons
    .map((l) => {
      const mine = acts.filter((a) => a.owner_id === l.id);
      const visits = mine
        .filter((a) => ['in_person_visit', 'drop_in', 'lunch_and_learn'].includes(a.type))
        .reduce((s, a) => s + a.n, 0);
      const gs = teamGoals.filter((g) => g.owner_id === l.id);
      const attained = gs.length
        ? gs.reduce((s, g) => s + Math.min(1, g.progress.pace ?? g.progress.progress), 0) / gs.length
        : null;
      return {
        liaison: l.name,
        user_id: l.id,
        visits,
        activities: mine.reduce((s, a) => s + a.n, 0),
        goals: gs.length,
        goals_on_pace: gs.filter((g) => ['met', 'ahead', 'on_track'].includes(g.progress.status)).length,
        attainment: attained,
      };
    })
    .sort((a, b) => (b.attainment ?? -1) - (a.attainment ?? -1) || b.visits - a.visits);
  const crmSource = 'CRM activities';
  const panels: Panel[] = [
    {
      id: 'team-activity-heatmap',
      title: `Activity by liaison × week (last ${q.weeks} weeks)`,
      source: crmSource,
      dataDate: asOf,
      link: '/activities',
      columns: [
        col('liaison', 'Liaison'),
        col('week', 'Week of', 'date'),
        col('visits', 'Visits', 'number'),
        col('other', 'Calls, emails, events', 'number'),
      ],
      rows: [...heat.values()],
    },
    {
      id: 'team-activity-by-type',
      title: 'Activity by type',
      source: crmSource,
      dataDate: asOf,
      columns: [col('liaison', 'Liaison'), ...types.map((t) => col(t, t.replace(/_/g, ' '), 'number'))],
      rows: [...byType.values()].map((r) =>
        Object.fromEntries([['liaison', r.liaison], ...types.map((t) => [t, r[t] ?? 0])]),
      ),
    },
    {
      id: 'team-coverage',
      title: 'Territory coverage: book physicians visited in the last 90 days',
      source: 'CRM relationships + activities',
      dataDate: asOf,
      columns: [
        col('county', 'County'),
        col('county_fips', 'FIPS'),
        col('physicians', 'In book', 'number'),
        col('visited', 'Visited', 'number'),
        col('coverage', 'Coverage', 'percent'),
      ],
      rows: coverage.map((c) => ({ ...c, coverage: c.physicians ? c.visited / c.physicians : 0 })),
    },
    {
      id: 'team-overdue-a-tier',
      title: 'A-tier physicians overdue for a visit',
      source: 'CRM relationships + activities',
      dataDate: asOf,
      link: '/providers/{npi}',
      columns: [
        col('name', 'Physician'),
        col('owner', 'Owner'),
        col('frequency', 'Frequency'),
        col('last_visit', 'Last visit', 'date'),
        col('days_since', 'Days since', 'number'),
      ],
      rows: overdue,
    },
    {
      id: 'team-issues-by-age',
      title: 'Open physician issues by age',
      source: 'CRM physician issues',
      dataDate: asOf,
      link: '/issues',
      columns: [col('age', 'Age'), col('open', 'Open', 'number'), col('oldest', 'Oldest (days)', 'number')],
      rows: ageRows,
    },
    {
      id: 'team-issues-open',
      title: 'Open physician issues',
      source: 'CRM physician issues',
      dataDate: asOf,
      link: '/issues',
      columns: [
        col('title', 'Issue'),
        col('category', 'Category'),
        col('owner', 'Owner'),
        col('opened_on', 'Opened', 'date'),
        col('age_days', 'Days open', 'number'),
      ],
      rows: issues,
    },
    {
      id: 'team-goal-attainment',
      title: 'Goal attainment',
      source: 'Goals + CRM + internal referrals',
      dataDate: asOf,
      link: '/goals',
      columns: [
        col('owner', 'Owner'),
        col('metric', 'Metric'),
        col('value', 'Actual', 'number'),
        col('target', 'Target', 'number'),
        col('pace', 'Pace', 'percent'),
        col('projection', 'Projected', 'number'),
        col('status', 'Status'),
        col('as_of', 'Through', 'date'),
      ],
      rows: teamGoals.map((g) => ({
        owner: g.owner_name,
        metric: g.definition.label + (g.service_line ? ` (${g.service_line})` : ''),
        value: g.progress.value,
        target: g.target,
        pace: g.progress.pace,
        projection: g.progress.projection,
        status: g.progress.status,
        as_of: g.measured.asOf,
      })),
    },
    {
      id: 'team-leaderboard',
      title: 'Leaderboard',
      source: 'Goals + CRM activities',
      dataDate: asOf,
      link: '/today?liaisonId={user_id}',
      definition:
        'Ranked by average goal attainment (each active goal’s pace, capped at 100 %), then visits in the window.',
      columns: [
        col('liaison', 'Liaison'),
        col('attainment', 'Goal attainment', 'percent'),
        col('goals_on_pace', 'Goals on pace', 'number'),
        col('goals', 'Goals', 'number'),
        col('visits', 'Visits', 'number'),
        col('activities', 'All activities', 'number'),
      ],
      rows: board,
    },
  ];
  return { asOf, from, weeks: q.weeks, dataDates: dates, panels };
}
