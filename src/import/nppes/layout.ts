// The NPPES npidata_pfile column layouts by name (CMS NPPES Data Dissemination, V2 June 2025):
// 330 columns (current: `Provider Sex Code`, trailing `Certification Date`) and the older 329
// (`Provider Gender Code`, no certification date). Used to write fixtures and benchmark files;
// the importer itself maps columns by the names it finds in each file's header.

const FIRST_47 = [
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
];

const repeat = (n: number, names: (i: number) => string[]) =>
  Array.from({ length: n }, (_, i) => names(i + 1)).flat();

function layout(sexColumn: string, certification: boolean): string[] {
  return [
    ...FIRST_47.map((c) => (c === 'Provider Sex Code' ? sexColumn : c)),
    ...repeat(15, (i) => [
      `Healthcare Provider Taxonomy Code_${i}`,
      `Provider License Number_${i}`,
      `Provider License Number State Code_${i}`,
      `Healthcare Provider Primary Taxonomy Switch_${i}`,
    ]),
    ...repeat(50, (i) => [
      `Other Provider Identifier_${i}`,
      `Other Provider Identifier Type Code_${i}`,
      `Other Provider Identifier State_${i}`,
      `Other Provider Identifier Issuer_${i}`,
    ]),
    'Is Sole Proprietor',
    'Is Organization Subpart',
    'Parent Organization LBN',
    'Parent Organization TIN',
    'Authorized Official Name Prefix Text',
    'Authorized Official Name Suffix Text',
    'Authorized Official Credential Text',
    ...repeat(15, (i) => [`Healthcare Provider Taxonomy Group_${i}`]),
    ...(certification ? ['Certification Date'] : []),
  ];
}

export const NPPES_LAYOUT_330 = layout('Provider Sex Code', true);
export const NPPES_LAYOUT_329 = layout('Provider Gender Code', false);
