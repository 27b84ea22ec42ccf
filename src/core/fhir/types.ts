// Minimal FHIR R4 JSON shapes Rounds emits (validated against the R4 JSON schema in tests).
export type Coding = { system?: string; code?: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Reference = { reference?: string; display?: string };
export type Identifier = { use?: string; system?: string; value?: string; type?: CodeableConcept };
export type ContactPoint = { system: 'phone' | 'fax' | 'email' | 'url'; value: string; use?: string };
export type Address = {
  use?: 'work' | 'home' | 'billing';
  type?: 'physical' | 'postal' | 'both';
  line?: string[];
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  extension?: { url: string; extension: { url: string; valueDecimal: number }[] }[];
};
export type Resource = {
  resourceType: string;
  id?: string;
  meta?: { lastUpdated?: string; profile?: string[] };
  [k: string]: unknown;
};

export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const NUCC_SYSTEM = 'http://nucc.org/provider-taxonomy';
export const ORG_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/organization-type';
/** Rounds' own finer organization kinds (hospital, asc, clinic, …). */
export const ROUNDS_ORG_KIND_SYSTEM = 'urn:rounds:organization-kind';
export const ROUNDS_LOCATION_ID_SYSTEM = 'urn:rounds:location-external-id';
export const GEOLOCATION_EXT = 'http://hl7.org/fhir/StructureDefinition/geolocation';
export const PROFILES = {
  Practitioner: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner',
  PractitionerRole: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitionerrole',
  Organization: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization',
  Location: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-location',
} as const;
export type DirectoryType = keyof typeof PROFILES;
