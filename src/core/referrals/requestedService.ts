// The service line a referral asks for, read from the words of the requested service
// (ServiceRequest.code text and displays) when the sender gives no NUCC performerType.
// Order matters: "alcohol rehabilitation" is behavioural health, not physical rehab.
import type { ServiceLineKey } from '../serviceLines';

const RULES: [RegExp, ServiceLineKey][] = [
  [
    /alcohol|substance|opioid|addiction|psychiat|psycholog|mental|behavio|depress|counsel/i,
    'behavioral_health',
  ],
  [/cardi|heart|echocardio|arrhythm|chest pain/i, 'cardiology'],
  [/oncolog|cancer|tumou?r|chemo|radiation therap/i, 'oncology'],
  [/orthop|fracture|joint|knee|hip |hip$|spine surg|sports med/i, 'orthopedics'],
  [/neurosurg/i, 'neurosurgery'],
  [/neurolog|seizure|stroke|epilep|migraine/i, 'neurology'],
  [/gastro|colonoscop|endoscop|hepat|liver/i, 'gastroenterology'],
  [/urolog|prostat|kidney stone/i, 'urology'],
  [/nephrolog|dialysis|renal/i, 'nephrology'],
  [/pulmon|lung|respirat|sleep stud/i, 'pulmonology'],
  [/obstet|gynec|pregnan|prenatal|matern/i, 'obgyn'],
  [/pediatric|paediatric|child|infant|newborn/i, 'pediatrics'],
  [/imaging|radiolog|\bmri\b|\bct\b|x-ray|ultrasound|mammogra/i, 'imaging'],
  [/endocrin|diabet|thyroid/i, 'endocrinology'],
  [/dermatolog|skin/i, 'dermatology'],
  [/otolaryng|\bent\b|hearing|sinus/i, 'ent'],
  [/ophthalm|eye|retina|cataract/i, 'ophthalmology'],
  [/physical therap|occupational therap|rehabilit|physiatr|pain manag/i, 'rehab'],
  [/general surg|hernia|gallbladder|appendect/i, 'general_surgery'],
  [/primary care|annual (exam|physical)|well(ness)? visit/i, 'primary_care'],
];

/** The first service line whose words appear in any of the texts, or null when none does. */
export function serviceLineFromRequestedService(
  texts: readonly (string | undefined)[],
): ServiceLineKey | null {
  const words = texts.filter(Boolean).join(' | ');
  if (!words) return null;
  return RULES.find(([re]) => re.test(words))?.[1] ?? null;
}
