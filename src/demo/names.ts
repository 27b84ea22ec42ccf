/** Synthetic name parts. Combinations are random; any match with a real person is coincidental. */
import type { Rng } from './prng';

export const FIRST_F: readonly string[] = (
  'Mary Jennifer Sarah Emily Jessica Ashley Amanda Rachel Laura Megan Hannah Lauren Katherine ' +
  'Rebecca Anna Elizabeth Caroline Grace Olivia Priya Aisha Mei Ana Sofia Leah Natalie ' +
  'Allison Brooke Whitney Holly Kristen Meredith Tamika Keisha Yesenia Divya Fatima Chloe ' +
  'Julia Margaret Susan Linda Deborah Nicole Heather Erin Molly Claire Lydia Noor'
).split(' ');
export const FIRST_M: readonly string[] = (
  'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel ' +
  'Matthew Andrew Joshua Ryan Benjamin Samuel Nathan Tyler Brandon Jonathan Eric Kevin Brian ' +
  'Justin Aaron Adam Raj Vikram Amit Wei Hiroshi Omar Ahmed Carlos Luis Miguel Jamal Marcus ' +
  'Derrick Travis Wesley Clayton Grant Henry Caleb Elijah Isaac Ethan'
).split(' ');
/** Latin-1 accented names, to exercise the NPPES file encoding (all representable in ISO-8859-1). */
export const FIRST_ACCENTED = [
  'José',
  'María',
  'Inés',
  'Renée',
  'Zoë',
  'Andrés',
  'Sofía',
  'Ramón',
  'Héctor',
  'Noémi',
  'Joaquín',
  'Chloé',
];
export const LAST: readonly string[] = (
  'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin ' +
  'Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott ' +
  'Hill Green Adams Baker Nelson Carter Mitchell Campbell Roberts Phillips Evans Turner ' +
  'Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed ' +
  'Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price ' +
  'Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson ' +
  'Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Wallace Woods Cole West Owens ' +
  'Marshall Ellis Harrison Gibson McDonald Cruz Ramirez Gonzalez Hernandez Lopez Patel Shah ' +
  'Nguyen Tran Kim Park Chen Wang Li Singh Kumar Iyer Okafor Adeyemi Haddad Khan Rahman ' +
  'Vaughn Pickett Whitfield Caldwell Blackburn Hollings Crenshaw Dunaway McCall Stockard ' +
  'Harwell Overton Bledsoe Trousdale Donelson Gaither'
).split(' ');
export const LAST_ACCENTED = [
  'Muñoz',
  'Peña',
  'Ibáñez',
  'Núñez',
  'Gómez',
  'Jiménez',
  'Dubé',
  'Lefèvre',
  'Müller',
  'Søren',
  'Castaño',
  'Beltrán',
];
export const MIDDLE_INITIALS = 'ABCDEFGHJKLMNPRSTW'.split('');

export interface PersonName {
  first: string;
  last: string;
  middle: string;
  sex: 'F' | 'M';
}

export function personName(rng: Rng, accentRate = 0.03): PersonName {
  const sex = rng.chance(0.5) ? 'F' : 'M';
  const accentFirst = rng.chance(accentRate);
  const accentLast = rng.chance(accentRate);
  const first = accentFirst ? rng.pick(FIRST_ACCENTED) : rng.pick(sex === 'F' ? FIRST_F : FIRST_M);
  const last = accentLast ? rng.pick(LAST_ACCENTED) : rng.pick(LAST);
  const middle = rng.chance(0.7) ? rng.pick(MIDDLE_INITIALS) : '';
  return { first, last, middle, sex };
}

/** Fictional health systems: index 0 is "ours". */
export const SYSTEMS = [
  {
    name: 'Cumberland Health',
    legal: 'CUMBERLAND HEALTH (DEMO) INC',
    short: 'Cumberland Health',
    code: 'CUM',
  },
  {
    name: 'Volunteer Meridian Health',
    legal: 'VOLUNTEER MERIDIAN HEALTH SYSTEM (DEMO) LLC',
    short: 'Volunteer Meridian',
    code: 'VMH',
  },
  {
    name: 'Stones Crossing Health Partners',
    legal: 'STONES CROSSING HEALTH PARTNERS (DEMO) INC',
    short: 'Stones Crossing',
    code: 'SCH',
  },
] as const;

export const PLACE_WORDS: readonly string[] = (
  'Harpeth Valley|Radnor Lake|Belle Forest|Cedar Bluff|Percy Ridge|Shelby Bend|Mill Creek|' +
  'Richland Creek|Sevier Park|Two Rivers|Bells Bend|Lookout Ridge|Red River|Duck River|' +
  'Caney Fork|Hidden Lake|Old Stone Fort|Long Hunter|Poplar Grove|Magnolia Hill|Dogwood|' +
  'Hickory Hollow|Walnut Grove|Sycamore Springs|Bluebird|Chestnut Ridge|Laurel Run|Fox Hollow|' +
  'Willow Bend|Piney Point|Limestone|Cardinal Point|Stillwater|Oak Meadow'
).split('|');

export const LINE_PRACTICE_WORDS: Record<string, string[]> = {
  primary_care: ['Family Medicine', 'Primary Care', 'Internal Medicine', 'Family Practice', 'Adult Medicine'],
  pediatrics: ['Pediatrics', "Children's Clinic", 'Pediatric Associates'],
  cardiology: ['Heart Specialists', 'Cardiology', 'Cardiovascular Associates'],
  orthopedics: ['Orthopaedics', 'Bone & Joint', 'Sports Medicine & Orthopedics', 'Spine & Joint'],
  oncology: ['Cancer Specialists', 'Hematology Oncology', 'Oncology Associates'],
  neurology: ['Neurology', 'Neuroscience Associates'],
  neurosurgery: ['Neurosurgery', 'Brain & Spine'],
  gastroenterology: ['Gastroenterology', 'Digestive Health', 'GI Associates'],
  general_surgery: ['Surgical Associates', 'General Surgery'],
  urology: ['Urology', 'Urology Associates'],
  pulmonology: ['Pulmonary & Sleep', 'Lung Associates'],
  obgyn: ["Women's Health", 'OB/GYN', 'Obstetrics & Gynecology'],
  behavioral_health: ['Behavioral Health', 'Counseling Center', 'Psychiatric Associates'],
  imaging: ['Imaging', 'Radiology'],
  nephrology: ['Kidney Care', 'Nephrology Associates'],
  endocrinology: ['Endocrinology', 'Diabetes & Endocrine'],
  dermatology: ['Dermatology', 'Skin Center'],
  ent: ['Ear, Nose & Throat', 'ENT Associates'],
  ophthalmology: ['Eye Center', 'Eye Associates', 'Retina & Vision'],
  rehab: ['Physical Therapy', 'Rehab & Sports Therapy'],
  emergency: ['Urgent Care', 'Walk-In Clinic'],
  other: ['Medical Associates', 'Health Partners'],
};

export const OFFICIAL_TITLES = [
  'CEO',
  'Practice Administrator',
  'Chief Financial Officer',
  'Office Manager',
  'President',
  'Managing Partner',
  'Director of Operations',
];
