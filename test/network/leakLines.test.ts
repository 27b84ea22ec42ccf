// "Why this physician" names the service lines that leak the most first: on the five-provider market,
// P2 also sends 2 orthopedics and 5 urology referrals to a competitor (cardiology 10), so its lines are
// cardiology, urology, orthopedics — not the alphabetical cardiology, orthopedics, urology.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthStartDate } from '../../src/core/referrals/months';
import type { Database } from '../../src/db/connection';
import { targetFacts } from '../../src/db/queries/network/targetFacts';
import { backends } from '../helpers/db';
import { NPI, seedMarket } from './fixture';

describe.each(backends)('leaking service lines on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
    const db = database.db;
    await seedMarket(db);
    const ours = await db
      .selectFrom('organizations')
      .select('id')
      .where('network_status', '=', 'ours')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('organizations')
      .set({ service_lines: ['cardiology', 'orthopedics', 'urology'] })
      .where('id', '=', ours.id)
      .execute();
    const rival = await db
      .selectFrom('organizations')
      .select('id')
      .where('network_status', '=', 'competitor')
      .executeTakeFirstOrThrow();
    const now = new Date();
    const month = monthStartDate(now.getUTCFullYear() * 12 + now.getUTCMonth());
    await db
      .insertInto('referral_monthly')
      .values(
        (
          [
            ['orthopedics', 2],
            ['urology', 5],
          ] as const
        ).map(([line, count]) => ({
          referring_npi: NPI.P2,
          month,
          service_line: line,
          dest_org_id: rival.id,
          dest_provider_npi: NPI.C2,
          source: 'ehr',
          count,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists them by referrals to competitors, most first', async () => {
    const { facts } = await targetFacts(database.db, { npis: [NPI.P1, NPI.P2] });
    const p2 = facts.find((f) => f.npi === NPI.P2)!;
    expect(p2.leakedReferrals).toBe(17);
    expect(p2.leakageServiceLines).toEqual(['cardiology', 'urology', 'orthopedics']);
    expect(facts.find((f) => f.npi === NPI.P1)!.leakageServiceLines).toEqual(['cardiology']);
  });
});
