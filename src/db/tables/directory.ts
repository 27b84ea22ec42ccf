// Table types for the provider directory (migration 20261127_0100_directory; docs/schema-directory.md).
import type { Generated } from 'kysely';

type Address<P extends string> = {
  [K in `${P}_${'line1' | 'line2' | 'city' | 'state' | 'zip5' | 'zip9' | 'country' | 'phone' | 'fax'}`]:
    | string
    | null;
};

export type GeoPrecision = 'rooftop' | 'street' | 'zip_centroid' | 'synthetic_point' | 'none';
export type OrganizationType =
  | 'health_system'
  | 'hospital'
  | 'asc'
  | 'imaging'
  | 'clinic'
  | 'practice'
  | 'group'
  | 'other';
export const ORGANIZATION_TYPES: readonly OrganizationType[] = [
  'health_system',
  'hospital',
  'asc',
  'imaging',
  'clinic',
  'practice',
  'group',
  'other',
];
export type NetworkStatus = 'ours' | 'affiliated' | 'independent' | 'competitor';
export const NETWORK_STATUSES: readonly NetworkStatus[] = ['ours', 'affiliated', 'independent', 'competitor'];
export type MembershipRole = 'primary' | 'secondary' | 'affiliated';
export type MembershipSource = 'nppes' | 'cms' | 'manual' | 'demo';

export type ProviderRow = {
  npi: string;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  name_prefix: string | null;
  name_suffix: string | null;
  credential: string | null;
  sex: 'M' | 'F' | 'X' | 'U' | null;
  primary_taxonomy: string | null;
  primary_service_line: string | null;
  enumeration_date: string | null;
  last_update_date: string | null;
  certification_date: string | null;
  deactivation_date: string | null;
  deactivation_reason: string | null;
  reactivation_date: string | null;
  status: Generated<'active' | 'deactivated'>;
  is_sole_proprietor: boolean | null;
  county_fips: string | null;
  county_name: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: GeoPrecision | null;
  search_name: Generated<string>;
  /** the codes of its provider_taxonomies rows, slot order (written with them by the NPPES merge) */
  taxonomy_codes: Generated<string[]>;
  first_seen_job_id: number | null;
  first_seen_at: Generated<Date>;
  arrived_at: Date | null;
  arrived_job_id: number | null;
  arrival_reason: 'enumerated' | 'moved_in' | 'reactivated' | null;
  source: Generated<string>;
  data_date: string | null;
  row_hash: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
} & Address<'practice'> &
  Address<'mailing'>;

export type OrganizationRow = {
  id: Generated<number>;
  npi: string | null;
  pac_id: string | null;
  ccn: string | null;
  name: string;
  type: Generated<OrganizationType>;
  network_status: Generated<NetworkStatus>;
  parent_id: number | null;
  facility_code: string | null;
  service_lines: Generated<string[]>;
  primary_taxonomy: string | null;
  county_fips: string | null;
  county_name: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: GeoPrecision | null;
  official_last_name: string | null;
  official_first_name: string | null;
  official_title: string | null;
  official_phone: string | null;
  enumeration_date: string | null;
  last_update_date: string | null;
  deactivation_date: string | null;
  deactivation_reason: string | null;
  reactivation_date: string | null;
  status: Generated<'active' | 'deactivated'>;
  search_name: Generated<string>;
  version: Generated<number>;
  deleted_at: Date | null;
  source: Generated<string>;
  data_date: string | null;
  row_hash: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
} & Address<'practice'> &
  Address<'mailing'>;

export interface DirectoryTables {
  taxonomies: {
    code: string;
    grouping: string;
    classification: string;
    specialization: string | null;
    display_name: string;
    section: string | null;
    definition: string | null;
  };
  service_line_map: {
    taxonomy_code: string;
    service_line: string;
    is_default: Generated<boolean>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  providers: ProviderRow;
  /** one row per word of an active provider's search_name (kept by triggers on providers) */
  provider_name_tokens: { token: string; npi: string };
  /** the distinct words, with how many active providers carry each (0 once none does) */
  provider_name_words: { word: string; n: Generated<number> };
  provider_taxonomies: {
    npi: string;
    slot: number;
    code: string;
    license: string | null;
    license_state: string | null;
    is_primary: Generated<boolean>;
    taxonomy_group: string | null;
  };
  provider_other_names: {
    npi: string;
    slot: number;
    last_name: string | null;
    first_name: string | null;
    middle_name: string | null;
    name_prefix: string | null;
    name_suffix: string | null;
    credential: string | null;
    type_code: string | null;
  };
  provider_locations: {
    npi: string;
    address_key: string;
    line1: string | null;
    line2: string | null;
    city: string | null;
    state: string | null;
    zip5: string | null;
    zip9: string | null;
    country: string | null;
    phone: string | null;
    phone_ext: string | null;
    fax: string | null;
    county_fips: string | null;
    county_name: string | null;
    lat: number | null;
    lon: number | null;
    geo_precision: GeoPrecision | null;
    source: Generated<string>;
    data_date: string | null;
    job_id: number | null;
  };
  provider_changes: {
    id: Generated<number>;
    npi: string;
    job_id: number | null;
    at: Generated<Date>;
    changes: Record<string, { before: unknown; after: unknown }>;
  };
  organizations: OrganizationRow;
  organization_other_names: {
    organization_id: number;
    name: string;
    type_code: string | null;
    source: Generated<string>;
  };
  memberships: {
    id: Generated<number>;
    provider_npi: string;
    organization_id: number;
    role: Generated<MembershipRole>;
    source: MembershipSource;
    job_id: number | null;
    created_at: Generated<Date>;
  };
  locations: {
    id: Generated<number>;
    organization_id: number | null;
    name: string;
    line1: string | null;
    line2: string | null;
    city: string | null;
    state: string | null;
    zip5: string | null;
    county_fips: string | null;
    county_name: string | null;
    lat: number | null;
    lon: number | null;
    geo_precision: GeoPrecision | null;
    phone: string | null;
    hours: string | null;
    visit_rules: string | null;
    external_id: string | null;
    version: Generated<number>;
    deleted_at: Date | null;
    source: Generated<string>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  geocode_cache: {
    address_key: string;
    lat: number | null;
    lon: number | null;
    precision: string;
    source: string;
    created_at: Generated<Date>;
  };
}
