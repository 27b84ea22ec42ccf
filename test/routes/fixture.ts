// A small synthetic market for the route planner: offices around downtown Nashville with office hours and
// visit rules, one provider practising at each. Coordinates are made up (SYNTHETIC), ~1–8 km apart.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';

export type Office = { name: string; lat: number; lon: number; hours: string | null; rules?: string };

export const CENTER = { lat: 36.1627, lon: -86.7816, label: 'Office' };

/** n offices on a ring around the centre; every 7th is closed Tuesdays, every 5th drop-ins only Tue/Thu afternoon. */
export function ringOffices(n: number): Office[] {
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    const r = 0.02 + (0.03 * ((i * 7) % 5)) / 5;
    return {
      name: `Synthetic Office ${i + 1}`,
      lat: CENTER.lat + r * Math.cos(a),
      lon: CENTER.lon + r * Math.sin(a) * 1.25,
      hours: i % 7 === 6 ? 'Mon,Wed-Fri 08:00-17:00' : 'Mon-Fri 08:00-12:00,13:00-17:00',
      rules: i % 5 === 4 ? 'drop-ins Tue,Thu 14:00-16:00' : undefined,
    };
  });
}

/** Inserts one organization + location + provider per office; returns location ids and NPIs in order. */
export async function seedOffices(db: Kysely<DB>, offices: Office[], npiBase = 1_500_000_000) {
  const locationIds: number[] = [];
  const npis: string[] = [];
  for (const [i, o] of offices.entries()) {
    const org = await db
      .insertInto('organizations')
      .values({ name: `${o.name} Group`, lat: o.lat, lon: o.lon, source: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const loc = await db
      .insertInto('locations')
      .values({
        organization_id: org.id,
        name: o.name,
        line1: `${100 + i} Test Ave`,
        city: 'Nashville',
        state: 'TN',
        zip5: '37203',
        lat: o.lat,
        lon: o.lon,
        geo_precision: 'synthetic_point',
        hours: o.hours,
        visit_rules: o.rules ?? null,
        source: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const npi = String(npiBase + i);
    await db
      .insertInto('providers')
      .values({ npi, first_name: 'Pat', last_name: `Office${i + 1}`, credential: 'MD' })
      .execute();
    await db
      .insertInto('memberships')
      .values({ provider_npi: npi, organization_id: org.id, role: 'primary', source: 'manual' })
      .execute();
    locationIds.push(Number(loc.id));
    npis.push(npi);
  }
  return { locationIds, npis };
}
