// The offices a route can visit: locations (with hours, visit rules, point) and who practises there.
import type { Kysely } from 'kysely';
import { personName } from '../../../core/directory/personName';
import type { DB } from '../../schema';

export type LocationRow = {
  id: number;
  organizationId: number | null;
  organizationName: string | null;
  name: string;
  address: string;
  lat: number | null;
  lon: number | null;
  geoPrecision: string | null;
  hours: string | null;
  visitRules: string | null;
};

export async function loadLocations(db: Kysely<DB>, ids: readonly number[]): Promise<LocationRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('locations as l')
    .leftJoin('organizations as o', 'o.id', 'l.organization_id')
    .select([
      'l.id',
      'l.organization_id',
      'o.name as org_name',
      'l.name',
      'l.line1',
      'l.city',
      'l.state',
      'l.zip5',
      'l.lat',
      'l.lon',
      'l.geo_precision',
      'l.hours',
      'l.visit_rules',
    ])
    .where('l.id', 'in', [...ids])
    .where('l.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    organizationId: r.organization_id === null ? null : Number(r.organization_id),
    organizationName: r.org_name,
    name: r.name,
    address: [r.line1, r.city, [r.state, r.zip5].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    lat: r.lat,
    lon: r.lon,
    geoPrecision: r.geo_precision,
    hours: r.hours,
    visitRules: r.visit_rules,
  }));
}

/** Office locations of each provider (through memberships), lowest location id first. */
export async function locationsOfProviders(db: Kysely<DB>, npis: readonly string[]) {
  if (npis.length === 0) return new Map<string, number[]>();
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('locations as l', 'l.organization_id', 'm.organization_id')
    .select(['m.provider_npi', 'l.id'])
    .where('m.provider_npi', 'in', [...npis])
    .where('m.role', '<>', 'affiliated')
    .where('l.deleted_at', 'is', null)
    .orderBy('l.id')
    .execute();
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(r.provider_npi, [...(out.get(r.provider_npi) ?? []), Number(r.id)]);
  return out;
}

/** Providers practising at each location (primary/secondary members of its organization), capped per location. */
export async function providersAtLocations(db: Kysely<DB>, locationIds: readonly number[], cap = 50) {
  const out = new Map<number, string[]>();
  if (locationIds.length === 0) return out;
  const rows = await db
    .selectFrom('locations as l')
    .innerJoin('memberships as m', 'm.organization_id', 'l.organization_id')
    .select(['l.id', 'm.provider_npi'])
    .where('l.id', 'in', [...locationIds])
    .where('m.role', '<>', 'affiliated')
    .orderBy('m.provider_npi')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.id)) ?? [];
    if (list.length < cap) list.push(r.provider_npi);
    out.set(Number(r.id), list);
  }
  return out;
}

export async function providerNames(db: Kysely<DB>, npis: readonly string[]): Promise<Map<string, string>> {
  if (npis.length === 0) return new Map();
  const rows = await db
    .selectFrom('providers')
    .select(['npi', 'first_name', 'last_name', 'credential'])
    .where('npi', 'in', [...npis])
    .execute();
  return new Map(
    rows.map((r) => [
      r.npi,
      personName({ first: r.first_name, last: r.last_name, credential: r.credential }),
    ]),
  );
}

/** Relationship tier and last in-person visit per provider: the fallback priority when no target score exists. */
export async function tiers(db: Kysely<DB>, npis: readonly string[]): Promise<Map<string, string | null>> {
  if (npis.length === 0) return new Map();
  const rows = await db
    .selectFrom('provider_relationships')
    .select(['provider_npi', 'tier'])
    .where('provider_npi', 'in', [...npis])
    .execute();
  return new Map(rows.map((r) => [r.provider_npi, r.tier]));
}
