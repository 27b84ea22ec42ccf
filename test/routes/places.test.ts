// The day form's settings on both backends: a start given as a ZIP (its centre, labelled so), an end at an
// office on file, a fixed lunch-and-learn, the length of the day, no lunch break — and the office search the
// form uses to pick offices. Bad places name the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipCentroid } from '../../src/core/geo/zipCentroid';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { ringOffices, seedOffices } from './fixture';

type Visit = { stopId: string; start: number; end: number; visitType: string; appointmentAt: number | null };

describe.each(backends)('route places and day settings on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let locationIds: number[];

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    ({ locationIds } = await seedOffices(database.db, ringOffices(8)));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('starts at a ZIP centre, ends at an office, keeps a 12:00 lunch-and-learn inside a 09:00–15:00 day', async () => {
    const res = await liaison.request('POST', '/api/routes/plan', {
      date: '2026-12-01', // a Tuesday
      locationIds: locationIds.slice(0, 5),
      appointments: [{ locationId: locationIds[1], at: '12:00', type: 'lunch_and_learn' }],
      start: { zip: '37203' },
      end: { locationId: locationIds[2] },
      dayStart: '09:00',
      dayEnd: '15:00',
      lunch: null,
      timeLimitSec: 0.3,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    const c = zipCentroid('37203')!;
    expect(p.settings.start).toEqual({
      lat: c.lat,
      lon: c.lon,
      label: `ZIP 37203 (${c.city}, ${c.state} — centre of the ZIP)`,
    });
    expect(p.settings.startIsDefault).toBe(false);
    expect(p.settings.end).toEqual({
      lat: expect.any(Number),
      lon: expect.any(Number),
      label: 'Synthetic Office 3',
    });
    expect(p.lunch).toBeNull();
    const appt = p.visits.find((v: Visit) => v.stopId === `loc-${locationIds[1]}`);
    expect(appt).toMatchObject({ start: 720, visitType: 'lunch_and_learn', appointmentAt: 720 });
    for (const v of p.visits as Visit[]) {
      expect(v.start).toBeGreaterThanOrEqual(540);
      expect(v.end).toBeLessThanOrEqual(900);
    }
    expect(p.departure).toBeGreaterThanOrEqual(540);
    expect(p.returnAt).toBeLessThanOrEqual(900);
  });

  it('takes a lunch-and-learn inside the lunch window as the lunch; another visit then keeps the break', async () => {
    const plan = async (type: string, at: string) => {
      const r = await liaison.request('POST', '/api/routes/plan', {
        date: '2026-12-01',
        locationIds: locationIds.slice(0, 4),
        appointments: [{ locationId: locationIds[1], at, type }],
        timeLimitSec: 0.2,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    expect((await plan('lunch_and_learn', '12:00')).lunch).toBeNull();
    expect((await plan('lunch_and_learn', '13:30')).lunch).not.toBeNull(); // the window is 11:30–13:30
    expect((await plan('visit', '12:00')).lunch).not.toBeNull();
  });

  it('refuses an unknown ZIP, an unknown office and an office without a map point, naming the field', async () => {
    const base = { date: '2026-12-01', locationIds: locationIds.slice(0, 2) };
    const zip = await liaison.request('POST', '/api/routes/plan', { ...base, start: { zip: '00000' } });
    expect(zip.statusCode).toBe(400);
    expect(zip.json().detail).toBe('body.start.zip: ZIP 00000 is not a known US ZIP code');
    const office = await liaison.request('POST', '/api/routes/plan', {
      ...base,
      end: { locationId: 999999 },
    });
    expect(office.statusCode).toBe(404);
    expect(office.json().detail).toBe('body.end.locationId: no office 999999');
    await database.db
      .updateTable('locations')
      .set({ lat: null, lon: null })
      .where('id', '=', locationIds[7]!)
      .execute();
    const unmapped = await liaison.request('POST', '/api/routes/plan', {
      ...base,
      start: { locationId: locationIds[7] },
    });
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json().detail).toMatch(/^body\.start\.locationId: Synthetic Office 8 has no map point/);
    const shape = await liaison.request('POST', '/api/routes/plan', { ...base, start: { zip: '372' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.body).toMatch(/start/);
  });

  it('finds offices by name, street or ZIP words; every word must match', async () => {
    const find = async (q: string) => {
      const r = await liaison.request('GET', `/api/routes/offices?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items as { id: number; name: string; address: string; mapped: boolean }[];
    };
    // "3" starts "Office 3" and the ZIP 37203 of every office: the whole-word match comes first
    const three = await find('office 3');
    expect(three.map((o) => o.name)).toEqual([3, 1, 2, 4, 5, 6, 7, 8].map((i) => `Synthetic Office ${i}`));
    expect(three[0]).toMatchObject({
      id: locationIds[2],
      address: '102 Test Ave, Nashville, TN 37203',
      mapped: true,
    });
    expect((await find('102 test')).map((o) => o.id)).toEqual([locationIds[2]]);
    expect(await find('02 test')).toEqual([]); // "02" starts no word
    expect(await find('37203 nowhere')).toEqual([]);
    expect((await find('office 8'))[0]).toMatchObject({ mapped: false });
    expect((await find('synthetic 37203')).length).toBe(8);
    expect(await find('100%')).toEqual([]);
    const short = await liaison.request('GET', '/api/routes/offices?q=a');
    expect(short.statusCode).toBe(400);
    expect(short.body).toMatch(/q/);
  });
});
