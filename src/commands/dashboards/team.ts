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
import { addDays, col, OVERDUE_COLUMNS, type Panel, panel, type Viewer } from './panel';

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
  const crm = { source: 'CRM activities', dataDate: asOf };
  const book = { source: 'CRM relationships + activities', dataDate: asOf };
  const issuesHead = { source: 'CRM physician issues', dataDate: asOf, link: '/issues' };
  const { name, ...overdueRest } = OVERDUE_COLUMNS;
  const panels: Panel[] = [
    panel(
      {
        id: 'team-activity-heatmap',
        title: `Activity by liaison × week (last ${q.weeks} weeks)`,
        ...crm,
        link: '/activities',
      },
      {
        liaison: 'Liaison',
        week: ['Week of', 'date'],
        visits: ['Visits', 'number'],
        other: ['Calls, emails, events', 'number'],
      },
      [...heat.values()],
    ),
    panel(
      { id: 'team-activity-by-type', title: 'Activity by type', ...crm },
      [col('liaison', 'Liaison'), ...types.map((t) => col(t, t.replace(/_/g, ' '), 'number'))],
      [...byType.values()].map((r) =>
        Object.fromEntries([['liaison', r.liaison], ...types.map((t) => [t, r[t] ?? 0])]),
      ),
    ),
    panel(
      {
        id: 'team-coverage',
        title: 'Territory coverage: book physicians visited in the last 90 days',
        ...book,
      },
      {
        county: 'County',
        county_fips: 'FIPS',
        physicians: ['In book', 'number'],
        visited: ['Visited', 'number'],
        coverage: ['Coverage', 'percent'],
      },
      coverage.map((c) => ({ ...c, coverage: c.physicians ? c.visited / c.physicians : 0 })),
    ),
    panel(
      {
        id: 'team-overdue-a-tier',
        title: 'A-tier physicians overdue for a visit',
        ...book,
        link: '/providers/{npi}',
      },
      { name: name!, owner: 'Owner', ...overdueRest },
      overdue,
    ),
    panel(
      { id: 'team-issues-by-age', title: 'Open physician issues by age', ...issuesHead },
      { age: 'Age', open: ['Open', 'number'], oldest: ['Oldest (days)', 'number'] },
      ageRows,
    ),
    panel(
      { id: 'team-issues-open', title: 'Open physician issues', ...issuesHead },
      {
        title: 'Issue',
        category: 'Category',
        owner: 'Owner',
        opened_on: ['Opened', 'date'],
        age_days: ['Days open', 'number'],
      },
      issues,
    ),
    panel(
      {
        id: 'team-goal-attainment',
        title: 'Goal attainment',
        source: 'Goals + CRM + internal referrals',
        dataDate: asOf,
        link: '/goals',
      },
      {
        owner: 'Owner',
        metric: 'Metric',
        value: ['Actual', 'number'],
        target: ['Target', 'number'],
        pace: ['Pace', 'percent'],
        projection: ['Projected', 'number'],
        status: 'Status',
        as_of: ['Through', 'date'],
      },
      teamGoals.map((g) => ({
        owner: g.owner_name,
        metric: g.definition.label + (g.service_line ? ` (${g.service_line})` : ''),
        value: g.progress.value,
        target: g.target,
        pace: g.progress.pace,
        projection: g.progress.projection,
        status: g.progress.status,
        as_of: g.measured.asOf,
      })),
    ),
    panel(
      {
        id: 'team-leaderboard',
        title: 'Leaderboard',
        source: 'Goals + CRM activities',
        dataDate: asOf,
        link: '/today?liaisonId={user_id}',
        definition:
          'Ranked by average goal attainment (each active goal’s pace, capped at 100 %), then visits in the window.',
      },
      {
        liaison: 'Liaison',
        attainment: ['Goal attainment', 'percent'],
        goals_on_pace: ['Goals on pace', 'number'],
        goals: ['Goals', 'number'],
        visits: ['Visits', 'number'],
        activities: ['All activities', 'number'],
      },
      board,
    ),
  ];
  return { asOf, from, weeks: q.weeks, dataDates: dates, panels };
}
