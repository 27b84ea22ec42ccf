// Goal progress through the API on a hand-checkable book (test/goals/fixture.ts), on each backend.
// Goals run Oct 1–30 2026 (30 days) and are read as of Oct 10: 10 days elapsed, 20 remaining.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { importGoalsCsv } from '../../src/import/goals/importGoalsCsv';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { seedBook } from './fixture';

const period = { periodStart: '2026-10-01', periodEnd: '2026-10-30' };
type Row = Record<string, unknown>;

describe.each(backends)('goals on $name', (backend) => {
  let database: Database;
  let app: App;
  let manager: Client;
  let liaison: Client;
  let rows: Map<string, Row>;

  beforeAll(async () => {
    database = await backend.create();
    app = await createTestApp(database);
    manager = await clientFor(app, database, 'manager');
    liaison = await clientFor(app, database, 'liaison');
    await seedBook(database.db, liaison.userId);
    const goals: [string, number, Record<string, unknown>?][] = [
      ['visits', 150],
      ['unique_providers', 30],
      ['a_tier_coverage', 0.9],
      ['issues_resolved', 2, { withinDays: 5 }],
      ['referral_volume', 10, { serviceLine: 'cardiology' }],
      ['referral_share', 0.5],
      ['leakage_reduced', 5],
      ['new_referrers', 2],
    ];
    for (const [metric, target, extra] of goals) {
      const res = await manager.request('POST', '/api/goals', {
        scope: 'liaison',
        ownerId: liaison.userId,
        metric,
        target,
        ...period,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = await liaison.request('GET', '/api/goals?activeOn=2026-10-10');
    expect(list.statusCode, list.body).toBe(200);
    rows = new Map((list.json().rows as Row[]).map((r) => [String(r.metric_key), r]));
  }, 240_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('counts visits with pace, projection and its Poisson interval', () => {
    // 3 visits (10-02, 10-05, 10-08; the 10-06 call is not a visit): expected by now 150 × 10/30 = 50,
    // pace 0.06; rate 0.3/day → 3 + 0.3 × 20 = 9; sd √((20/10)² · 3 + 0.3 · 20) = √18, × 1.64485 = 6.979
    expect(rows.get('visits')).toMatchObject({ value: 3, pace: 0.06, projection: 9, low: 3, high: 15.979 });
    expect(rows.get('visits')).toMatchObject({ status: 'behind', as_of: '2026-10-10' });
    expect(rows.get('unique_providers')).toMatchObject({ value: 3, progress: 0.1 });
  });

  it('measures A-tier coverage as of the day: P1 (weekly) last seen 8 days ago is not covered', () => {
    // P1 weekly, last visit 10-02 → 8 d > 7; P2 monthly, last 10-05 → 5 d ≤ 31: 1 of 2.
    // interval ±1.64485 × √(0.25/2) = ±0.582 → clipped to [0, 1]
    expect(rows.get('a_tier_coverage')).toMatchObject({ value: 0.5, low: 0, high: 1, status: 'behind' });
  });

  it('counts issues resolved within the allowed days', () => {
    // resolved in the period: "Fax lost" in 3 d (counts), "Slow reports" in 32 d (over 5)
    expect(rows.get('issues_resolved')).toMatchObject({ value: 1, target: 2 });
  });

  it('measures referral goals from the monthly rollup, never past the day viewed', () => {
    // October to us from P1, P2, P3: 4 + 1 = 5 of 11 (P2 sends 6 to the rival)
    expect(rows.get('referral_volume')).toMatchObject({
      value: 5,
      service_line: 'cardiology',
      as_of: '2026-10-10',
    });
    // pace 5 / (10 × 10/30) = 1.5 → ahead; projection 5 + 0.5 × 20 = 15
    expect(rows.get('referral_volume')).toMatchObject({ pace: 1.5, projection: 15, status: 'ahead' });
    expect(rows.get('referral_share')).toMatchObject({ value: 0.455 });
    // competitor referrals: 9 in September (the month before) − 6 in October = 3
    expect(rows.get('leakage_reduced')).toMatchObject({ value: 3 });
    // first-ever referral to us in October: P3 only (P1 first sent in September)
    expect(rows.get('new_referrers')).toMatchObject({ value: 1 });
  });

  it('on a day with no active goal, points to the nearest goal period (own goals only)', async () => {
    const after = (await liaison.request('GET', '/api/goals?activeOn=2026-11-27')).json();
    expect(after.rows).toEqual([]);
    expect(after.emptyHint).toEqual({
      text: 'The latest goal period ended on 2026-10-30.',
      date: '2026-10-30',
    });
    const before = (await liaison.request('GET', '/api/goals?activeOn=2026-09-15')).json();
    expect(before.emptyHint).toEqual({
      text: 'The next goal period starts on 2026-10-01.',
      date: '2026-10-01',
    });
    const active = (await liaison.request('GET', '/api/goals?activeOn=2026-10-10')).json();
    expect(active.emptyHint).toBeUndefined();
    const other = await clientFor(app, database, 'liaison', 'hintless-liaison@test.example');
    expect((await other.request('GET', '/api/goals?activeOn=2026-11-27')).json().emptyHint).toBeUndefined();
  });

  it('shows liaisons only their own goals and refuses bad goals naming the field', async () => {
    const other = await clientFor(app, database, 'liaison', 'other-liaison@test.example');
    expect((await other.request('GET', '/api/goals?activeOn=2026-10-10')).json().rows).toEqual([]);
    const bad = await manager.request('POST', '/api/goals', {
      scope: 'liaison',
      ownerId: liaison.userId,
      metric: 'a_tier_coverage',
      target: 1.5,
      ...period,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/^target: a_tier_coverage is a fraction/);
    const line = await manager.request('POST', '/api/goals', {
      scope: 'liaison',
      ownerId: liaison.userId,
      metric: 'visits',
      serviceLine: 'cardiology',
      target: 5,
      ...period,
    });
    expect(line.json().detail).toMatch(/^service_line: only referral metrics/);
    expect((await liaison.request('POST', '/api/goals', { scope: 'team' })).statusCode).toBe(403);
  });

  it('refuses an update based on a stale version, and audits each write', async () => {
    const id = Number(rows.get('visits')!.id);
    const ok = await manager.request('PATCH', `/api/goals/${id}`, { version: 1, target: 120 });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await manager.request('PATCH', `/api/goals/${id}`, { version: 1, target: 130 });
    expect(stale.statusCode).toBe(409);
    const audits = await database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'goal')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('imports goals.csv idempotently and rejects a bad file whole, naming line and field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goals-'));
    const file = path.join(dir, 'goals.csv');
    const header = 'owner_email,metric,service_line,period_start,period_end,target';
    writeFileSync(
      file,
      `${header}\n${liaison.email},visits,,2026-11-01,2026-11-30,40\n${manager.email},referral_share,,2026-11-01,2026-12-31,0.42\n`,
    );
    const opts = { actorLabel: 'test' };
    expect(await importGoalsCsv(database.db, file, opts)).toMatchObject({
      read: 2,
      inserted: 2,
      rejected: 0,
    });
    expect(await importGoalsCsv(database.db, file, opts)).toMatchObject({ inserted: 0, unchanged: 2 });
    const team = await database.db
      .selectFrom('goals')
      .select(['scope', 'target'])
      .where('owner_id', '=', manager.userId)
      .executeTakeFirstOrThrow();
    expect(team).toEqual({ scope: 'team', target: 0.42 });
    writeFileSync(
      file,
      `${header}\n${liaison.email},visits,,2026-12-01,2026-12-31,40\nnobody@x.test,visits,,2026-12-01,2026-12-31,4\n`,
    );
    const bad = await importGoalsCsv(database.db, file, opts);
    expect(bad).toMatchObject({ rejected: 1, inserted: 0 });
    expect(bad.errors[0]!.reason).toBe('goals.csv line 3: owner_email: no user "nobody@x.test"');
  });
});
