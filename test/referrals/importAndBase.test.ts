// Import → rollup → referral base and market views on a hand-checked fixture, on both backends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { getReferralBase } from '../../src/db/queries/referrals/base';
import { marketLeakage, marketMovers, marketShare } from '../../src/db/queries/referrals/market';
import { importReferralsCsv } from '../../src/import/referrals/csv';
import { backends } from '../helpers/db';
import { HEADER, N, REFERRALS_CSV, seedMarket, writeTemp } from './fixture';

describe.each(backends)('referral import and referral base on $name', ({ create }) => {
  let database: Database;
  beforeEach(async () => {
    database = await create();
    await seedMarket(database.db);
  });
  afterEach(async () => database.close());

  it('imports valid rows, reports bad ones by line and field, and is idempotent', async () => {
    const path = writeTemp('referrals.csv', REFERRALS_CSV);
    const r = await importReferralsCsv(database, path);
    expect([r.rowsRead, r.inserted, r.updated, r.unchanged, r.rejected]).toEqual([13, 7, 0, 0, 6]);
    expect(r.dataDate).toBe('2025-03-15');
    expect(r.errors.map((e) => [e.line, e.field]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [8, 'referring_npi'],
      [9, 'receiving_npi'],
      [10, 'service_line'],
      [11, 'referral_date'],
      [12, 'status'],
      [13, 'count'],
    ]);
    const again = await importReferralsCsv(database, path);
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 7]);
    const rollup = await database.db
      .selectFrom('referral_monthly')
      .select((eb) => eb.fn.sum<number>('count').as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rollup.n)).toBe(18); // 2+1+3+1+4+5+2, not doubled
    // a later export that completes the pending referral updates it in place
    const update = await importReferralsCsv(
      database,
      writeTemp('later.csv', `${HEADER}\n${N.R2},${N.C1},,cardiology,2025-03-15,completed,5\n`),
    );
    expect([update.inserted, update.updated]).toEqual([0, 1]);
    const job = await database.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', r.jobId)
      .executeTakeFirstOrThrow();
    expect([job.kind, job.status, job.rows_rejected]).toEqual(['referrals', 'succeeded', 6]);
  });

  it('refuses patient-looking columns unless they are dropped, and maps other shapes', async () => {
    const text = `Referrer,Patient Name,DOB,To NPI,Line,Date\n${N.R1},Jane Doe,1970-01-01,${N.C1},cardiology,2025-01-10\n`;
    const path = writeTemp('ehr.csv', text);
    const mapping = {
      referring_npi: 'Referrer',
      receiving_npi: 'To NPI',
      service_line: 'Line',
      referral_date: 'Date',
    };
    await expect(importReferralsCsv(database, path, { mapping })).rejects.toThrow(
      /patient data \(Patient Name, DOB\)/,
    );
    const failed = await database.db.selectFrom('import_jobs').select('status').executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    const ok = await importReferralsCsv(database, path, { mapping, dropColumns: ['Patient Name', 'DOB'] });
    expect(ok.inserted).toBe(1);
    const stored = await database.db.selectFrom('referral_facts').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/Jane|1970/);
  });

  it('computes the referral base worked out by hand', async () => {
    await importReferralsCsv(database, writeTemp('referrals.csv', REFERRALS_CSV));
    const b = await getReferralBase(database.db, N.R1, { from: '2025-01', to: '2025-03' });
    expect(b.total).toBe(13);
    expect(b.byNetwork).toEqual({ ours: 5, affiliated: 0, independent: 4, competitor: 4, unknown: 0 });
    expect(b.offeredServiceLines).toEqual(['cardiology', 'orthopedics']);
    expect(b.inOfferedLines).toBe(9);
    expect(b.shareToOurs).toBeCloseTo(5 / 9, 12);
    expect(b.leakage).toBe(4);
    expect(b.segment).toBe('low_volume');
    expect(b.trend.slopePerMonth).toBe(0);
    expect(b.consistency).toEqual({ monthsWithReferrals: 3, of: 3 });
    // a three-month period is its own last 12 months
    expect(b.recent12).toEqual({
      from: '2025-01',
      to: '2025-03',
      inOfferedLines: 9,
      shareToOurs: b.shareToOurs,
      segment: 'low_volume',
      leakage: 4,
    });
    expect(b.topDestinations.map((d) => [d.name, d.count, d.network])).toEqual([
      ['Our Heart Hospital', 5, 'ours'],
      ['Indie Clinic', 4, 'independent'],
      ['Rival Hospital', 4, 'competitor'],
    ]);
    expect(b.monthly.map((m) => [m.month, m.ours, m.competitor, m.independent])).toEqual([
      ['2025-01', 5, 0, 0],
      ['2025-02', 0, 3, 0],
      ['2025-03', 0, 1, 4],
    ]);
    expect([b.dataDate, b.sources]).toEqual(['2025-03-15', ['ehr', 'fhir']]);
  });

  it('market share by county, leakage with value, and movers', async () => {
    await importReferralsCsv(database, writeTemp('referrals.csv', REFERRALS_CSV));
    const share = await marketShare(database.db, {
      serviceLine: 'cardiology',
      period: '2025-01..2025-03',
      by: 'county',
    });
    expect(share.areas.map((a) => [a.area, a.total, a.ourNetwork, a.share])).toEqual([
      ['12001', 6, 5, 5 / 6],
      ['12003', 5, 5, 1],
    ]);
    expect(share.overall).toEqual({ total: 11, ourNetwork: 10, share: 10 / 11 });
    const leak = await marketLeakage(database.db, {
      period: '2025-01..2025-03',
      limit: 50,
      scope: 'network',
    });
    expect(leak.items.map((i) => [i.referringNpi, i.leakage, i.total, i.estimatedValue])).toEqual([
      [N.R1, 4, 9, 3 * 6000 + 1 * 5000],
    ]);
    expect(leak.valuePerCaseIsDefault).toBe(true);
    const movers = await marketMovers(database.db, { months: 1, limit: 10 });
    // Mar vs Feb to our network: R2 0 → 5 (riser); R1 0 → 0
    expect(movers.risers.map((m) => [m.referringNpi, m.prior, m.recent])).toEqual([[N.R2, 0, 5]]);
    expect(movers.fallers).toEqual([]);
  });
});
