// Everything the directory knows about one provider (API `GET /api/providers/:npi`, CLI `providers get`).
import type { Kysely } from 'kysely';
import type { DB } from '../../schema';
import { latestNppesImport } from './searchProviders';

const point = (r: { lat: number | null; lon: number | null; geo_precision: string | null }) =>
  r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon, precision: r.geo_precision ?? 'none' };

const address = (
  r: Record<string, unknown>,
  p: 'practice' | 'mailing',
): {
  line1: unknown;
  line2: unknown;
  city: unknown;
  state: unknown;
  zip5: unknown;
  zip9: unknown;
  country: unknown;
  phone: unknown;
  fax: unknown;
} => ({
  line1: r[`${p}_line1`],
  line2: r[`${p}_line2`],
  city: r[`${p}_city`],
  state: r[`${p}_state`],
  zip5: r[`${p}_zip5`],
  zip9: r[`${p}_zip9`],
  country: r[`${p}_country`],
  phone: r[`${p}_phone`],
  fax: r[`${p}_fax`],
});

export async function getProviderProfile(db: Kysely<DB>, npi: string) {
  const p = await db.selectFrom('providers').selectAll().where('npi', '=', npi).executeTakeFirst();
  if (!p) return null;
  const [taxonomies, otherNames, secondary, orgs, changes, latest] = await Promise.all([
    db
      .selectFrom('provider_taxonomies as t')
      .leftJoin('taxonomies as x', 'x.code', 't.code')
      .leftJoin('service_line_map as m', 'm.taxonomy_code', 't.code')
      .select([
        't.slot',
        't.code',
        't.license',
        't.license_state',
        't.is_primary',
        't.taxonomy_group',
        'x.display_name',
        'x.classification',
        'x.specialization',
        'm.service_line',
      ])
      .where('t.npi', '=', npi)
      .orderBy('t.slot')
      .execute(),
    db.selectFrom('provider_other_names').selectAll().where('npi', '=', npi).orderBy('slot').execute(),
    db.selectFrom('provider_locations').selectAll().where('npi', '=', npi).orderBy('address_key').execute(),
    db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['o.id', 'o.name', 'o.type', 'o.network_status', 'o.npi', 'o.parent_id', 'm.role', 'm.source'])
      .where('m.provider_npi', '=', npi)
      .where('o.deleted_at', 'is', null)
      .orderBy('m.role')
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('provider_changes')
      .select(['job_id', 'at', 'changes'])
      .where('npi', '=', npi)
      .orderBy('id', 'desc')
      .limit(20)
      .execute(),
    latestNppesImport(db),
  ]);
  const offices = orgs.length
    ? await db
        .selectFrom('locations')
        .selectAll()
        .where(
          'organization_id',
          'in',
          orgs.map((o) => o.id),
        )
        .where('deleted_at', 'is', null)
        .orderBy('name')
        .execute()
    : [];
  const primaryOrg = orgs.find((o) => o.role === 'primary') ?? null;
  return {
    npi: p.npi,
    entityType: 'individual' as const,
    name: {
      last: p.last_name,
      first: p.first_name,
      middle: p.middle_name,
      prefix: p.name_prefix,
      suffix: p.name_suffix,
      credential: p.credential,
    },
    sex: p.sex,
    status: p.status,
    primaryTaxonomy: p.primary_taxonomy,
    primaryServiceLine: p.primary_service_line,
    taxonomies: taxonomies.map((t) => ({
      slot: t.slot,
      code: t.code,
      name: t.display_name,
      classification: t.classification,
      specialization: t.specialization,
      serviceLine: t.service_line ?? 'other',
      isPrimary: t.is_primary,
      license: t.license,
      licenseState: t.license_state,
      group: t.taxonomy_group,
    })),
    otherNames: otherNames.map((o) => ({
      last: o.last_name,
      first: o.first_name,
      middle: o.middle_name,
      prefix: o.name_prefix,
      suffix: o.name_suffix,
      credential: o.credential,
      typeCode: o.type_code,
    })),
    practiceAddress: { ...address(p, 'practice'), countyFips: p.county_fips, countyName: p.county_name },
    mailingAddress: address(p, 'mailing'),
    locations: [
      {
        kind: 'practice',
        source: p.source,
        ...address(p, 'practice'),
        countyFips: p.county_fips,
        countyName: p.county_name,
        point: point(p),
      },
      ...secondary.map((l) => ({
        kind: 'secondary',
        source: l.source,
        line1: l.line1,
        line2: l.line2,
        city: l.city,
        state: l.state,
        zip5: l.zip5,
        zip9: l.zip9,
        country: l.country,
        phone: l.phone,
        fax: l.fax,
        countyFips: l.county_fips,
        countyName: l.county_name,
        point: point(l),
        dataDate: l.data_date,
      })),
    ],
    offices: offices.map((l) => ({
      id: l.id,
      organizationId: l.organization_id,
      name: l.name,
      line1: l.line1,
      city: l.city,
      state: l.state,
      zip5: l.zip5,
      phone: l.phone,
      hours: l.hours,
      visitRules: l.visit_rules,
      point: point(l),
      source: l.source,
    })),
    organizations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      networkStatus: o.network_status,
      npi: o.npi,
      parentId: o.parent_id,
      role: o.role,
      source: o.source,
    })),
    primaryOrganization: primaryOrg
      ? { id: primaryOrg.id, name: primaryOrg.name, networkStatus: primaryOrg.network_status }
      : null,
    dates: {
      enumeration: p.enumeration_date,
      lastUpdate: p.last_update_date,
      certification: p.certification_date,
      deactivation: p.deactivation_date,
      deactivationReason: p.deactivation_reason,
      reactivation: p.reactivation_date,
      firstSeenAt: p.first_seen_at,
      arrivedAt: p.arrived_at,
      arrivalReason: p.arrival_reason,
    },
    changes,
    source: p.source,
    dataDate: p.data_date,
    directoryDataDate: latest?.data_date ?? null,
  };
}

export type ProviderProfile = NonNullable<Awaited<ReturnType<typeof getProviderProfile>>>;
