// The stored market view (dashboard_views) on the hand-checked referral fixture (test/referrals/fixture.ts):
// a referral import stores it, the market overview then reads it, and it equals what the rollup gives on
// demand; a later import, or a change to the network, brings it up to date.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildExecutive } from '../../src/commands/dashboards/executive';
import { computeMarketView, marketView } from '../../src/commands/dashboards/marketView';
import { returnOnVisit } from '../../src/commands/dashboards/returnOnVisit';
import { importReferralsAndDetect } from '../../src/commands/referrals/imports';
import { runInBackground } from '../../src/db/background';
import type { Database } from '../../src/db/connection';
import { backends } from '../helpers/db';
import { HEADER, N, REFERRALS_CSV, seedMarket, writeTemp } from '../referrals/fixture';

type Row = Record<string, unknown>;
const panelRows = (e: { panels: { id: string; rows: Row[] }[] }, id: string) =>
  e.panels.find((p) => p.id === id)!.rows;
const trendOf = (rows: Row[]) => rows.map((r) => [r.month, r.service_line, r.total, r.ours, r.competitor]);

describe.each(backends)('stored market view on $name', ({ create }) => {
  let database: Database;
  beforeEach(async () => {
    database = await create();
    await seedMarket(database.db);
  });
  afterEach(async () => database.close());

  const stored = () =>
    database.db
      .selectFrom('dashboard_views')
      .select(['variant', 'inputs', 'body'])
      .where('name', '=', 'market')
      .orderBy('variant')
      .execute();

  it('is stored by the import, equals the on-demand figures, and serves the overview', async () => {
    const r = await importReferralsAndDetect(database, writeTemp('referrals.csv', REFERRALS_CSV));
    // all lines + the two lines our network offers (cardiology, orthopedics)
    expect(r.marketView?.variants).toBe(3);
    const rows = await stored();
    expect(rows.map((v) => v.variant)).toEqual(['', 'cardiology', 'orthopedics']);
    for (const v of rows)
      expect(v.body).toEqual(JSON.parse(JSON.stringify(await computeMarketView(database.db, v.variant))));
    // Valid rows: Jan cardiology to us 2 + 1 + 2; Feb orthopedics to the rival's member 3;
    // Mar cardiology to the rival 1 and to us 5 (dermatology is not a line we offer).
    const all = await buildExecutive(database.db, { months: 36 });
    expect(trendOf(panelRows(all, 'exec-share-trend'))).toEqual([
      ['2025-01', 'cardiology', 5, 5, 0],
      ['2025-02', 'orthopedics', 3, 0, 3],
      ['2025-03', 'cardiology', 6, 5, 1],
    ]);
    // 2 months back from the rollup's last month (2025-03): February and March
    const two = await buildExecutive(database.db, { months: 2 });
    expect(panelRows(two, 'exec-share-trend').map((x) => x.month)).toEqual(['2025-02', '2025-03']);
    // default value per case: orthopedics 6,000, cardiology 5,000
    expect(panelRows(two, 'exec-leakage-value')).toMatchObject([
      { line: 'orthopedics', leaked: 3, value: 18_000 },
      { line: 'cardiology', leaked: 1, value: 5_000 },
    ]);
    // R1 belongs to our primary care practice: 4 of 9 referrals leaked; its name is read when shown
    expect(panelRows(two, 'exec-leakage-referrers')).toEqual([
      { npi: N.R1, name: 'Pat Referrer', leakage: 4, total: 9, value: 23_000 },
    ]);
    const cardio = await buildExecutive(database.db, { months: 36, serviceLine: 'cardiology' });
    expect(trendOf(panelRows(cardio, 'exec-share-trend'))).toEqual([
      ['2025-01', 'cardiology', 5, 5, 0],
      ['2025-03', 'cardiology', 6, 5, 1],
    ]);
  });

  it('is refreshed by the next import and recomputed when the network changes', async () => {
    await importReferralsAndDetect(database, writeTemp('referrals.csv', REFERRALS_CSV));
    const before = await stored();
    await importReferralsAndDetect(
      database,
      writeTemp('more.csv', `${HEADER}\n${N.R2},,${N.RIV},cardiology,2025-03-20,completed,2\n`),
    );
    const after = await stored();
    expect(after.map((v) => v.variant)).toEqual(['', 'cardiology', 'orthopedics']);
    expect(after[0]!.inputs).not.toBe(before[0]!.inputs);
    const march = (await marketView(database.db, '')).trend.find((t) => t.month === '2025-03');
    expect(march).toEqual({ month: '2025-03', service_line: 'cardiology', total: 8, ours: 5, competitor: 3 });
    // The rival joins our network (an edit, not an import): the next request recomputes and stores.
    await sql`update organizations set network_status = 'affiliated', updated_at = now() + interval '1 second'
      where npi = ${N.RIV}`.execute(database.db);
    const e = await buildExecutive(database.db, { months: 36 });
    expect(trendOf(panelRows(e, 'exec-share-trend'))).toEqual([
      ['2025-01', 'cardiology', 5, 5, 0],
      ['2025-02', 'orthopedics', 3, 3, 0],
      ['2025-03', 'cardiology', 8, 8, 0],
    ]);
    const now = await stored();
    expect(now[0]!.inputs).not.toBe(after[0]!.inputs);
    expect(now[0]!.body).toEqual(JSON.parse(JSON.stringify(await computeMarketView(database.db, ''))));
  });

  it('stores return on visit with the import and says when it was computed', async () => {
    await importReferralsAndDetect(database, writeTemp('referrals.csv', REFERRALS_CSV));
    const row = await database.db
      .selectFrom('dashboard_views')
      .select(['computed_at'])
      .where('name', '=', 'return-on-visit')
      .where('variant', '=', '3|0.9')
      .executeTakeFirstOrThrow();
    const r = await returnOnVisit(database.db, 3);
    expect(r.computedAt).toBe(new Date(row.computed_at).toISOString());
    expect(r.dataDate).not.toBeNull();
  });

  it('a background refresh (FHIR intake) is awaited, not cut off, when the database closes', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      await importReferralsAndDetect(database, writeTemp('referrals.csv', REFERRALS_CSV), {
        marketRefresh: 'background',
      });
      await database.close(); // returns once the refresh has stopped or finished
      await new Promise((r) => setTimeout(r, 500)); // (a refresh cut off by the close would warn by now)
      expect(warn.mock.calls.filter((c) => String(c[0]).includes('refresh failed'))).toEqual([]);
    } finally {
      warn.mockRestore();
      database = { ...database, close: async () => {} }; // afterEach: already closed
    }
  });

  it('closing the database waits for background work on it instead of cutting it off', async () => {
    const errors: unknown[] = [];
    let done = false;
    runInBackground(
      database.db,
      'test',
      async () => {
        await sql`select pg_sleep(0.3)`.execute(database.db);
        await sql`select 1`.execute(database.db); // after the close began: refused unless it waited
        done = true;
      },
      (e) => errors.push(e),
    );
    await database.close();
    database = { ...database, close: async () => {} }; // afterEach: already closed
    expect(errors).toEqual([]);
    expect(done).toBe(true);
  });
});
