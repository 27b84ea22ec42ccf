// NPPES npidata_pfile header → column positions, by name (never by position). Accepts the
// 329-column layout (`Provider Gender Code`) and the 330-column one (`Provider Sex Code`,
// `Certification Date`), V1 and V2 (same names; V2 only allows longer values).
import { CsvFormatError } from '../csv/records';

export const norm = (h: string) => h.replace(/\s+/g, ' ').trim().toLowerCase();

const ADDRESS = (kind: 'Mailing' | 'Practice Location') => ({
  line1: `Provider First Line Business ${kind} Address`,
  line2: `Provider Second Line Business ${kind} Address`,
  city: `Provider Business ${kind} Address City Name`,
  state: `Provider Business ${kind} Address State Name`,
  postal: `Provider Business ${kind} Address Postal Code`,
  country: `Provider Business ${kind} Address Country Code (If outside U.S.)`,
  phone: `Provider Business ${kind} Address Telephone Number`,
  fax: `Provider Business ${kind} Address Fax Number`,
});

export const NPPES_COLUMNS = {
  npi: 'NPI',
  entity: 'Entity Type Code',
  orgName: 'Provider Organization Name (Legal Business Name)',
  lastName: 'Provider Last Name (Legal Name)',
  firstName: 'Provider First Name',
  middleName: 'Provider Middle Name',
  prefix: 'Provider Name Prefix Text',
  suffix: 'Provider Name Suffix Text',
  credential: 'Provider Credential Text',
  otherOrgName: 'Provider Other Organization Name',
  otherOrgNameType: 'Provider Other Organization Name Type Code',
  otherLastName: 'Provider Other Last Name',
  otherFirstName: 'Provider Other First Name',
  otherMiddleName: 'Provider Other Middle Name',
  otherPrefix: 'Provider Other Name Prefix Text',
  otherSuffix: 'Provider Other Name Suffix Text',
  otherCredential: 'Provider Other Credential Text',
  otherLastNameType: 'Provider Other Last Name Type Code',
  enumerationDate: 'Provider Enumeration Date',
  lastUpdateDate: 'Last Update Date',
  deactivationReason: 'NPI Deactivation Reason Code',
  deactivationDate: 'NPI Deactivation Date',
  reactivationDate: 'NPI Reactivation Date',
  officialLast: 'Authorized Official Last Name',
  officialFirst: 'Authorized Official First Name',
  officialTitle: 'Authorized Official Title or Position',
  officialPhone: 'Authorized Official Telephone Number',
  soleProprietor: 'Is Sole Proprietor',
} as const;
export const MAILING = ADDRESS('Mailing');
export const PRACTICE = ADDRESS('Practice Location');

export type NppesField = keyof typeof NPPES_COLUMNS;
export type AddressIndex = Record<keyof typeof MAILING, number>;

export type NppesHeader = {
  width: number;
  layout: 329 | 330 | number;
  col: Record<NppesField, number>;
  mailing: AddressIndex;
  practice: AddressIndex;
  sex: number;
  certificationDate: number; // -1 in the 329-column layout
  taxonomy: { code: number; license: number; state: number; primary: number; group: number }[];
};

export function parseNppesHeader(fields: string[], label: string): NppesHeader {
  const idx = new Map<string, number>();
  fields.forEach((h, i) => {
    if (!idx.has(norm(h))) idx.set(norm(h), i);
  });
  const find = (name: string) => idx.get(norm(name)) ?? -1;
  const required = [
    NPPES_COLUMNS.npi,
    NPPES_COLUMNS.entity,
    NPPES_COLUMNS.lastName,
    NPPES_COLUMNS.orgName,
    PRACTICE.postal,
    'Healthcare Provider Taxonomy Code_1',
  ];
  const missing = required.filter((h) => find(h) < 0);
  if (missing.length)
    throw new CsvFormatError(
      `${label} is not an NPPES NPI data file (npidata_pfile): its header lacks "${missing[0]}".`,
    );
  const col = Object.fromEntries(Object.entries(NPPES_COLUMNS).map(([k, name]) => [k, find(name)])) as Record<
    NppesField,
    number
  >;
  const addr = (a: typeof MAILING) =>
    Object.fromEntries(Object.entries(a).map(([k, name]) => [k, find(name)])) as AddressIndex;
  const taxonomy = [];
  for (let n = 1; n <= 15; n++) {
    taxonomy.push({
      code: find(`Healthcare Provider Taxonomy Code_${n}`),
      license: find(`Provider License Number_${n}`),
      state: find(`Provider License Number State Code_${n}`),
      primary: find(`Healthcare Provider Primary Taxonomy Switch_${n}`),
      group: find(`Healthcare Provider Taxonomy Group_${n}`),
    });
  }
  const sex = find('Provider Sex Code');
  return {
    width: fields.length,
    layout: fields.length,
    col,
    mailing: addr(MAILING),
    practice: addr(PRACTICE),
    sex: sex >= 0 ? sex : find('Provider Gender Code'),
    certificationDate: find('Certification Date'),
    taxonomy: taxonomy.filter((t) => t.code >= 0),
  };
}

/** Every column the importer reads (the reader decodes only these). */
export function mappedColumns(h: NppesHeader): number[] {
  const all = [
    ...Object.values(h.col),
    ...Object.values(h.mailing),
    ...Object.values(h.practice),
    h.sex,
    h.certificationDate,
    ...h.taxonomy.flatMap((t) => [t.code, t.license, t.state, t.primary, t.group]),
  ];
  return [...new Set(all.filter((i) => i >= 0))].sort((a, b) => a - b);
}
