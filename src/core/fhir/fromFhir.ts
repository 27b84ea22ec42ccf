// FHIR directory resources → Rounds directory rows (the inverse of resources.ts), for loading
// partner directories and for round-trip checks. Pure; unknown fields are ignored.
import type { LocationRow, OrganizationRow, ProviderRow, TaxonomyRow } from './resources';
import {
  GEOLOCATION_EXT,
  NPI_SYSTEM,
  NUCC_SYSTEM,
  ROUNDS_LOCATION_ID_SYSTEM,
  ROUNDS_ORG_KIND_SYSTEM,
} from './types';

type J = Record<string, any>;
const npiOf = (r: J): string | null =>
  (r.identifier as J[] | undefined)?.find((i) => i.system === NPI_SYSTEM)?.value ?? null;
const tele = (r: J, system: string): string | null =>
  (r.telecom as J[] | undefined)?.find((t) => t.system === system)?.value ?? null;

function addr(a: J | undefined) {
  const zip = String(a?.postalCode ?? '').replace(/[^0-9]/g, '');
  const geo = (a?.extension as J[] | undefined)?.find((e) => e.url === GEOLOCATION_EXT)?.extension as
    | J[]
    | undefined;
  return {
    line1: a?.line?.[0] ?? null,
    line2: a?.line?.[1] ?? null,
    city: a?.city ?? null,
    state: a?.state ?? null,
    zip5: zip.length >= 5 ? zip.slice(0, 5) : null,
    zip9: zip.length === 9 ? zip : null,
    lat: geo?.find((g) => g.url === 'latitude')?.valueDecimal ?? null,
    lon: geo?.find((g) => g.url === 'longitude')?.valueDecimal ?? null,
  };
}
const workAddress = (r: J) =>
  (r.address as J[] | undefined)?.find((a) => a.use === 'work') ?? (r.address as J[] | undefined)?.[0];
const SEX: Record<string, ProviderRow['sex']> = { male: 'M', female: 'F', other: 'X', unknown: 'U' };

export function providerFromPractitioner(p: J): { row: ProviderRow; taxonomies: TaxonomyRow[] } {
  const name =
    (p.name as J[] | undefined)?.find((n) => n.use === 'official') ?? (p.name as J[] | undefined)?.[0] ?? {};
  const npi = npiOf(p) ?? '';
  const a = addr(workAddress(p));
  const taxonomies = ((p.qualification as J[] | undefined) ?? []).flatMap((q, i) => {
    const c = (q.code?.coding as J[] | undefined)?.find((x) => x.system === NUCC_SYSTEM);
    return c
      ? [
          {
            code: c.code,
            display: c.display ?? null,
            license: q.identifier?.[0]?.value ?? null,
            license_state: null,
            is_primary: i === 0,
          },
        ]
      : [];
  });
  return {
    row: {
      npi,
      last_name: name.family ?? null,
      first_name: name.given?.[0] ?? null,
      middle_name: name.given?.[1] ?? null,
      name_prefix: name.prefix?.[0] ?? null,
      name_suffix: name.suffix?.[0] ?? null,
      credential: name.suffix?.[1] ?? null,
      sex: p.gender ? (SEX[p.gender] ?? null) : null,
      status: p.active === false ? 'deactivated' : 'active',
      phone: tele(p, 'phone'),
      fax: tele(p, 'fax'),
      updated_at: p.meta?.lastUpdated ?? null,
      ...a,
    },
    taxonomies,
  };
}

export function organizationFromFhir(o: J, id: number): OrganizationRow {
  const kind = (o.type as J[] | undefined)
    ?.flatMap((t) => t.coding ?? [])
    .find((c: J) => c.system === ROUNDS_ORG_KIND_SYSTEM)?.code;
  const { lat: _lat, lon: _lon, ...a } = addr(workAddress(o));
  const parent = /^Organization\/(\d+)$/.exec(o.partOf?.reference ?? '')?.[1];
  return {
    id,
    npi: npiOf(o),
    name: o.name ?? '',
    type: kind ?? 'other',
    parent_id: parent ? Number(parent) : null,
    phone: tele(o, 'phone'),
    status: o.active === false ? 'deactivated' : 'active',
    deleted_at: null,
    updated_at: o.meta?.lastUpdated ?? null,
    ...a,
  };
}

export function locationFromFhir(l: J, id: number): LocationRow {
  const a = addr(l.address);
  const org = /^Organization\/(\d+)$/.exec(l.managingOrganization?.reference ?? '')?.[1];
  return {
    id,
    organization_id: org ? Number(org) : null,
    name: l.name ?? '',
    phone: tele(l, 'phone'),
    external_id:
      (l.identifier as J[] | undefined)?.find((i) => i.system === ROUNDS_LOCATION_ID_SYSTEM)?.value ?? null,
    deleted_at: l.status === 'inactive' ? new Date(0) : null,
    updated_at: l.meta?.lastUpdated ?? null,
    ...a,
    lat: l.position?.latitude ?? a.lat,
    lon: l.position?.longitude ?? a.lon,
  };
}
