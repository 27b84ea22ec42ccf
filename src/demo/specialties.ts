/**
 * Specialty mix of the demo market: real NUCC codes, share of individual NPIs, credentials,
 * whether the specialty receives referrals, and how much/where it refers out.
 */
import { type ServiceLineKey, serviceLineForTaxonomy } from '../core/serviceLines';

type Out = Partial<Record<ServiceLineKey, number>>;

const PCP_OUT: Out = {
  cardiology: 16,
  orthopedics: 14,
  imaging: 14,
  gastroenterology: 9,
  general_surgery: 5,
  urology: 5,
  neurology: 5,
  pulmonology: 4,
  oncology: 3,
  obgyn: 3,
  behavioral_health: 5,
  endocrinology: 3,
  dermatology: 4,
  ent: 3,
  ophthalmology: 3,
  nephrology: 2,
  rehab: 2,
};
const PEDS_OUT: Out = {
  ent: 22,
  behavioral_health: 22,
  imaging: 16,
  orthopedics: 12,
  gastroenterology: 6,
  cardiology: 6,
  dermatology: 8,
  ophthalmology: 8,
};
const OB_OUT: Out = {
  imaging: 40,
  oncology: 10,
  general_surgery: 10,
  urology: 10,
  endocrinology: 10,
  behavioral_health: 10,
  obgyn: 10,
};
const CARD_OUT: Out = {
  imaging: 35,
  cardiology: 25,
  nephrology: 10,
  pulmonology: 10,
  endocrinology: 10,
  general_surgery: 10,
};
const ORTHO_OUT: Out = { imaging: 45, rehab: 35, neurosurgery: 10, orthopedics: 10 };
const ONC_OUT: Out = {
  imaging: 45,
  general_surgery: 20,
  oncology: 15,
  behavioral_health: 10,
  gastroenterology: 10,
};
const NEURO_OUT: Out = { imaging: 50, neurosurgery: 20, rehab: 20, behavioral_health: 10 };
const GI_OUT: Out = { imaging: 30, general_surgery: 35, oncology: 35 };
const ED_OUT: Out = {
  cardiology: 20,
  orthopedics: 20,
  general_surgery: 20,
  neurology: 10,
  gastroenterology: 10,
  imaging: 20,
};
const SPEC_OUT: Out = { imaging: 50, general_surgery: 15, cardiology: 10, oncology: 10, rehab: 15 };

export interface Specialty {
  code: string;
  label: string;
  weight: number;
  creds: readonly string[];
  /** Service line of the taxonomy (core default mapping). */
  line: ServiceLineKey;
  /** Kind of organization that employs it: a practice line, or 'hospital' / 'imaging_center'. */
  host: ServiceLineKey | 'hospital' | 'imaging_center';
  /** Receives referrals in `line`. */
  dest: boolean;
  /** Median outbound referrals per month (lognormal around it). */
  rate: number;
  out: Out;
  /** Other taxonomy codes sometimes listed as secondary. */
  alt: readonly string[];
  isPrimaryCare: boolean;
}

// code | label | share weight | credentials (MDDO = MD/DO mix) | employing host (- = its line) | receives referrals | median referrals out/month | outbound profile or line:weight list | secondary codes
const TABLE = `
207Q00000X|Family Medicine|10|MDDO|primary_care|n|14|PCP|207QS0010X,207QG0300X
207R00000X|Internal Medicine|8.5|MDDO|primary_care|n|15|PCP|207RG0300X
208D00000X|General Practice|0.5|MDDO|primary_care|n|10|PCP|
208000000X|Pediatrics|4.5|MDDO|pediatrics|n|7|PEDS|2080A0000X
363LF0000X|Nurse Practitioner, Family|5|NP,FNP-C,APRN,DNP|primary_care|n|8|PCP|363L00000X
363LP2300X|Nurse Practitioner, Primary Care|2|NP,APRN|primary_care|n|7|PCP|
363A00000X|Physician Assistant|3|PA-C,PA|primary_care|n|7|PCP|363AM0700X
363LP0808X|Nurse Practitioner, Psychiatric|1.5|PMHNP-BC,NP|behavioral_health|n|1|behavioral_health:100|
363LW0102X|Nurse Practitioner, Women's Health|0.5|WHNP-BC,NP|obgyn|n|2|OB|
363AS0400X|Physician Assistant, Surgical|2|PA-C|orthopedics|n|1|ORTHO|
207RC0000X|Cardiovascular Disease|2|MDDO|cardiology|y|5|CARD|207R00000X
207RI0011X|Interventional Cardiology|0.5|MDDO|cardiology|y|3|CARD|207RC0000X
207RC0001X|Clinical Cardiac Electrophysiology|0.3|MDDO|cardiology|y|2|CARD|207RC0000X
207X00000X|Orthopaedic Surgery|1.6|MDDO|orthopedics|y|6|ORTHO|
207XX0005X|Orthopaedic Sports Medicine|0.4|MDDO|orthopedics|y|6|ORTHO|207X00000X
207XS0117X|Orthopaedic Surgery of the Spine|0.3|MDDO|orthopedics|y|5|ORTHO|207X00000X
207XS0106X|Hand Surgery|0.3|MDDO|orthopedics|y|4|ORTHO|
207XX0004X|Foot and Ankle Surgery|0.2|MDDO|orthopedics|y|4|ORTHO|
207XS0114X|Adult Reconstructive Orthopaedic Surgery|0.2|MDDO|orthopedics|y|4|ORTHO|
207V00000X|Obstetrics & Gynecology|2.6|MDDO|obgyn|y|6|OB|
207VG0400X|Gynecology|0.4|MDDO|obgyn|y|4|OB|207V00000X
207VM0101X|Maternal & Fetal Medicine|0.2|MDDO|obgyn|y|2|OB|
207RH0003X|Hematology & Oncology|1.1|MDDO|oncology|y|4|ONC|207RX0202X
207RX0202X|Medical Oncology|0.3|MDDO|oncology|y|4|ONC|
2085R0001X|Radiation Oncology|0.4|MDDO|hospital|y|1|ONC|
2084N0400X|Neurology|1.6|MDDO|neurology|y|4|NEURO|
207T00000X|Neurological Surgery|0.5|MDDO|neurosurgery|y|3|NEURO|
207RG0100X|Gastroenterology|1.6|MDDO|gastroenterology|y|3|GI|207R00000X
208600000X|General Surgery|1.7|MDDO|general_surgery|y|3|SPEC|
208C00000X|Colon & Rectal Surgery|0.2|MDDO|general_surgery|y|2|GI|
2086S0129X|Vascular Surgery|0.3|MDDO|cardiology|y|2|CARD|
208G00000X|Thoracic Surgery|0.2|MDDO|hospital|y|1|CARD|
208800000X|Urology|1|MDDO|urology|y|3|SPEC|
207RP1001X|Pulmonary Disease|1|MDDO|pulmonology|y|3|SPEC|207RC0200X
207RC0200X|Critical Care Medicine|0.4|MDDO|hospital|n|2|SPEC|
207RN0300X|Nephrology|0.8|MDDO|nephrology|y|3|SPEC|
207RE0101X|Endocrinology|0.8|MDDO|endocrinology|y|3|SPEC|
207N00000X|Dermatology|1.2|MDDO|dermatology|y|2|general_surgery:40,oncology:60|
207Y00000X|Otolaryngology|1|MDDO|ent|y|3|imaging:60,oncology:20,pulmonology:20|
207W00000X|Ophthalmology|1.8|MDDO|ophthalmology|y|1|endocrinology:50,neurology:50|
208100000X|Physical Medicine & Rehabilitation|0.8|MDDO|rehab|y|4|imaging:40,rehab:40,orthopedics:20|
208VP0014X|Interventional Pain Medicine|0.4|MDDO|rehab|y|3|imaging:60,rehab:40|
2084P0800X|Psychiatry|2.5|MDDO|behavioral_health|y|1|behavioral_health:100|
103T00000X|Psychologist|2|PhD,PsyD,Ph.D.|behavioral_health|y|1|behavioral_health:100|
1041C0700X|Clinical Social Worker|1.5|LCSW|behavioral_health|n|0.5|behavioral_health:100|
207P00000X|Emergency Medicine|4|MDDO|hospital|n|5|ED|
208M00000X|Hospitalist|3|MDDO|hospital|n|3|SPEC|207R00000X
207L00000X|Anesthesiology|4|MDDO|hospital|n|0||
367500000X|Certified Registered Nurse Anesthetist|2.5|CRNA|hospital|n|0||
2085R0202X|Diagnostic Radiology|2|MDDO|imaging_center|n|0||
2085R0204X|Vascular & Interventional Radiology|0.3|MDDO|hospital|n|0||
207ZP0102X|Anatomic & Clinical Pathology|1|MDDO|hospital|n|0||
225100000X|Physical Therapist|3|PT,DPT|rehab|y|0||
152W00000X|Optometrist|1.5|OD|-|n|1|ophthalmology:100|
213E00000X|Podiatrist|0.8|DPM|-|n|1|imaging:50,orthopedics:50|
111N00000X|Chiropractor|1|DC|-|n|1|imaging:60,orthopedics:40|
207RR0500X|Rheumatology|0.4|MDDO|-|n|2|imaging:50,orthopedics:50|
207RI0200X|Infectious Disease|0.5|MDDO|hospital|n|1|SPEC|
207K00000X|Allergy & Immunology|0.3|MDDO|-|n|1|ent:60,pulmonology:40|
`;

const PROFILES: Record<string, Out> = {
  PCP: PCP_OUT,
  PEDS: PEDS_OUT,
  OB: OB_OUT,
  CARD: CARD_OUT,
  ORTHO: ORTHO_OUT,
  ONC: ONC_OUT,
  NEURO: NEURO_OUT,
  GI: GI_OUT,
  ED: ED_OUT,
  SPEC: SPEC_OUT,
};
const MDDO = ['MD', 'MD', 'MD', 'DO', 'M.D.'];

function parseOut(s: string): Out {
  if (!s) return {};
  if (PROFILES[s]) return PROFILES[s];
  return Object.fromEntries(s.split(',').map((kv) => [kv.split(':')[0], Number(kv.split(':')[1])]));
}

export const SPECIALTIES: readonly Specialty[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [code, label, weight, creds, host, dest, rate, out, alt] = line.split('|') as string[] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const sl = serviceLineForTaxonomy(code);
    return {
      code,
      label,
      weight: Number(weight),
      creds: creds === 'MDDO' ? MDDO : creds.split(','),
      line: sl,
      host: host === '-' ? sl : (host as Specialty['host']),
      dest: dest === 'y',
      rate: Number(rate),
      out: parseOut(out),
      alt: alt ? alt.split(',') : [],
      isPrimaryCare: sl === 'primary_care' || code === '208000000X',
    };
  });

export const SPECIALTY_WEIGHTS: readonly number[] = SPECIALTIES.map((s) => s.weight);

export function isPhysician(s: Specialty): boolean {
  return s.code.startsWith('20');
}

/** Destination service lines where facilities (vs. individual specialists) carry most of the volume. */
export const FACILITY_PULL: Partial<Record<ServiceLineKey, number>> = {
  imaging: 12,
  rehab: 3,
  oncology: 0.8,
  general_surgery: 0.6,
  orthopedics: 0.4,
  gastroenterology: 0.5,
  cardiology: 0.35,
  neurosurgery: 0.4,
  behavioral_health: 0.5,
  obgyn: 0.3,
  pulmonology: 0.3,
  urology: 0.3,
  neurology: 0.25,
  ophthalmology: 0.3,
  ent: 0.3,
};

/** Typical distance decay (km) by destination line: imaging/rehab are local, surgery travels further. */
export const DECAY_KM: Partial<Record<ServiceLineKey, number>> = {
  imaging: 7,
  rehab: 6,
  behavioral_health: 9,
  oncology: 16,
  neurosurgery: 20,
  cardiology: 13,
};
export const DEFAULT_DECAY_KM = 11;
