// Alerts end to end: an import runs the detector; the API lists (liaisons by territory), acknowledges,
// assigns and resolves, with audit entries; the referral base and market routes answer. Both backends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReferralsAndDetect } from '../../src/commands/referrals/imports';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, clientsForAllRoles, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { HEADER, N, seedMarket, writeTemp } from './fixture';

/** R1 sends 10 cardiology referrals a month to our heart hospital 2023-01..2024-12, then none; R2 sends 10 throughout. */
function seriesCsv() {
  const lines = [HEADER];
  for (let i = 0; i < 27; i++) {
    const y = 2023 + Math.floor(i / 12);
    const m = String((i % 12) + 1).padStart(2, '0');
    if (i < 24) lines.push(`${N.R1},,OHH,cardiology,${y}-${m}-05,completed,10`);
    lines.push(`${N.R2},,OHH,cardiology,${y}-${m}-06,completed,10`);
  }
  return lines.join('\n');
}

describe.each(backends)('alerts on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let c: Record<'admin' | 'manager' | 'liaison' | 'analyst', Client>;
  beforeEach(async () => {
    database = await create();
    await seedMarket(database.db);
    app = await createTestApp(database);
    c = await clientsForAllRoles(app, database);
  });
  afterEach(async () => {
    await app.close();
    await database.close();
  });

  it('detects the drop after import, with the numbers worked out by hand', async () => {
    const r = await importReferralsAndDetect(database, writeTemp('series.csv', seriesCsv()));
    expect(r.alerts).toMatchObject({ asOf: '2025-03', found: 1, created: 1 });
    // 4 series tested (R1 and R2, cardiology and all); only the 'ours' series have a baseline to drop from
    expect(r.alerts!.tested).toBe(4);
    const list = await c.manager.request('GET', '/api/alerts');
    expect(list.statusCode).toBe(200);
    const [a] = list.json().items;
    expect([a.referringNpi, a.serviceLine, a.direction, a.test, a.startMonth, a.windowMonths]).toEqual([
      N.R1,
      'cardiology',
      'drop',
      'volume',
      '2025-01',
      3,
    ]);
    // window 3: baseline 2023-01..2024-12 has R1 240 over market 480; recent market 30 (R2) → p0 = 30/510
    const p = 4 * (480 / 510) ** 240; // Bonferroni over the 4 windows
    expect(a.pValue).toBeCloseTo(p, 12);
    expect(a.qValue).toBeCloseTo(Math.min(1, (p * 4) / 2), 12); // BH: rank 1 and 2 tie at p (R1 cardiology and R1 all)
    expect([a.baseline.ratePerMonth, a.recent.ratePerMonth, a.recent.expected, a.recent.observed]).toEqual([
      10, 0, 15, 0,
    ]);
    expect(a.summary).toMatch(/dropped from 10.0 to 0.0 a month/);
    // a second run refreshes the open alert rather than duplicating it
    const again = await c.manager.request('POST', '/api/alerts/run', {});
    expect(again.json()).toMatchObject({ found: 1, created: 0 });
  });

  it('scopes liaisons to their territories and runs the workflow with audit', async () => {
    await importReferralsAndDetect(database, writeTemp('series.csv', seriesCsv()));
    const id = (await c.manager.request('GET', '/api/alerts')).json().items[0].id as number;
    expect((await c.liaison.request('GET', '/api/alerts')).json().items).toEqual([]);
    expect((await c.liaison.request('POST', `/api/alerts/${id}/acknowledge`, {})).statusCode).toBe(403);
    const t = await database.db
      .insertInto('territories')
      .values({ name: 'North', counties: ['12001'], zips: [] } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('territory_assignments')
      .values({ territory_id: t.id, user_id: c.liaison.userId })
      .execute();
    expect(
      (await c.liaison.request('GET', '/api/alerts')).json().items.map((a: { id: number }) => a.id),
    ).toEqual([id]);
    expect((await c.liaison.request('POST', `/api/alerts/${id}/acknowledge`, {})).json().status).toBe(
      'acknowledged',
    );
    expect(
      (await c.liaison.request('POST', `/api/alerts/${id}/assign`, { assigneeUserId: c.liaison.userId }))
        .statusCode,
    ).toBe(403);
    const assigned = await c.manager.request('POST', `/api/alerts/${id}/assign`, {
      assigneeUserId: c.liaison.userId,
    });
    expect(assigned.json()).toMatchObject({ status: 'assigned', assignee: { id: c.liaison.userId } });
    expect(
      (await c.manager.request('POST', `/api/alerts/${id}/assign`, { assigneeUserId: 987654 })).statusCode,
    ).toBe(400);
    const resolved = await c.liaison.request('POST', `/api/alerts/${id}/resolve`, {
      note: 'Met Dr Referrer; scheduling issue fixed',
    });
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      note: 'Met Dr Referrer; scheduling issue fixed',
    });
    expect((await c.liaison.request('POST', `/api/alerts/${id}/resolve`, {})).statusCode).toBe(409);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'alert')
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['alert_acknowledge', 'alert_assign', 'alert_resolve']);
  });

  it('tells liaisons of new alerts in their territory, managers of those in the market, the assignee of theirs', async () => {
    const territory = async (name: string, county: string, userId: number) => {
      const t = await database.db
        .insertInto('territories')
        .values({ name, counties: [county], zips: [] } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('territory_assignments')
        .values({ territory_id: t.id, user_id: userId })
        .execute();
    };
    const elsewhere = await clientFor(app, database, 'liaison', 'elsewhere@test.example');
    await territory('North', '12001', c.liaison.userId); // R1's county
    await territory('South', '12999', elsewhere.userId);
    // an analyst watches R1: they hear of the alert by the physician's name
    expect((await c.analyst.request('PUT', `/api/watches/${N.R1}`, { watching: true })).statusCode).toBe(200);
    await importReferralsAndDetect(database, writeTemp('series.csv', seriesCsv()));
    const alert = (await c.manager.request('GET', '/api/alerts')).json().items[0];
    const inbox = async (cl: Client) => (await cl.request('GET', '/api/notifications')).json().items;
    const through = `Found in internal referrals through ${alert.dataDate}`;
    expect(await inbox(c.liaison)).toMatchObject([
      {
        kind: 'alerts_new',
        title: '1 new shifting-referrer alert in your territory',
        detail: through,
        link: '/referrals',
      },
    ]);
    expect(await inbox(c.manager)).toMatchObject([{ title: '1 new shifting-referrer alert in the market' }]);
    expect(await inbox(elsewhere)).toEqual([]);
    expect(await inbox(c.analyst)).toMatchObject([
      {
        kind: 'watched',
        title: 'Pat Referrer: fewer referrals to us',
        detail: 'New shifting-referrer alert · cardiology',
        link: `/referrals?alert=${alert.id}`,
      },
    ]);
    // the same alert found again is not new: nobody is told twice
    await c.manager.request('POST', '/api/alerts/run', {});
    expect(await inbox(c.liaison)).toHaveLength(1);

    await c.manager.request('POST', `/api/alerts/${alert.id}/assign`, { assigneeUserId: c.liaison.userId });
    expect((await inbox(c.liaison))[0]).toMatchObject({
      kind: 'alert_assigned',
      title: 'Test manager assigned you a shifting-referrer alert: Pat Referrer',
      detail: alert.summary,
      link: `/referrals?alert=${alert.id}`,
    });
  });

  it('serves the referral base and market views', async () => {
    await importReferralsAndDetect(database, writeTemp('series.csv', seriesCsv()));
    const base = await c.analyst.request('GET', `/api/referrals/base/${N.R1}?from=2024-01&to=2025-03`);
    expect(base.statusCode).toBe(200);
    expect(base.json()).toMatchObject({
      total: 120,
      shareToOurs: 1,
      segment: 'loyalist',
      consistency: { monthsWithReferrals: 9, of: 12 },
    });
    expect(
      (await c.analyst.request('GET', `/api/referrals/base/${N.R1}?from=2025-03&to=2024-01`)).statusCode,
    ).toBe(400);
    const share = await c.liaison.request(
      'GET',
      '/api/market/share?serviceLine=cardiology&period=2025-01..2025-03&by=zip',
    );
    expect(share.json().areas).toEqual([
      { area: '32603', total: 30, ourNetwork: 30, competitor: 0, other: 0, share: 1, name: null },
    ]);
    expect((await c.liaison.request('GET', '/api/market/share?period=13x')).statusCode).toBe(400);
  });
});
