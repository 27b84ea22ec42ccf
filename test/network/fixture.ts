// A five-provider market small enough to check by hand (see the expected values in the tests):
//   P1 (PCP, ZIP 10001) → C1 (our cardiologist) 4 referrals, → C2 (competitor cardiologist) 8,
//   P1 → S1 (orthopedist) 20 shared Medicare patients (CMS), S1 → C1 5 referrals,
//   P2 (PCP, ZIP 10001) → C2 10 referrals. P1 wants monthly visits (never visited); P2 has one open issue.
import type { Kysely } from 'kysely';
import { monthStartDate } from '../../src/core/referrals/months';
import type { DB } from '../../src/db/schema';

export const NPI = {
  P1: '1000000001',
  P2: '1000000002',
  C1: '2000000001',
  C2: '2000000002',
  S1: '3000000001',
};

export async function seedMarket(db: Kysely<DB>, liaisonUserId?: number) {
  const now = new Date();
  const month = monthStartDate(now.getUTCFullYear() * 12 + now.getUTCMonth());
  const person = (npi: string, last: string, line: string, zip: string) => ({
    npi,
    first_name: 'Test',
    last_name: last,
    primary_service_line: line,
    practice_zip5: zip,
    county_fips: '36061',
    lat: 40.75,
    lon: -73.99,
  });
  await db
    .insertInto('providers')
    .values([
      person(NPI.P1, 'Primary', 'primary_care', '10001'),
      person(NPI.P2, 'Second', 'primary_care', '10001'),
      person(NPI.C1, 'Heart', 'cardiology', '10002'),
      person(NPI.C2, 'Rival', 'cardiology', '10003'),
      person(NPI.S1, 'Bones', 'orthopedics', '10004'),
    ])
    .execute();
  const [ours, rival] = await db
    .insertInto('organizations')
    .values([
      { name: 'Our Heart Institute', network_status: 'ours', service_lines: ['cardiology'] },
      { name: 'Rival Cardiology', network_status: 'competitor', service_lines: ['cardiology'] },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('memberships')
    .values([
      { provider_npi: NPI.C1, organization_id: ours.id, role: 'primary', source: 'manual' },
      { provider_npi: NPI.C2, organization_id: rival.id, role: 'primary', source: 'manual' },
    ])
    .execute();
  const ref = (from: string, to: string, org: number, count: number, line = 'cardiology') => ({
    referring_npi: from,
    month,
    service_line: line,
    dest_org_id: org,
    dest_provider_npi: to,
    source: 'ehr',
    count,
  });
  await db
    .insertInto('referral_monthly')
    .values([
      ref(NPI.P1, NPI.C1, ours.id, 4),
      ref(NPI.P1, NPI.C2, rival.id, 8),
      ref(NPI.P2, NPI.C2, rival.id, 10),
      ref(NPI.S1, NPI.C1, ours.id, 5),
    ])
    .execute();
  await db
    .insertInto('shared_patient_links')
    .values({
      year: 2015,
      window_days: 30,
      npi_from: NPI.P1,
      npi_to: NPI.S1,
      pair_count: 40,
      bene_count: 20,
      same_day_count: 0,
    })
    .execute();
  await db
    .insertInto('provider_relationships')
    .values({ provider_npi: NPI.P1, visit_frequency: 'monthly', tier: 'A' })
    .execute();
  await db
    .insertInto('physician_issues')
    .values({ provider_npi: NPI.P2, category: 'access', title: 'Cannot get appointments' })
    .execute();
  if (liaisonUserId !== undefined) {
    const t = await db
      .insertInto('territories')
      .values({ name: 'Chelsea', zips: ['10001'], counties: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('territory_assignments')
      .values({ territory_id: t.id, user_id: liaisonUserId })
      .execute();
  }
  return { ours: Number(ours.id), rival: Number(rival.id) };
}
