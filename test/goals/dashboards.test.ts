// Today, Team and Executive dashboards and their downloads on the hand-checkable October book
// (test/goals/fixture.ts): each figure below is worked out from the fixture's comment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { openIssuesByAge } from '../../src/db/queries/dashboards/team';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPI, seedBook } from './fixture';

type Panel = { id: string; rows: Record<string, unknown>[]; dataDate: string | null };
const panel = (body: { panels: Panel[] }, id: string) => body.panels.find((p) => p.id === id)!;

describe.each(backends)('dashboards on $name', (backend) => {
  let database: Database;
  let app: App;
  let admin: Client;
  let liaison: Client;
  let analyst: Client;

  beforeAll(async () => {
    database = await backend.create();
    app = await createTestApp(database);
    admin = await clientFor(app, database, 'admin');
    liaison = await clientFor(app, database, 'liaison');
    analyst = await clientFor(app, database, 'analyst');
    await seedBook(database.db, liaison.userId);
  }, 240_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('Today: the follow-up 4 days overdue and P1 (weekly) 8 days since its last visit', async () => {
    const res = await liaison.request('GET', '/api/dashboards/today?date=2026-10-10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(panel(body, 'today-follow-ups').rows).toMatchObject([
      { title: 'Call back about MRI slots', provider: 'Test One', due_on: '2026-10-06', overdue_days: 4 },
    ]);
    expect(panel(body, 'today-overdue').rows).toMatchObject([
      { npi: NPI.P1, frequency: 'weekly', last_visit: '2026-10-02', days_since: 8, allowed_days: 7 },
    ]);
    expect(body.hasRoute).toBe(false);
    // a liaison may not open someone else's Today; an admin may
    expect((await liaison.request('GET', `/api/dashboards/today?liaisonId=${admin.userId}`)).statusCode).toBe(
      403,
    );
    const asAdmin = await admin.request(
      'GET',
      `/api/dashboards/today?date=2026-10-10&liaisonId=${liaison.userId}`,
    );
    expect(panel(asAdmin.json(), 'today-follow-ups').rows).toHaveLength(1);
  });

  it('Team: activity by week, overdue A-tier, issues by age and the leaderboard as of the last activity', async () => {
    const res = await admin.request('GET', '/api/dashboards/team?weeks=2');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // the log ends 10-12, so the team is measured there; 2 weeks back → from 09-29 (the 09-20 visit is out)
    expect([body.from, body.asOf]).toEqual(['2026-09-29', '2026-10-12']);
    const heat = panel(body, 'team-activity-heatmap').rows.map((r) => [r.week, r.visits, r.other]);
    expect(heat).toEqual([
      ['2026-09-28', 1, 0], // 10-02 in-person
      ['2026-10-05', 2, 1], // 10-05 drop-in, 10-08 lunch-and-learn; 10-06 call
      ['2026-10-12', 0, 1], // 10-12 call
    ]);
    expect(panel(body, 'team-leaderboard').rows).toMatchObject([
      { user_id: liaison.userId, visits: 3, activities: 5, goals: 0, attainment: null },
    ]);
    // P1 weekly, last visit 10-02: 10 days by 10-12; P2 monthly, 7 days: not overdue
    expect(panel(body, 'team-overdue-a-tier').rows).toMatchObject([{ npi: NPI.P1, days_since: 10 }]);
    // the one open issue was opened 10-02: 10 days old on 10-12
    expect(panel(body, 'team-issues-by-age').rows).toEqual([
      { age: '0–7 d', open: 0, oldest: null },
      { age: '8–30 d', open: 1, oldest: 10 },
      { age: '31–90 d', open: 0, oldest: null },
      { age: '> 90 d', open: 0, oldest: null },
    ]);
    // all three book physicians in county 36061 were visited in the 90 days to 10-12
    expect(panel(body, 'team-coverage').rows).toMatchObject([
      { county_fips: '36061', physicians: 3, visited: 3, coverage: 1 },
    ]);
    expect((await liaison.request('GET', '/api/dashboards/team')).statusCode).toBe(403);
  });

  it('Team: the issues open on the data date — raised by then and not yet resolved then', async () => {
    // on 10-02: "Fax lost" (10-01, resolved 10-04) 1 day, "Slow reports" (09-01, resolved 10-03) 31 days,
    // "No Saturday slots" raised that day, 0 days; on 10-01 the last is not raised yet
    const ages = async (asOf: string) =>
      (await openIssuesByAge(database.db, null, asOf)).map((i) => [i.title, i.age_days]);
    expect(await ages('2026-10-02')).toEqual([
      ['Slow reports', 31],
      ['Fax lost', 1],
      ['No Saturday slots', 0],
    ]);
    expect(await ages('2026-10-01')).toEqual([
      ['Slow reports', 30],
      ['Fax lost', 0],
    ]);
  });

  it('Executive: share to us and leakage per month', async () => {
    const res = await analyst.request('GET', '/api/dashboards/executive?months=3');
    expect(res.statusCode, res.body).toBe(200);
    const trend = panel(res.json(), 'exec-share-trend').rows;
    expect(trend.map((r) => [r.month, r.total, r.ours, r.competitor])).toEqual([
      ['2026-09', 11, 2, 9],
      ['2026-10', 11, 5, 6],
    ]);
    expect(trend[1]!.share).toBeCloseTo(5 / 11, 12);
    const value = panel(res.json(), 'exec-leakage-value').rows;
    expect(value).toMatchObject([{ line: 'cardiology', leaked: 15 }]);
  });

  it('downloads a panel as CSV (exactly its rows) and XLSX, the dashboard as PDF, and audits them', async () => {
    const csv = await liaison.request(
      'GET',
      '/api/reports/panels/today-follow-ups?format=csv&date=2026-10-10',
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toBe(
      'Task,Physician,Due,Days overdue\nCall back about MRI slots,Test One,2026-10-06,4\n',
    );
    const xlsx = await admin.request('GET', '/api/reports/dashboards/team?format=xlsx&weeks=2');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await admin.request('GET', '/api/reports/dashboards/executive?format=pdf');
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const monthly = await liaison.request('GET', '/api/reports/monthly?month=2026-10');
    expect(monthly.statusCode).toBe(403); // a liaison's report needs their own id; the team report is for managers
    const own = await liaison.request(
      'GET',
      `/api/reports/monthly?month=2026-10&liaisonId=${liaison.userId}`,
    );
    expect(own.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const audits = await database.db
      .selectFrom('audit_log')
      .select(['entity'])
      .where('action', '=', 'export')
      .where('entity', 'in', ['dashboard', 'dashboard_panel'])
      .execute();
    expect(audits.length).toBe(3);
  });

  it('stores monthly reports for every liaison and the team; liaisons list only their own', async () => {
    const run = await admin.request('POST', '/api/reports/scheduled', { month: '2026-10' });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json().items.map((r: { kind: string }) => r.kind)).toEqual([
      'liaison_monthly',
      'team_monthly',
    ]);
    const mine = (await liaison.request('GET', '/api/reports/scheduled')).json().items;
    expect(mine).toHaveLength(1);
    const file = await liaison.request('GET', `/api/reports/scheduled/${mine[0].id}`);
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const teamId = run.json().items[1].id;
    expect((await liaison.request('GET', `/api/reports/scheduled/${teamId}`)).statusCode).toBe(404);
  });

  it('serves a private calendar feed by token and stops when the token is replaced', async () => {
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await database.db
      .insertInto('tasks')
      .values({ title: 'Bring CME flyers', owner_id: liaison.userId, due_on: due })
      .execute();
    const first = await liaison.request('POST', '/api/calendar/token');
    expect(first.statusCode, first.body).toBe(201);
    const path = first.json().path as string;
    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    expect(feed.body).toContain('SUMMARY:Task: Bring CME flyers');
    expect(feed.body).toContain(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`);
    await liaison.request('POST', '/api/calendar/token');
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });
});
