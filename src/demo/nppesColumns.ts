/**
 * NPPES "npidata_pfile" current layout (330 columns, V2 June 2025) and the pl_pfile
 * companion layout (10 columns) — the demo generator's own copy of the header names
 * (from CMS NPPES_Data_Dissemination files; exact spelling, including double spaces).
 */

const BASE = [
  'NPI',
  'Entity Type Code',
  'Replacement NPI',
  'Employer Identification Number (EIN)',
  'Provider Organization Name (Legal Business Name)',
  'Provider Last Name (Legal Name)',
  'Provider First Name',
  'Provider Middle Name',
  'Provider Name Prefix Text',
  'Provider Name Suffix Text',
  'Provider Credential Text',
  'Provider Other Organization Name',
  'Provider Other Organization Name Type Code',
  'Provider Other Last Name',
  'Provider Other First Name',
  'Provider Other Middle Name',
  'Provider Other Name Prefix Text',
  'Provider Other Name Suffix Text',
  'Provider Other Credential Text',
  'Provider Other Last Name Type Code',
  'Provider First Line Business Mailing Address',
  'Provider Second Line Business Mailing Address',
  'Provider Business Mailing Address City Name',
  'Provider Business Mailing Address State Name',
  'Provider Business Mailing Address Postal Code',
  'Provider Business Mailing Address Country Code (If outside U.S.)',
  'Provider Business Mailing Address Telephone Number',
  'Provider Business Mailing Address Fax Number',
  'Provider First Line Business Practice Location Address',
  'Provider Second Line Business Practice Location Address',
  'Provider Business Practice Location Address City Name',
  'Provider Business Practice Location Address State Name',
  'Provider Business Practice Location Address Postal Code',
  'Provider Business Practice Location Address Country Code (If outside U.S.)',
  'Provider Business Practice Location Address Telephone Number',
  'Provider Business Practice Location Address Fax Number',
  'Provider Enumeration Date',
  'Last Update Date',
  'NPI Deactivation Reason Code',
  'NPI Deactivation Date',
  'NPI Reactivation Date',
  'Provider Sex Code',
  'Authorized Official Last Name',
  'Authorized Official First Name',
  'Authorized Official Middle Name',
  'Authorized Official Title or Position',
  'Authorized Official Telephone Number',
] as const;

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const TAXONOMY_GROUPS = range(15).flatMap((n) => [
  `Healthcare Provider Taxonomy Code_${n}`,
  `Provider License Number_${n}`,
  `Provider License Number State Code_${n}`,
  `Healthcare Provider Primary Taxonomy Switch_${n}`,
]);

const OTHER_ID_GROUPS = range(50).flatMap((n) => [
  `Other Provider Identifier_${n}`,
  `Other Provider Identifier Type Code_${n}`,
  `Other Provider Identifier State_${n}`,
  `Other Provider Identifier Issuer_${n}`,
]);

const TAIL = [
  'Is Sole Proprietor',
  'Is Organization Subpart',
  'Parent Organization LBN',
  'Parent Organization TIN',
  'Authorized Official Name Prefix Text',
  'Authorized Official Name Suffix Text',
  'Authorized Official Credential Text',
] as const;

export const NPPES_COLUMNS: readonly string[] = Object.freeze([
  ...BASE,
  ...TAXONOMY_GROUPS,
  ...OTHER_ID_GROUPS,
  ...TAIL,
  ...range(15).map((n) => `Healthcare Provider Taxonomy Group_${n}`),
  'Certification Date',
]);

/** sha256 of NPPES_COLUMNS.join('\n') — equals the list in nppes_npidata_pfile_columns.txt. */
export const NPPES_COLUMNS_SHA256 = '6a4facfcacc9101f9fb1bda89dcfa31d9e1c7656bb46633ef6c0e066523a4704';

export const PL_COLUMNS: readonly string[] = Object.freeze([
  'NPI',
  'Provider Secondary Practice Location Address- Address Line 1',
  'Provider Secondary Practice Location Address-  Address Line 2',
  'Provider Secondary Practice Location Address - City Name',
  'Provider Secondary Practice Location Address - State Name',
  'Provider Secondary Practice Location Address - Postal Code',
  'Provider Secondary Practice Location Address - Country Code (If outside U.S.)',
  'Provider Secondary Practice Location Address - Telephone Number',
  'Provider Secondary Practice Location Address - Telephone Extension',
  'Provider Practice Location Address - Fax Number',
]);

export const NPPES_INDEX: ReadonlyMap<string, number> = new Map(NPPES_COLUMNS.map((c, i) => [c, i]));

const C = (name: string): number => {
  const i = NPPES_INDEX.get(name);
  if (i === undefined) throw new Error(`NPPES column missing: ${name}`);
  return i;
};
/** Column indexes used by the demo writer (fails fast if a name is misspelled). */
export const COL = {
  npi: C('NPI'),
  entity: C('Entity Type Code'),
  ein: C('Employer Identification Number (EIN)'),
  orgName: C('Provider Organization Name (Legal Business Name)'),
  last: C('Provider Last Name (Legal Name)'),
  first: C('Provider First Name'),
  middle: C('Provider Middle Name'),
  prefix: C('Provider Name Prefix Text'),
  suffix: C('Provider Name Suffix Text'),
  cred: C('Provider Credential Text'),
  otherOrg: C('Provider Other Organization Name'),
  otherOrgType: C('Provider Other Organization Name Type Code'),
  otherLast: C('Provider Other Last Name'),
  otherFirst: C('Provider Other First Name'),
  otherLastType: C('Provider Other Last Name Type Code'),
  mail1: C('Provider First Line Business Mailing Address'),
  mail2: C('Provider Second Line Business Mailing Address'),
  mailCity: C('Provider Business Mailing Address City Name'),
  mailState: C('Provider Business Mailing Address State Name'),
  mailZip: C('Provider Business Mailing Address Postal Code'),
  mailCountry: C('Provider Business Mailing Address Country Code (If outside U.S.)'),
  mailPhone: C('Provider Business Mailing Address Telephone Number'),
  mailFax: C('Provider Business Mailing Address Fax Number'),
  prac1: C('Provider First Line Business Practice Location Address'),
  prac2: C('Provider Second Line Business Practice Location Address'),
  pracCity: C('Provider Business Practice Location Address City Name'),
  pracState: C('Provider Business Practice Location Address State Name'),
  pracZip: C('Provider Business Practice Location Address Postal Code'),
  pracCountry: C('Provider Business Practice Location Address Country Code (If outside U.S.)'),
  pracPhone: C('Provider Business Practice Location Address Telephone Number'),
  pracFax: C('Provider Business Practice Location Address Fax Number'),
  enum: C('Provider Enumeration Date'),
  update: C('Last Update Date'),
  deact: C('NPI Deactivation Date'),
  sex: C('Provider Sex Code'),
  aoLast: C('Authorized Official Last Name'),
  aoFirst: C('Authorized Official First Name'),
  aoMiddle: C('Authorized Official Middle Name'),
  aoTitle: C('Authorized Official Title or Position'),
  aoPhone: C('Authorized Official Telephone Number'),
  soleProp: C('Is Sole Proprietor'),
  subpart: C('Is Organization Subpart'),
  parentLbn: C('Parent Organization LBN'),
  aoPrefix: C('Authorized Official Name Prefix Text'),
  aoCred: C('Authorized Official Credential Text'),
  group1: C('Healthcare Provider Taxonomy Group_1'),
  cert: C('Certification Date'),
  tax: (n: number) => C(`Healthcare Provider Taxonomy Code_${n}`),
  lic: (n: number) => C(`Provider License Number_${n}`),
  licState: (n: number) => C(`Provider License Number State Code_${n}`),
  sw: (n: number) => C(`Healthcare Provider Primary Taxonomy Switch_${n}`),
  oid: (n: number) => C(`Other Provider Identifier_${n}`),
  oidType: (n: number) => C(`Other Provider Identifier Type Code_${n}`),
  oidState: (n: number) => C(`Other Provider Identifier State_${n}`),
};
