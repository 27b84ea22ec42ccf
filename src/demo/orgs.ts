/** Organizations (three fictional health systems, facilities, groups, practices) and their offices. */
import type { ServiceLineKey } from '../core/serviceLines';
import { isMajorTown, type MarketZip, marketZips } from './geography';
import { buildLocations } from './locations';
import type { Loc, NetworkStatus, Org, OrgType, Params } from './model';
import { dayNumber } from './model';
import { LINE_PRACTICE_WORDS, PLACE_WORDS, SYSTEMS } from './names';
import { npiAt } from './npi';
import { CumulativeSampler, type Rng, rngFor } from './prng';

const keys = (s: string) => s.split(' ') as ServiceLineKey[];
const HOSPITAL_LINES = keys(
  'emergency imaging general_surgery cardiology orthopedics gastroenterology pulmonology obgyn',
);
const HOSPITAL_EXTRA = keys(
  'oncology neurology neurosurgery urology rehab behavioral_health nephrology pediatrics',
);
const ASC_LINES = keys('orthopedics general_surgery gastroenterology ophthalmology ent urology');
const CLINIC_LINES = keys(
  'cardiology orthopedics oncology rehab emergency primary_care behavioral_health pulmonology ' +
    'gastroenterology neurology obgyn primary_care emergency rehab',
);
/** Clinic line → [NUCC taxonomy, name suffix]. */
const CLINIC: Partial<Record<ServiceLineKey, [string, string]>> = Object.fromEntries(
  (
    'cardiology:261QM2500X:Heart & Vascular Clinic|orthopedics:261QM2500X:Orthopedic & Spine Center|' +
    'oncology:261QX0200X:Cancer Center|rehab:261QR0400X:Rehabilitation Center|emergency:261QU0200X:Urgent Care|' +
    'primary_care:261QP2300X:Primary Care|behavioral_health:261QM0801X:Behavioral Health Clinic|' +
    'pulmonology:261QS1200X:Sleep & Lung Center|gastroenterology:261QE0800X:Endoscopy Center|' +
    "neurology:261QM2500X:Neuroscience Clinic|obgyn:261QM2500X:Women's Center"
  )
    .split('|')
    .map((e) => e.split(':'))
    .map(([k, code, word]) => [k, [code, word]]),
);
/** Practice specialty mix (share weights). */
export const PRACTICE_LINE_WEIGHTS: [ServiceLineKey, number][] = (
  'primary_care:40 pediatrics:7 obgyn:6 cardiology:5 orthopedics:5 gastroenterology:3 general_surgery:3 urology:2 ' +
  'pulmonology:2 oncology:2 neurology:2 neurosurgery:1 behavioral_health:6 nephrology:1.5 endocrinology:1.5 ' +
  'dermatology:3 ent:2 ophthalmology:3 rehab:4'
)
  .split(' ')
  .map((kv) => [kv.split(':')[0] as ServiceLineKey, Number(kv.split(':')[1])]);
const SYSTEM_SHARE = [0.4, 0.33, 0.27];

export interface OrgMarket {
  orgs: Org[];
  locs: Loc[];
}

/** Largest-remainder split of n into parts proportional to shares. */
function split(n: number, shares: number[]): number[] {
  const raw = shares.map((s) => s * n);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; out.reduce((a, b) => a + b, 0) < n; k++)
    out[(order[k % order.length] as readonly [number, number])[1]]! += 1;
  return out;
}

export function buildOrganizations(p: Params, firstNpiIndex: number): OrgMarket {
  const O = Math.max(40, p.organizations);
  const zips = marketZips();
  const zipSampler = new CumulativeSampler(zips.map((z) => z.weight));
  const facSampler = new CumulativeSampler(zips.map((z) => z.weight * (isMajorTown(z.city) ? 6 : 1)));
  const rng = rngFor(p.seed, 'orgs');
  const nHosp = Math.max(3, Math.round(O * 0.02));
  const nAsc = Math.max(3, Math.round(O * 0.025));
  const nImg = Math.max(3, Math.round(O * 0.025));
  const nClinic = Math.max(4, Math.round(O * 0.06));
  const nIndGroups = Math.max(1, Math.round(O * 0.01));
  const nPractice = Math.max(10, O - 3 - nHosp - nAsc - nImg - nClinic - 3 - nIndGroups);
  const orgs: Org[] = [];
  const names = new Set<string>();
  const endDay = dayNumber(Number(p.endMonth.slice(0, 4)), Number(p.endMonth.slice(5, 7)), 1);

  const pendingZip: (MarketZip | null)[] = [];
  const add = (
    type: OrgType,
    status: NetworkStatus,
    system: number,
    name: string,
    lines: ServiceLineKey[],
    taxonomy: string,
    capacity: number,
  ): Org => {
    let unique = name;
    for (let k = 2; names.has(unique); k++)
      unique = `${name} ${['II', 'North', 'South', 'East', 'West'][k % 5]}${k > 5 ? ` ${k}` : ''}`;
    names.add(unique);
    const idx = orgs.length;
    const o: Org = {
      idx,
      npi: npiAt(p.seed, firstNpiIndex + idx),
      name: unique,
      legalName: legal(rng, unique, type),
      type,
      status,
      system,
      parent: system >= 0 && type !== 'health_system' ? system : -1,
      facilityCode: '',
      lines,
      primaryLine: lines[0] ?? 'other',
      taxonomy,
      capacity,
      locations: [],
      enumerationDay: dayNumber(2006, 1, 1) + rng.int(endDay - 120 - dayNumber(2006, 1, 1)),
    };
    orgs.push(o);
    return o;
  };

  SYSTEMS.forEach((s, i) => {
    const o = add('health_system', i === 0 ? 'ours' : 'competitor', i, s.name, [], '282N00000X', 0);
    o.legalName = s.legal;
    pendingZip[o.idx] = pickZip(rng, zips, facSampler, '47037');
  });
  const facilityCounter = new Map<string, number>();
  const code = (o: Org, t: string) => {
    const pre = o.system >= 0 ? (SYSTEMS[o.system] as (typeof SYSTEMS)[number]).code : 'IND';
    const k = `${pre}-${t}`;
    const n = (facilityCounter.get(k) ?? 0) + 1;
    facilityCounter.set(k, n);
    o.facilityCode = `${k}${String(n).padStart(2, '0')}`;
  };
  const sysOf = (shares: number[], n: number, indep = 0): number[] =>
    split(n, [...shares.map((s) => s * (1 - indep)), indep]).flatMap(
      (c, s) => Array(c).fill(s === 3 ? -1 : s) as number[],
    );
  const place = () => rng.pick(PLACE_WORDS);
  const sysShort = (s: number) => (s >= 0 ? (SYSTEMS[s] as (typeof SYSTEMS)[number]).short : place());
  const st = (s: number): NetworkStatus => (s === 0 ? 'ours' : s > 0 ? 'competitor' : 'independent');

  const hospSystems = sysOf(SYSTEM_SHARE, nHosp);
  const seenFlagship = new Set<number>();
  for (const s of hospSystems) {
    const flagship = !seenFlagship.has(s);
    seenFlagship.add(s);
    const z = flagship ? pickZip(rng, zips, facSampler, '47037') : zips[facSampler.sample(rng)]!;
    const lines = flagship
      ? [...HOSPITAL_LINES, ...HOSPITAL_EXTRA]
      : [...HOSPITAL_LINES, ...HOSPITAL_EXTRA.filter(() => rng.chance(0.35))];
    const o = add(
      'hospital',
      st(s),
      s,
      `${sysShort(s)} ${flagship ? `${z.city} Medical Center` : `${z.city} Hospital`}`,
      lines,
      '282N00000X',
      flagship ? 20 : 10,
    );
    code(o, 'H');
    pendingZip[o.idx] = z;
  }
  for (const s of sysOf(SYSTEM_SHARE, nAsc, 0.25)) {
    const z = zips[facSampler.sample(rng)]!;
    const lines = ASC_LINES.filter(() => rng.chance(0.5));
    const o = add(
      'asc',
      st(s),
      s,
      `${sysShort(s)} Surgery Center ${z.city}`,
      lines.length ? lines : ['orthopedics'],
      '261QA1903X',
      1,
    );
    code(o, 'ASC');
    pendingZip[o.idx] = z;
  }
  for (const s of sysOf(SYSTEM_SHARE, nImg, 0.25)) {
    const z = zips[facSampler.sample(rng)]!;
    const o = add(
      'imaging',
      st(s),
      s,
      `${sysShort(s)} Imaging ${z.city}`,
      ['imaging'],
      rng.chance(0.8) ? '261QR0200X' : '261QM1200X',
      2,
    );
    code(o, 'IMG');
    pendingZip[o.idx] = z;
  }
  sysOf(SYSTEM_SHARE, nClinic).forEach((s, k) => {
    const line = CLINIC_LINES[k % CLINIC_LINES.length] as ServiceLineKey;
    const z = zips[zipSampler.sample(rng)]!;
    const o = add(
      'clinic',
      st(s),
      s,
      `${sysShort(s)} ${CLINIC[line]?.[1] ?? 'Clinic'} ${z.city}`,
      [line],
      CLINIC[line]?.[0] ?? '261QM2500X',
      3,
    );
    code(o, 'CL');
    pendingZip[o.idx] = z;
  });
  const destLines = PRACTICE_LINE_WEIGHTS.map(([l]) => l);
  for (let s = 0; s < 3; s++)
    add('group', st(s), s, `${sysShort(s)} Medical Group`, destLines, '193200000X', 6 * Math.max(1, O / 600));
  for (let k = 0; k < nIndGroups; k++) {
    const lines: ServiceLineKey[] = ['primary_care', ...destLines.slice(3).filter(() => rng.chance(0.2))];
    add(
      'group',
      rng.chance(0.4) ? 'affiliated' : 'independent',
      -1,
      `${place()} Medical Group`,
      lines,
      '193200000X',
      4,
    );
  }
  const lineSampler = new CumulativeSampler(PRACTICE_LINE_WEIGHTS.map(([, w]) => w));
  for (let k = 0; k < nPractice; k++) {
    const line = (PRACTICE_LINE_WEIGHTS[lineSampler.sample(rng)] as [ServiceLineKey, number])[0];
    const r = rng.next();
    const s = r < 0.12 ? 0 : r < 0.21 ? 1 : r < 0.29 ? 2 : -1;
    const status: NetworkStatus = s >= 0 ? st(s) : r < 0.44 ? 'affiliated' : 'independent';
    const word = rng.pick(LINE_PRACTICE_WORDS[line] ?? ['Medical Associates']);
    const base = s >= 0 && rng.chance(0.6) ? `${sysShort(s)} ${word}` : `${place()} ${word}`;
    add(
      'practice',
      status,
      s,
      base,
      [line],
      rng.chance(0.8) ? '193400000X' : line === 'primary_care' ? '261QP2300X' : '193200000X',
      Math.exp(1.1 + 0.6 * rng.normal()),
    );
  }
  for (let s = 0; s < 3; s++) {
    const sys = orgs[s] as Org;
    sys.lines = [
      ...new Set(orgs.filter((o) => o.system === s && o.type !== 'health_system').flatMap((o) => o.lines)),
    ].sort();
  }
  const locs = buildLocations(p, orgs, pendingZip, zips, zipSampler);
  return { orgs, locs };
}

function pickZip(rng: Rng, zips: MarketZip[], sampler: CumulativeSampler, fips: string): MarketZip {
  for (let i = 0; i < 200; i++) {
    const z = zips[sampler.sample(rng)]!;
    if (z.countyFips === fips) return z;
  }
  return zips[0]!;
}

function legal(rng: Rng, name: string, type: OrgType): string {
  const up = name.toUpperCase().replace(/[’']/g, '');
  if (type === 'practice') return `${up} ${rng.pick(['PLLC', 'PC', 'LLC', 'PLLC', 'P.C.'])}`;
  if (type === 'group') return `${up} ${rng.pick(['LLC', 'PLLC'])}`;
  if (type === 'health_system') return up;
  return `${up} ${rng.pick(['LLC', 'INC'])}`;
}
