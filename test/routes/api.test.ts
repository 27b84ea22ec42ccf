// Route planner API on both backends: plan a day from offices with hours and visit rules, pin and re-plan,
// mark a visit done (logs an activity), export ICS, week view, access rules and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { CENTER, ringOffices, seedOffices } from './fixture';

type Visit = {
  stopId: string;
  start: number;
  end: number;
  pinned: boolean;
  done: boolean;
  activityId: number | null;
  seq: number;
};

describe.each(backends)('route planner API on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let other: Client;
  let manager: Client;
  let locationIds: number[];
  let planId: number;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    other = await clientFor(app, database, 'liaison', 'other.liaison@test.example');
    manager = await clientFor(app, database, 'manager');
    ({ locationIds } = await seedOffices(database.db, ringOffices(8)));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('plans a Tuesday: hours and visit rules respected, closed office left out with the reason', async () => {
    const res = await liaison.request('POST', '/api/routes/plan', {
      date: '2026-12-01', // a Tuesday
      locationIds,
      start: CENTER,
      timeLimitSec: 0.5,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    planId = p.id;
    expect(p.weekday).toBe('tue');
    expect(p.travel).toMatchObject({ source: 'estimate', estimate: true });
    expect(p.travel.label).toMatch(/straight-line estimate/);
    // Office 7 (index 6) is closed on Tuesdays.
    expect(p.unassigned).toEqual([
      expect.objectContaining({ stopId: `loc-${locationIds[6]}`, reason: 'closed' }),
    ]);
    expect(p.visits).toHaveLength(7);
    const dropIn = p.visits.find((v: Visit) => v.stopId === `loc-${locationIds[4]}`);
    expect(dropIn.start).toBeGreaterThanOrEqual(14 * 60);
    expect(dropIn.end).toBeLessThanOrEqual(16 * 60);
    expect(dropIn.visitType).toBe('drop_in');
    for (const v of p.visits as Visit[]) {
      if (v.stopId === dropIn.stopId) continue;
      // 20-minute visits inside 08:00–12:00 or 13:00–17:00.
      expect(v.end - v.start).toBe(20);
      expect((v.start >= 480 && v.end <= 720) || (v.start >= 780 && v.end <= 1020)).toBe(true);
    }
    expect(p.mileage.km).toBeGreaterThan(0);
    expect(p.mileage.miles).toBeCloseTo(p.mileage.km / 1.609344, 0);
    expect(p.links.google[0]).toMatch(/^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&origin=36\.16/);
    expect(p.links.apple).toMatch(/^https:\/\/maps\.apple\.com\/\?saddr=/);
    expect(p.solver.feasible).toBe(true);
  });

  it('pins a stop at the front and re-optimises the rest around it', async () => {
    const before = (await liaison.request('GET', `/api/routes/${planId}`)).json();
    const order: string[] = before.visits.map((v: Visit) => v.stopId);
    const moved = order[order.length - 1]!;
    const newOrder = [moved, ...order.slice(0, -1)];
    const res = await liaison.request('POST', `/api/routes/${planId}/reorder`, {
      order: newOrder,
      pinned: [moved],
      timeLimitSec: 0.5,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.visits[0].stopId).toBe(moved);
    expect(p.visits[0].pinned).toBe(true);
    expect(p.visits).toHaveLength(7);
    expect(p.version).toBe(before.version + 1);
    expect(p.solver.feasible).toBe(true);
  });

  it('marks the first visit done, logs an activity and re-plans from there', async () => {
    const before = (await liaison.request('GET', `/api/routes/${planId}`)).json();
    const first: Visit = before.visits[0];
    const res = await liaison.request('POST', `/api/routes/${planId}/visits/${first.stopId}/done`, {
      at: '10:00',
      outcome: 'positive',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.status).toBe('in_progress');
    expect(p.visits[0]).toMatchObject({ stopId: first.stopId, done: true, end: 600 });
    expect(p.visits[0].activityId).toEqual(expect.any(Number));
    for (const v of p.visits.slice(1) as Visit[]) expect(v.start).toBeGreaterThan(600);
    const act = await database.db
      .selectFrom('activities')
      .select(['type', 'location_id', 'outcome'])
      .where('id', '=', p.visits[0].activityId)
      .executeTakeFirstOrThrow();
    expect(act).toEqual({
      type: 'in_person_visit',
      location_id: Number(first.stopId.slice(4)),
      outcome: 'positive',
    });
    const again = await liaison.request('POST', `/api/routes/${planId}/visits/${first.stopId}/done`, {});
    expect(again.statusCode).toBe(409);
  });

  it('exports the day as ICS with one event per visit in order', async () => {
    const plan = (await liaison.request('GET', `/api/routes/${planId}`)).json();
    const res = await liaison.request('GET', `/api/routes/${planId}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = res.body.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(plan.visits.length);
    for (const [i, e] of events.entries()) expect(e).toMatch(new RegExp(`SUMMARY:${i + 1}\\. `));
    // the calendar shows the minute the list shows
    for (const [i, v] of plan.visits.entries())
      expect(events[i]).toContain(`DTSTART:20261201T${v.times.start.replace(':', '')}00`);
  });

  it('shows the week with the saved day, and a proposal spreading due stops when asked', async () => {
    const res = await liaison.request('GET', '/api/routes/week?start=2026-11-30&days=5');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().saved.map((s: { id: number }) => s.id)).toEqual([planId]);
    expect(res.json().proposal).toBeNull();
  });

  it('keeps plans private to their liaison; managers may plan for anyone', async () => {
    expect((await other.request('GET', `/api/routes/${planId}`)).statusCode).toBe(404);
    const forOther = await other.request('POST', '/api/routes/plan', {
      liaison: liaison.email,
      date: '2026-12-02',
      locationIds,
    });
    expect(forOther.statusCode).toBe(403);
    const m = await manager.request('POST', '/api/routes/plan', {
      liaison: other.email,
      date: '2026-12-02',
      locationIds: locationIds.slice(0, 3),
      start: CENTER,
      timeLimitSec: 0.2,
    });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json().liaison.email).toBe(other.email);
  });

  it('refuses bad input with the field named', async () => {
    const r1 = await liaison.request('POST', '/api/routes/plan', { date: '2026-02-30', locationIds });
    expect(r1.statusCode).toBe(400);
    expect(r1.body).toMatch(/date/);
    const r2 = await liaison.request('POST', '/api/routes/plan', { date: '2026-12-01' });
    expect(r2.statusCode).toBe(400);
    expect(r2.body).toMatch(/targets/);
    const r3 = await liaison.request('POST', `/api/routes/${planId}/reorder`, {
      order: ['loc-999999'],
      pinned: [],
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.body).toMatch(/loc-999999/);
    const r4 = await liaison.request('POST', '/api/routes/plan', {
      date: '2026-12-01',
      locationIds: [999999],
    });
    expect(r4.statusCode).toBe(422);
  });
});
