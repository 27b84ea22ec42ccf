/**
 * Rounds service lines and the default NUCC taxonomy → service-line mapping.
 *
 * Pure module (no I/O). The default table below was produced by applying
 * `deriveServiceLine()` to every code of NUCC v25.1 (data/nucc/nucc_taxonomy_251.csv);
 * codes that derive to `other` are omitted. An admin-editable DB copy is seeded
 * from `taxonomyServiceLineRows()`; codes missing from the table fall back to
 * `deriveServiceLine()` (when NUCC text is known) or to `other`.
 */

import { SERVICE_LINES, type ServiceLine, type ServiceLineKey } from './serviceLineList';

export { SERVICE_LINE_KEYS, SERVICE_LINES, type ServiceLine, type ServiceLineKey } from './serviceLineList';

const BY_KEY = new Map(SERVICE_LINES.map((s) => [s.key, s]));

export function isServiceLineKey(k: string): k is ServiceLineKey {
  return BY_KEY.has(k as ServiceLineKey);
}

export function serviceLine(key: string): ServiceLine | undefined {
  return BY_KEY.get(key as ServiceLineKey);
}

export interface NuccText {
  grouping: string;
  classification: string;
  specialization?: string;
}

type Rule = [RegExp, ServiceLineKey];
// Specialization rules win over classification rules; first match wins.
const SPEC_RULES: Rule[] = [
  [
    /hospice|palliative|pathology|informatics|genetic|toxicology|undersea|legal|physician nutrition/i,
    'other',
  ],
  [/^(?!pediatric).*(allerg|immunolog|infectious|rheumatolog)/i, 'other'],
  [/neonat/i, 'pediatrics'],
  [/lithotripsy/i, 'urology'],
  [/epilep|headache/i, 'neurology'],
  [/surgical oncology|oncology|hematology|radiation|therapeutic radiology|infusion/i, 'oncology'],
  [/cardi|heart|vascular surgery|hypertension specialist/i, 'cardiology'],
  [/gastro|hepatolog|endoscopy/i, 'gastroenterology'],
  [/nephrolog|renal|dialysis/i, 'nephrology'],
  [/endocrin(?!.*reproductive)|diabet|obesity/i, 'endocrinology'],
  [
    /reproductive|obstetric|gynecol|women|perinatal|maternal|midwi|birthing|family planning|fertility/i,
    'obgyn',
  ],
  [/pulmon|sleep|critical care medicine$/i, 'pulmonology'],
  [/psych|addiction|substance|mental health|methadone|behavioral/i, 'behavioral_health'],
  [/sports|hand surgery|surgery of the hand|foot and ankle|spine|orthop/i, 'orthopedics'],
  [
    /neurodevelop|neuromuscular|neurocritical|neurophysiology|child neurology|vascular neurology|^neurology|brain injury|electrodiag/i,
    'neurology',
  ],
  [
    /imaging|radiolog|mri|ultrasound|magnetic|mammograph|neuroradiology|sonograph|tomograph|densitometry/i,
    'imaging',
  ],
  [/emergency|urgent care/i, 'emergency'],
  [/rehab|pain|physical therapy|spinal cord/i, 'rehab'],
  [/^ambulatory surgical|trauma surgery|pediatric surgery|surgical critical care/i, 'general_surgery'],
  [/ophthalm/i, 'ophthalmology'],
  [/hearing|otorhino/i, 'ent'],
  [/^urolog/i, 'urology'],
  [
    /primary care|family|adult health|adult medicine|geriatric|gerontology|community health|rural health|fqhc|federally qualified|migrant|school|adolescent|general practice/i,
    'primary_care',
  ],
  [/pediatric|neonatal|children/i, 'pediatrics'],
];
const CLASS_RULES: Rule[] = [
  [/^(family medicine|general practice|internal medicine|preventive medicine)$/i, 'primary_care'],
  [/^nurse practitioner$|^physician assistant$/i, 'primary_care'],
  [/^pediatrics$/i, 'pediatrics'],
  [/^neurological surgery$/i, 'neurosurgery'],
  [/^orthopaedic|^podiatrist$/i, 'orthopedics'],
  [/^(surgery|colon & rectal surgery|transplant surgery)$/i, 'general_surgery'],
  [/thoracic surgery/i, 'cardiology'],
  [/^obstetrics|midwife/i, 'obgyn'],
  [/sports medicine/i, 'orthopedics'],
  [
    /^psychiatry & neurology$|substance use|psycholog|counselor|social worker|marriage|behavior analyst|psychiatric hospital|psychiatric unit/i,
    'behavioral_health',
  ],
  [/^urology$/i, 'urology'],
  [/^dermatology$/i, 'dermatology'],
  [/^otolaryngology$|audiolog|hearing instrument/i, 'ent'],
  [/^ophthalmology$|optometrist/i, 'ophthalmology'],
  [/^radiology$|^nuclear medicine$|radiologic technologist/i, 'imaging'],
  [/^emergency medicine$/i, 'emergency'],
  [
    /^physical medicine|neuromusculoskeletal medicine & omm|^pain medicine$|physical therapist|occupational therapist|chiropractor|speech-language|rehabilitation (hospital|unit)/i,
    'rehab',
  ],
  [/respiratory therapist/i, 'pulmonology'],
  [/electrodiagnostic/i, 'neurology'],
];

/** Rule-based mapping from NUCC text (used to build the default table and for codes not in it). */
export function deriveServiceLine(t: NuccText): ServiceLineKey {
  const spec = (t.specialization ?? '').trim();
  const cls = t.classification.trim();
  if (
    /^(Group|Suppliers|Pharmacy|Dental|Transportation|Laboratories|Managed Care|Agencies|Nursing & Custodial|Respite|Student|Other Service|Dietary|Nursing Service)/i.test(
      t.grouping,
    ) &&
    !/registered nurse$/i.test(cls)
  )
    return 'other';
  if (
    /^(anesthesiology|pathology|medical genetics|hospitalist|clinical pharmacology|allergy & immunology|plastic surgery|oral & maxillofacial surgery)$/i.test(
      cls,
    )
  ) {
    return spec && /pain|critical care medicine$|sleep/i.test(spec)
      ? /pain/i.test(spec)
        ? 'rehab'
        : 'pulmonology'
      : 'other';
  }
  if (/^general acute care hospital$/i.test(cls)) {
    return /children/i.test(spec) ? 'pediatrics' : /women/i.test(spec) ? 'obgyn' : 'other';
  }
  if (/^clinical nurse specialist$|^registered nurse$|anesthetist/i.test(cls) && !/psych/i.test(spec))
    return 'other';
  if (/^physician assistant$/i.test(cls) && /surgical/i.test(spec)) return 'general_surgery';
  if (/^nurse practitioner$/i.test(cls) && /acute care|critical care|occupational/i.test(spec))
    return 'other';
  if (spec && /^(Allopathic|Physician Assistants|Ambulatory|Hospital)/i.test(t.grouping)) {
    if (
      /^(obstetrics|urology|dermatology|ophthalmology|otolaryngology)/i.test(cls) &&
      !/oncology/i.test(spec)
    ) {
      return CLASS_RULES.find(([re]) => re.test(cls))?.[1] ?? 'other';
    }
    if (/^pediatrics$/i.test(cls) && /critical care/i.test(spec)) return 'pediatrics';
    for (const [re, key] of SPEC_RULES) {
      if (re.test(spec)) return key === 'primary_care' && /^pediatrics$/i.test(cls) ? 'pediatrics' : key;
    }
  }
  for (const [re, key] of CLASS_RULES) if (re.test(cls)) return key;
  return 'other';
}

// Default table: service line → NUCC codes (generated from deriveServiceLine over NUCC v25.1).
const TABLE: Record<Exclude<ServiceLineKey, 'other'>, string> = {
  primary_care:
    '207Q00000X 207QA0000X 207QA0505X 207QG0300X 208D00000X 207R00000X 207RA0000X 207RG0300X 2083A0100X 2083X0100X 2083P0500X 2083P0901X 363L00000X 363LA2200X 363LC1500X 363LF0000X 363LG0600X 363LP2300X 363LS0200X 363A00000X 363AM0700X 261QC1500X 261QF0400X 261QM1000X 261QP2300X 261QR1300X 2865C1500X',
  cardiology:
    '207RA0002X 207RA0001X 207RC0000X 207RC0001X 207RH0005X 207RI0011X 207UN0901X 2080P0202X 2086S0129X 208G00000X 261QR0404X',
  orthopedics:
    '207PS0010X 207QS0010X 207RS0010X 204C00000X 207X00000X 207XS0114X 207XX0004X 207XS0106X 207XS0117X 207XX0801X 207XP3100X 207XX0005X 2080S0010X 2081S0010X 2083S0010X 2084S0010X 2086S0105X 213E00000X 213ES0103X 213ES0131X 213EG0000X 213EP1101X 213EP0504X 213ER0200X 213ES0000X',
  oncology:
    '207RH0000X 207RH0003X 207RX0202X 207VX0201X 2080P0207X 2085R0001X 2085R0203X 2086X0206X 261QI0500X 261QX0200X 261QX0203X',
  neurology:
    '204R00000X 2080P0008X 2081P0301X 2081N0008X 2084P0301X 2084N0600X 2084E0001X 2084A2900X 2084P0005X 2084N0400X 2084N0402X 2084N0008X 2084V0102X',
  neurosurgery: '207T00000X',
  gastroenterology: '207RG0100X 207RI0008X 207RT0003X 2080P0206X 2080T0004X 261QE0800X',
  general_surgery:
    '208C00000X 208600000X 2086S0120X 2086S0122X 2086S0102X 2086S0127X 204F00000X 363AS0400X 261QA1903X',
  urology: '208800000X 2088F0040X 2088P0231X 261QL0400X',
  pulmonology:
    '207LC0200X 207QS1201X 207RC0200X 207RP1001X 207RS0012X 2080P0214X 2080S0012X 2084S0012X 227800000X 2278C0205X 2278E1000X 2278E0002X 2278G1100X 2278G0305X 2278H0200X 2278P3900X 2278P3800X 2278P4000X 2278P1004X 2278P1006X 2278P1005X 2278S1500X 227900000X 2279C0205X 2279E1000X 2279E0002X 2279G1100X 2279G0305X 2279H0200X 2279P3900X 2279P3800X 2279P4000X 2279P1004X 2279P1006X 2279P1005X 2279S1500X 261QS1200X',
  obgyn:
    '207V00000X 207VC0300X 207VC0200X 207VF0040X 207VG0400X 207VH0002X 207VM0101X 207VB0002X 207VX0000X 207VE0102X 367A00000X 363LX0001X 363LP1700X 363LW0102X 261QA0005X 261QA0006X 261QB0400X 261QF0050X 282NW0100X',
  pediatrics:
    '208000000X 2080A0000X 2080C0008X 2080N0001X 2080P0201X 2080P0203X 2080P0208X 2080P0216X 363LN0000X 363LP0200X 261QM3000X 281PC2000X 282NC2000X 283XC2000X',
  behavioral_health:
    '207QA0401X 207RA0401X 2080P0006X 2083A0300X 2084A0401X 2084P0802X 2084B0040X 2084P0804X 2084F0202X 2084P0805X 2084P0800X 2084P0015X 106E00000X 103K00000X 103G00000X 103GC0700X 101Y00000X 101YA0400X 101YM0800X 101YP1600X 101YP2500X 101YS0200X 106H00000X 103T00000X 103TA0400X 103TA0700X 103TC0700X 103TC2200X 103TB0200X 103TC1900X 103TE1000X 103TE1100X 103TF0000X 103TF0200X 103TP2701X 103TH0004X 103TH0100X 103TM1700X 103TM1800X 103TP0016X 103TP0814X 103TP2700X 103TR0400X 103TS0200X 103TW0100X 104100000X 1041C0700X 1041S0200X 364SP0808X 364SP0809X 364SP0807X 364SP0810X 364SP0811X 364SP0812X 364SP0813X 363LP0808X 225C00000X 225CA2400X 225CA2500X 225CX0006X 261QM0855X 261QM0850X 261QM0801X 261QM2800X 261QR0405X 273R00000X 276400000X 283Q00000X',
  imaging:
    '207RM1200X 207U00000X 207UN0903X 207UN0902X 2084D0003X 2085B0100X 2085D0003X 2085R0202X 2085U0001X 2085N0700X 2085N0904X 2085P0229X 2085R0205X 2085R0204X 247100000X 2471B0102X 2471C1106X 2471C1101X 2471C3401X 2471M1202X 2471M2300X 2471N0900X 2471Q0001X 2471R0002X 2471C3402X 2471S1302X 2471V0105X 2471V0106X 261QM1200X 261QR0200X 261QR0206X 261QR0208X 261QR0207X',
  nephrology: '207RN0300X 2080P0210X 261QE0700X',
  endocrinology:
    '207QD0401X 207QB0002X 207QB0505X 207RE0101X 207RB0002X 2080B0002X 2080P0205X 2083B0002X 2084B0002X',
  dermatology: '207N00000X 207NI0002X 207ND0900X 207ND0101X 207NP0225X 207NS0135X',
  ent: '207Y00000X 207YS0123X 207YX0602X 207YX0905X 207YX0901X 207YP0228X 207YX0007X 207YS0012X 231H00000X 231HA2400X 231HA2500X 237600000X 237700000X 261QH0700X',
  ophthalmology:
    '207W00000X 207WX0120X 207WX0009X 207WX0109X 207WX0200X 207WX0110X 207WX0107X 207WX0108X 152W00000X 152WC0802X 152WL0500X 152WX0102X 152WP0200X 152WS0006X 152WV0400X 261QS0132X',
  rehab:
    '207LP2900X 204D00000X 208VP0014X 208VP0000X 208100000X 2081P2900X 2081P0010X 2081P0004X 2084P2900X 111N00000X 111NI0013X 111NI0900X 111NN0400X 111NN1001X 111NX0100X 111NX0800X 111NP0017X 111NR0200X 111NR0400X 111NS0005X 111NT0100X 225X00000X 225XR0403X 225XE0001X 225XE1200X 225XF0002X 225XG0600X 225XH1200X 225XH1300X 225XL0004X 225XM0800X 225XN1300X 225XP0200X 225XP0019X 225100000X 2251C2600X 2251E1300X 2251E1200X 2251G0304X 2251H1200X 2251H1300X 2251N0400X 2251X0800X 2251P0200X 2251S0007X 235Z00000X 261QP3300X 261QP2000X 261QR0400X 261QR0401X 273Y00000X 283X00000X',
  emergency: '207P00000X 207PE0004X 207PP0204X 2080P0204X 261QE0002X 261QU0200X',
};

/** Code → service line (default mapping). Frozen. */
export const TAXONOMY_SERVICE_LINE: Readonly<Record<string, ServiceLineKey>> = Object.freeze(
  Object.fromEntries(
    (Object.entries(TABLE) as [ServiceLineKey, string][]).flatMap(([key, codes]) =>
      codes
        .split(/\s+/)
        .filter(Boolean)
        .map((c) => [c, key]),
    ),
  ),
);

export function taxonomyServiceLineRows(): { code: string; serviceLine: ServiceLineKey }[] {
  return Object.entries(TAXONOMY_SERVICE_LINE)
    .map(([code, serviceLine]) => ({ code, serviceLine }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Default service line for a NUCC taxonomy code (case-insensitive); unknown codes → `other`. */
export function serviceLineForTaxonomy(code: string | null | undefined, nucc?: NuccText): ServiceLineKey {
  const c = (code ?? '').trim().toUpperCase();
  return TAXONOMY_SERVICE_LINE[c] ?? (nucc ? deriveServiceLine(nucc) : 'other');
}
