// The Providers list's segment filter on the hand-checked five-provider market (fixture.ts), this
// month's referrals, our network offering cardiology, the minimum volume lowered to 5:
//   P1 → C1 (ours) 4 + C2 (competitor) 8 = 12, share 4/12 = 0.33 → splitter (0.1 ≤ share < 0.5)
//   P2 → C2 10, share 0 → opportunity;  S1 → C1 5, share 1 → loyalist;  C1, C2 refer nobody.
// With the loyalist threshold lowered to 0.3, P1 becomes a loyalist — the stored segments follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPI, seedMarket } from './fixture';

describe.each(backends)('provider search by referral segment on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let admin: Client;
  let liaison: Client;
  const npis = async (query: string) => {
    const res = await liaison.request('GET', `/api/providers?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((h: { npi: string }) => h.npi);
  };

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    admin = await clientFor(app, database, 'admin');
    liaison = await clientFor(app, database, 'liaison');
    await seedMarket(database.db, liaison.userId);
    const t = await admin.request('PATCH', '/api/referrals/settings', { thresholds: { minVolume: 5 } });
    expect(t.statusCode, t.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('filters by segment, and follows a change of thresholds', async () => {
    expect(await npis('segment=splitter')).toEqual([NPI.P1]);
    expect(await npis('segment=opportunity')).toEqual([NPI.P2]);
    expect(await npis('segment=loyalist')).toEqual([NPI.S1]);
    expect(await npis('segment=opportunity,splitter')).toEqual([NPI.P1, NPI.P2]); // by name: Primary, Second
    expect(await npis('segment=low_volume')).toEqual([]);
    // the answer names the referral data the segments come from (no referral import here: null)
    const body = (await liaison.request('GET', '/api/providers?segment=loyalist')).json();
    expect(body).toHaveProperty('segmentsDataDate', null);
    expect((await liaison.request('GET', '/api/providers?tier=A')).json()).not.toHaveProperty(
      'segmentsDataDate',
    );
    const stored = await database.db.selectFrom('referrer_segments').selectAll().orderBy('npi').execute();
    expect(stored.map((s) => [s.npi, s.segment, s.volume])).toEqual([
      [NPI.P1, 'splitter', 12],
      [NPI.P2, 'opportunity', 10],
      [NPI.S1, 'loyalist', 5],
    ]);
    expect(stored[0]!.share).toBeCloseTo(1 / 3, 6);

    const t = await admin.request('PATCH', '/api/referrals/settings', { thresholds: { loyalist: 0.3 } });
    expect(t.statusCode, t.body).toBe(200);
    expect(await npis('segment=loyalist')).toEqual([NPI.S1, NPI.P1]); // by name: Bones, Primary
    expect(await npis('segment=splitter')).toEqual([]);
  });

  it('refuses an unknown segment, naming the parameter', async () => {
    const res = await liaison.request('GET', '/api/providers?segment=champion');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('segment');
  });
});
