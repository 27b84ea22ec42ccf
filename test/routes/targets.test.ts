// Stops from the liaison's targets: providers grouped by office, priority = sum of their target scores
// (the hand-computed 64 and 54.17 of test/network/fixture.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPI, seedMarket } from '../network/fixture';

describe.each(backends)('route stops from targets on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let manager: Client;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    manager = await clientFor(app, database, 'manager');
    await seedMarket(database.db, liaison.userId);
    const db = database.db;
    const org = await db
      .insertInto('organizations')
      .values({ name: 'Chelsea Primary Care' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('locations')
      .values({
        organization_id: org.id,
        name: 'Chelsea office',
        lat: 40.75,
        lon: -73.99,
        geo_precision: 'synthetic_point',
        hours: 'Mon-Fri 09:00-17:00',
      })
      .execute();
    await db
      .insertInto('memberships')
      .values([
        { provider_npi: NPI.P1, organization_id: org.id, role: 'primary', source: 'manual' },
        { provider_npi: NPI.P2, organization_id: org.id, role: 'primary', source: 'manual' },
      ])
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('groups the top targets by office and sums their scores into the stop priority', async () => {
    const res = await liaison.request('POST', '/api/routes/plan', {
      date: '2026-12-03',
      targets: 'list',
      timeLimitSec: 0.2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.visits).toHaveLength(1);
    const v = p.visits[0];
    expect(v.providers.map((x: { npi: string; score: number }) => [x.npi, x.score]).sort()).toEqual([
      [NPI.P1, 64],
      [NPI.P2, 54.17],
    ]);
    expect(v.priority).toBe(118); // round(64 + 54.17)
    expect(v.prioritySource).toBe('target-score');
    expect(v.durationMin).toBe(25); // in-person visit, two providers: 20 + 5
    expect(v.start).toBeGreaterThanOrEqual(540); // opens 09:00
    // No start point given: the day starts and ends at the centre of the stops, and says so.
    expect(p.settings.startIsDefault).toBe(true);
    expect(p.mileage.km).toBe(0);
  });

  it('proposes a week (Mon–Fri) with the office on one open day, and a team day for managers', async () => {
    const week = await liaison.request(
      'GET',
      '/api/routes/week?start=2026-11-30&targets=list&timeLimitSec=0.3',
    );
    expect(week.statusCode, week.body).toBe(200);
    const w = week.json();
    expect(w.proposal.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    expect(w.proposal.days.flatMap((d: { visits: unknown[] }) => d.visits)).toHaveLength(1);
    expect(w.proposal.travel.estimate).toBe(true);
    const team = await manager.request('POST', '/api/routes/team', {
      date: '2026-12-01',
      liaisons: [liaison.email],
      targets: 'list',
      timeLimitSec: 0.3,
    });
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json().days).toEqual([
      expect.objectContaining({
        liaison: liaison.email,
        visits: [expect.objectContaining({ priority: 118 })],
      }),
    ]);
    expect(
      (await liaison.request('POST', '/api/routes/team', { date: '2026-12-01', liaisons: [liaison.email] }))
        .statusCode,
    ).toBe(403);
  });

  it('proposes the week with the day settings: start at a ZIP, a 09:30–15:00 day, no lunch', async () => {
    const q =
      'start=2026-11-30&targets=list&timeLimitSec=0.3&from=zip:10001&to=40.75,-73.99&dayStart=09:30&dayEnd=15:00&lunch=none';
    const res = await liaison.request('GET', `/api/routes/week?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().proposal;
    expect(p.settings.start.label).toMatch(/^ZIP 10001 \(.+ — centre of the ZIP\)$/);
    expect(p.settings.end).toEqual({ lat: 40.75, lon: -73.99, label: 'end' });
    expect([p.settings.dayStart, p.settings.dayEnd, p.settings.lunch]).toEqual([570, 900, null]);
    const visits = p.days.flatMap((d: { visits: { start: number; end: number }[] }) => d.visits);
    expect(visits).toHaveLength(1);
    expect(visits[0].start).toBeGreaterThanOrEqual(570);
    expect(p.days.every((d: { lunch: unknown }) => d.lunch === null)).toBe(true);
    const lunch = await liaison.request('GET', '/api/routes/week?targets=list&lunch=12:00-13:00/45');
    expect(lunch.statusCode, lunch.body).toBe(200);
    expect(lunch.json().proposal.settings.lunch).toEqual({ earliest: 720, latest: 780, durationMin: 45 });
    for (const [bad, field] of [
      ['from=zip:1', 'from'],
      ['to=somewhere', 'to'],
      ['lunch=12-13', 'lunch'],
      ['dayStart=25:00', 'dayStart'],
    ]) {
      const r = await liaison.request('GET', `/api/routes/week?targets=list&${bad}`);
      expect(r.statusCode, bad).toBe(400);
      expect(r.body).toContain(field);
    }
    const unknownZip = await liaison.request('GET', '/api/routes/week?targets=list&from=zip:00000');
    expect(unknownZip.statusCode).toBe(400);
    expect(unknownZip.json().detail).toBe('querystring.from.zip: ZIP 00000 is not a known US ZIP code');
  });
});
