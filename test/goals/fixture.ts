// A small October 2026 book for liaison L, every number checkable by hand (expected values in the tests):
//   relationships (owner L): P1 A-tier weekly, P2 A-tier monthly, P3 B-tier.
//   activities by L (noon UTC): 09-20 drop-in P2 · 10-02 in-person P1+P2 · 10-05 drop-in P2 ·
//     10-06 call P3 (not a visit) · 10-08 lunch-and-learn P3 · 10-12 call P3.
//   issues owned by L: opened 10-01 resolved 10-04 (3 d) · opened 09-01 resolved 10-03 (32 d) · opened 10-02, open.
//   task of L: "Call back about MRI slots", P1, due 10-06, open.
//   referrals (cardiology, monthly rollup): Sep P1→ours 2, P2→rival 9; Oct P1→ours 4, P2→rival 6, P3→ours 1.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';

export const NPI = { P1: '1100000001', P2: '1100000002', P3: '1100000003' };

export async function seedBook(db: Kysely<DB>, liaisonId: number) {
  const person = (npi: string, last: string) => ({
    npi,
    first_name: 'TEST', // in capitals, as NPPES writes names: screens show "Test One" (core/directory/personName)
    last_name: last,
    primary_service_line: 'primary_care',
    practice_zip5: '10001',
    county_fips: '36061',
    county_name: 'New York',
    lat: 40.75,
    lon: -73.99,
  });
  await db
    .insertInto('providers')
    .values([person(NPI.P1, 'ONE'), person(NPI.P2, 'TWO'), person(NPI.P3, 'THREE')])
    .execute();
  await db
    .insertInto('provider_relationships')
    .values([
      { provider_npi: NPI.P1, tier: 'A', visit_frequency: 'weekly', owner_id: liaisonId, tags: [] },
      { provider_npi: NPI.P2, tier: 'A', visit_frequency: 'monthly', owner_id: liaisonId, tags: [] },
      { provider_npi: NPI.P3, tier: 'B', visit_frequency: 'quarterly', owner_id: liaisonId, tags: [] },
    ])
    .execute();
  const visits: [string, string, string[]][] = [
    ['2026-09-20', 'drop_in', [NPI.P2]],
    ['2026-10-02', 'in_person_visit', [NPI.P1, NPI.P2]],
    ['2026-10-05', 'drop_in', [NPI.P2]],
    ['2026-10-06', 'call', [NPI.P3]],
    ['2026-10-08', 'lunch_and_learn', [NPI.P3]],
    ['2026-10-12', 'call', [NPI.P3]],
  ];
  for (const [day, type, npis] of visits) {
    const a = await db
      .insertInto('activities')
      .values({ type, occurred_at: new Date(`${day}T12:00:00Z`), owner_id: liaisonId, topics: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('activity_attendees')
      .values(npis.map((n) => ({ activity_id: a.id, provider_npi: n })))
      .execute();
  }
  const issue = (opened: string, resolved: string | null, title: string) => ({
    provider_npi: NPI.P2,
    category: 'access',
    title,
    opened_on: opened,
    resolved_on: resolved,
    status: resolved ? 'resolved' : 'open',
    owner_id: liaisonId,
  });
  await db
    .insertInto('physician_issues')
    .values([
      issue('2026-10-01', '2026-10-04', 'Fax lost'),
      issue('2026-09-01', '2026-10-03', 'Slow reports'),
      issue('2026-10-02', null, 'No Saturday slots'),
    ])
    .execute();
  await db
    .insertInto('tasks')
    .values({
      title: 'Call back about MRI slots',
      owner_id: liaisonId,
      provider_npi: NPI.P1,
      due_on: '2026-10-06',
    })
    .execute();
  const [ours, rival] = await db
    .insertInto('organizations')
    .values([
      { name: 'Our Heart Institute', network_status: 'ours', service_lines: ['cardiology'] },
      { name: 'Rival Cardiology', network_status: 'competitor', service_lines: ['cardiology'] },
    ])
    .returning('id')
    .execute();
  const ref = (npi: string, month: string, org: number, count: number) => ({
    referring_npi: npi,
    month,
    service_line: 'cardiology',
    dest_org_id: org,
    dest_provider_npi: npi,
    source: 'ehr',
    count,
  });
  await db
    .insertInto('referral_monthly')
    .values([
      ref(NPI.P1, '2026-09-01', ours!.id, 2),
      ref(NPI.P2, '2026-09-01', rival!.id, 9),
      ref(NPI.P1, '2026-10-01', ours!.id, 4),
      ref(NPI.P2, '2026-10-01', rival!.id, 6),
      ref(NPI.P3, '2026-10-01', ours!.id, 1),
    ])
    .execute();
}
