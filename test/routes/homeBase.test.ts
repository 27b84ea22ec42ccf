// A liaison's home base on both backends: set as a ZIP or an office (by the liaison, or a manager for them),
// used as the start and end of a plan that names none, audited, cleared; a plan's own start still wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipCentroid } from '../../src/core/geo/zipCentroid';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { CENTER, ringOffices, seedOffices } from './fixture';

describe.each(backends)('home base on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let other: Client;
  let manager: Client;
  let locationIds: number[];

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    other = await clientFor(app, database, 'liaison', 'other.liaison@test.example');
    manager = await clientFor(app, database, 'manager');
    ({ locationIds } = await seedOffices(database.db, ringOffices(4)));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const plan = async (extra: Record<string, unknown> = {}) => {
    const r = await liaison.request('POST', '/api/routes/plan', {
      date: '2026-12-01',
      locationIds,
      timeLimitSec: 0.2,
      ...extra,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().settings as {
      start: { lat: number; lon: number; label: string };
      end: { lat: number; lon: number; label: string };
      startIsDefault: boolean;
    };
  };

  it('starts and ends a plan with no start at the home base; a given start wins', async () => {
    expect((await liaison.request('GET', '/api/routes/home-base')).json().homeBase).toBeNull();
    const set = await liaison.request('PUT', '/api/routes/home-base', { place: { zip: '37203' } });
    expect(set.statusCode, set.body).toBe(200);
    const c = zipCentroid('37203')!;
    const label = `ZIP 37203 (${c.city}, ${c.state} — centre of the ZIP)`;
    expect(set.json().homeBase).toEqual({ place: { zip: '37203' }, lat: c.lat, lon: c.lon, label });
    expect((await liaison.request('GET', '/api/routes/home-base')).json().homeBase.label).toBe(label);
    const s = await plan();
    expect(s.start).toEqual({ lat: c.lat, lon: c.lon, label: `home base: ${label}` });
    expect(s.end).toEqual(s.start);
    expect(s.startIsDefault).toBe(false);
    const given = await plan({ start: CENTER });
    expect(given.start).toEqual(CENTER);
  });

  it('a manager sets it for a liaison (an office); another liaison may not; every change is audited', async () => {
    const denied = await other.request('PUT', '/api/routes/home-base', {
      liaison: liaison.email,
      place: { zip: '10001' },
    });
    expect(denied.statusCode).toBe(403);
    const m = await manager.request('PUT', '/api/routes/home-base', {
      liaison: liaison.email,
      place: { locationId: locationIds[2] },
    });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json().homeBase.label).toBe('Synthetic Office 3');
    expect((await plan()).start.label).toBe('home base: Synthetic Office 3');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('entity', '=', 'user_home_base')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([
      { before: null, after: expect.stringMatching(/^ZIP 37203/) },
      { before: expect.stringMatching(/^ZIP 37203/), after: 'Synthetic Office 3' },
    ]);
  });

  it('refuses a place it cannot find, naming the field, and keeps the old home base', async () => {
    const bad = await liaison.request('PUT', '/api/routes/home-base', { place: { zip: '00000' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('body.place.zip: ZIP 00000 is not a known US ZIP code');
    expect((await liaison.request('GET', '/api/routes/home-base')).json().homeBase.label).toBe(
      'Synthetic Office 3',
    );
  });

  it('clears it: the plan starts from the centre of the stops again', async () => {
    const cleared = await liaison.request('PUT', '/api/routes/home-base', { place: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().homeBase).toBeNull();
    const s = await plan();
    expect(s.startIsDefault).toBe(true);
    expect(s.start.label).toBe('centre of the stops (no start point given)');
  });
});
