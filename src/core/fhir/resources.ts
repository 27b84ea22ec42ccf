// Directory rows → FHIR R4 resources (US Core / Plan-Net shapes). Pure: no I/O.
import {
  type Address,
  type ContactPoint,
  GEOLOCATION_EXT,
  NPI_SYSTEM,
  NUCC_SYSTEM,
  ORG_TYPE_SYSTEM,
  PROFILES,
  type Resource,
  ROUNDS_LOCATION_ID_SYSTEM,
  ROUNDS_ORG_KIND_SYSTEM,
} from './types';

type Addr = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  zip5?: string | null;
  zip9?: string | null;
};

const clean = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  ) as T;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);
const meta = (type: keyof typeof PROFILES, updated: Date | string | null | undefined) =>
  clean({ lastUpdated: iso(updated), profile: [PROFILES[type]] });

/** Postal code as in the source: ZIP+4 when known (12345-6789), else the 5-digit ZIP. */
export function address(a: Addr, geo?: { lat: number | null; lon: number | null }): Address | undefined {
  const line = [a.line1, a.line2].filter((l): l is string => !!l?.trim());
  const zip =
    a.zip9 && /^\d{9}$/.test(a.zip9) ? `${a.zip9.slice(0, 5)}-${a.zip9.slice(5)}` : (a.zip5 ?? undefined);
  if (!line.length && !a.city && !a.state && !zip) return undefined;
  const out: Address = clean({
    use: 'work' as const,
    type: 'physical' as const,
    line,
    city: a.city ?? undefined,
    state: a.state ?? undefined,
    postalCode: zip,
    country: 'US',
  });
  if (geo && geo.lat != null && geo.lon != null)
    out.extension = [
      {
        url: GEOLOCATION_EXT,
        extension: [
          { url: 'latitude', valueDecimal: geo.lat },
          { url: 'longitude', valueDecimal: geo.lon },
        ],
      },
    ];
  return out;
}

export function telecom(phone?: string | null, fax?: string | null): ContactPoint[] {
  const out: ContactPoint[] = [];
  if (phone?.trim()) out.push({ system: 'phone', value: phone.trim(), use: 'work' });
  if (fax?.trim()) out.push({ system: 'fax', value: fax.trim(), use: 'work' });
  return out;
}

const GENDER: Record<string, string> = { M: 'male', F: 'female', X: 'other', U: 'unknown' };

export type ProviderRow = Addr & {
  npi: string;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  name_prefix: string | null;
  name_suffix: string | null;
  credential: string | null;
  sex: string | null;
  status: string;
  phone: string | null;
  fax: string | null;
  lat: number | null;
  lon: number | null;
  updated_at: Date | string | null;
};
export type TaxonomyRow = {
  code: string;
  display: string | null;
  license: string | null;
  license_state: string | null;
  is_primary: boolean;
};

export function practitioner(p: ProviderRow, taxonomies: TaxonomyRow[] = []): Resource {
  const given = [p.first_name, p.middle_name].filter((g): g is string => !!g?.trim());
  const suffix = [p.name_suffix, p.credential].filter((s): s is string => !!s?.trim());
  return clean({
    resourceType: 'Practitioner',
    id: p.npi,
    meta: meta('Practitioner', p.updated_at),
    identifier: [{ system: NPI_SYSTEM, value: p.npi }],
    active: p.status === 'active',
    name: [
      clean({
        use: 'official',
        family: p.last_name ?? undefined,
        given,
        prefix: p.name_prefix ? [p.name_prefix] : [],
        suffix,
      }),
    ],
    telecom: telecom(p.phone, p.fax),
    address: [address(p, { lat: p.lat, lon: p.lon })].filter(Boolean),
    gender: p.sex ? GENDER[p.sex] : undefined,
    qualification: taxonomies.map((t) =>
      clean({
        identifier: t.license
          ? [
              clean({
                value: t.license,
                ...(t.license_state ? { assigner: { display: t.license_state } } : {}),
              }),
            ]
          : [],
        code: { coding: [clean({ system: NUCC_SYSTEM, code: t.code, display: t.display ?? undefined })] },
      }),
    ),
  });
}

export type OrganizationRow = Addr & {
  id: number;
  npi: string | null;
  name: string;
  type: string;
  parent_id: number | null;
  phone: string | null;
  status: string;
  deleted_at: Date | string | null;
  updated_at: Date | string | null;
};

export function organization(o: OrganizationRow): Resource {
  return clean({
    resourceType: 'Organization',
    id: String(o.id),
    meta: meta('Organization', o.updated_at),
    identifier: o.npi ? [{ system: NPI_SYSTEM, value: o.npi }] : [],
    active: o.status === 'active' && !o.deleted_at,
    type: [
      {
        coding: [
          { system: ORG_TYPE_SYSTEM, code: 'prov', display: 'Healthcare Provider' },
          { system: ROUNDS_ORG_KIND_SYSTEM, code: o.type },
        ],
      },
    ],
    name: o.name,
    telecom: telecom(o.phone),
    address: [address(o)].filter(Boolean),
    partOf: o.parent_id ? { reference: `Organization/${o.parent_id}` } : undefined,
  });
}

export type LocationRow = Addr & {
  id: number;
  organization_id: number | null;
  name: string;
  phone: string | null;
  lat: number | null;
  lon: number | null;
  external_id: string | null;
  deleted_at: Date | string | null;
  updated_at: Date | string | null;
};

export function location(l: LocationRow): Resource {
  return clean({
    resourceType: 'Location',
    id: String(l.id),
    meta: meta('Location', l.updated_at),
    identifier: l.external_id ? [{ system: ROUNDS_LOCATION_ID_SYSTEM, value: l.external_id }] : [],
    status: l.deleted_at ? 'inactive' : 'active',
    name: l.name,
    mode: 'instance',
    telecom: telecom(l.phone),
    address: address(l),
    position: l.lat != null && l.lon != null ? { longitude: l.lon, latitude: l.lat } : undefined,
    managingOrganization: l.organization_id ? { reference: `Organization/${l.organization_id}` } : undefined,
  });
}

export type RoleRow = {
  id: number;
  provider_npi: string;
  organization_id: number;
  role: string;
  provider_status: string;
  updated_at: Date | string | null;
  specialties: { code: string; display: string | null }[];
  location_ids: number[];
};

export function practitionerRole(r: RoleRow): Resource {
  return clean({
    resourceType: 'PractitionerRole',
    id: String(r.id),
    meta: meta('PractitionerRole', r.updated_at),
    active: r.provider_status === 'active',
    practitioner: { reference: `Practitioner/${r.provider_npi}` },
    organization: { reference: `Organization/${r.organization_id}` },
    code: [{ coding: [{ system: 'urn:rounds:membership-role', code: r.role }] }],
    specialty: r.specialties.map((s) => ({
      coding: [clean({ system: NUCC_SYSTEM, code: s.code, display: s.display ?? undefined })],
    })),
    location: r.location_ids.map((id) => ({ reference: `Location/${id}` })),
  });
}
