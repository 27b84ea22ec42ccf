// The Rounds service lines, alone in a module so the web app can list them without also loading
// the taxonomy table of serviceLines.ts (which re-exports everything here).

export const SERVICE_LINE_KEYS = [
  'primary_care',
  'cardiology',
  'orthopedics',
  'oncology',
  'neurology',
  'neurosurgery',
  'gastroenterology',
  'general_surgery',
  'urology',
  'pulmonology',
  'obgyn',
  'pediatrics',
  'behavioral_health',
  'imaging',
  'nephrology',
  'endocrinology',
  'dermatology',
  'ent',
  'ophthalmology',
  'rehab',
  'emergency',
  'other',
] as const;

export type ServiceLineKey = (typeof SERVICE_LINE_KEYS)[number];

export interface ServiceLine {
  key: ServiceLineKey;
  label: string;
  /** true when hospitals/specialists receive referrals in this line (leakage/share is computed on these). */
  referralDestination: boolean;
  /** true for first-contact care that mostly *sends* referrals (PCPs, general pediatrics). */
  primarySource: boolean;
}

const sl = (
  key: ServiceLineKey,
  label: string,
  referralDestination = true,
  primarySource = false,
): ServiceLine => ({
  key,
  label,
  referralDestination,
  primarySource,
});

export const SERVICE_LINES: readonly ServiceLine[] = [
  sl('primary_care', 'Primary Care', false, true),
  sl('cardiology', 'Cardiology & Vascular'),
  sl('orthopedics', 'Orthopedics & Spine'),
  sl('oncology', 'Oncology'),
  sl('neurology', 'Neurology'),
  sl('neurosurgery', 'Neurosurgery'),
  sl('gastroenterology', 'Gastroenterology'),
  sl('general_surgery', 'General Surgery'),
  sl('urology', 'Urology'),
  sl('pulmonology', 'Pulmonology & Sleep'),
  sl('obgyn', "Women's Health (OB/GYN)"),
  sl('pediatrics', 'Pediatrics', true, true),
  sl('behavioral_health', 'Behavioral Health'),
  sl('imaging', 'Imaging'),
  sl('nephrology', 'Nephrology'),
  sl('endocrinology', 'Endocrinology & Diabetes'),
  sl('dermatology', 'Dermatology'),
  sl('ent', 'ENT (Otolaryngology)'),
  sl('ophthalmology', 'Ophthalmology'),
  sl('rehab', 'Rehabilitation & Therapy'),
  sl('emergency', 'Emergency & Urgent Care'),
  sl('other', 'Other', false),
];
