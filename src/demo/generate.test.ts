import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHours, parseVisitRules } from '../core/officeHours';
import { isServiceLineKey } from '../core/serviceLines';
import { generateDemoMarket } from './generate';
import { demoDatesFor } from './model';
import { isValidNpi, npiAt, npiCheckDigit } from './npi';
import { NPPES_COLUMNS, NPPES_COLUMNS_SHA256, PL_COLUMNS } from './nppesColumns';

const SMALL = { providers: 300, organizations: 80, months: 12, endMonth: '2026-10' };
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rounds-demo-'));
  dirs.push(d);
  return d;
};
const hashes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );
const readCsv = (dir: string, f: string): Record<string, string>[] =>
  parse(readFileSync(join(dir, f), 'utf8'), { columns: true });

let a = '';
let b = '';
let c = '';
beforeAll(async () => {
  a = tmp();
  b = tmp();
  c = tmp();
  await generateDemoMarket({ ...SMALL, seed: 11, outDir: a });
  await generateDemoMarket({ ...SMALL, seed: 11, outDir: b });
  await generateDemoMarket({ ...SMALL, seed: 12, outDir: c });
}, 120_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('determinism', () => {
  it('same seed → byte-identical files', () => {
    const ha = hashes(a);
    expect(Object.keys(ha)).toContain('referrals.csv');
    expect(Object.keys(ha).length).toBe(19);
    expect(hashes(b)).toEqual(ha);
  });
  it('different seed → different files', () => {
    const ha = hashes(a);
    const hc = hashes(c);
    for (const f of [
      'npidata_pfile.csv',
      'referrals.csv',
      'locations.csv',
      'activities.csv',
      'ground_truth.json',
    ])
      expect(hc[f], f).not.toBe(ha[f]);
  });
});

describe('NPIs', () => {
  it('check digit follows Luhn over 80840 (CMS example 1234567893)', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
  });
  it('npiAt is collision-free and valid', () => {
    const seen = new Set<number>();
    for (let k = 0; k < 20000; k++) seen.add(npiAt(5, k));
    expect(seen.size).toBe(20000);
    for (const n of [...seen].slice(0, 2000)) expect(isValidNpi(n)).toBe(true);
  });
});

describe('npidata_pfile.csv', () => {
  const rows = () => {
    const text = iconv.decode(readFileSync(join(a, 'npidata_pfile.csv')), 'latin1');
    return parse(text, { relax_quotes: false }) as string[][];
  };
  it('has exactly the 330-column NPPES header', () => {
    const [header] = rows();
    expect(header).toEqual([...NPPES_COLUMNS]);
    expect(header!.length).toBe(330);
    expect(createHash('sha256').update(NPPES_COLUMNS.join('\n')).digest('hex')).toBe(NPPES_COLUMNS_SHA256);
  });
  it('quotes every value, uses valid NPIs, MM/DD/YYYY dates and 9-digit ZIPs', () => {
    const raw = iconv
      .decode(readFileSync(join(a, 'npidata_pfile.csv')), 'latin1')
      .split('\r\n')
      .filter(Boolean);
    for (const line of raw.slice(0, 50)) expect(line.startsWith('"') && line.endsWith('"')).toBe(true);
    const [header, ...data] = rows();
    const col = (n: string) => header!.indexOf(n);
    expect(data.length).toBe(SMALL.providers + SMALL.organizations);
    let deactivated = 0;
    for (const r of data) {
      expect(r.length).toBe(330);
      expect(isValidNpi(r[0]!)).toBe(true);
      if (r[col('NPI Deactivation Date')]) {
        deactivated++;
        expect(r.filter(Boolean).length).toBe(2);
        continue;
      }
      expect(r[col('Provider Enumeration Date')]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(r[col('Provider Business Practice Location Address Postal Code')]).toMatch(/^\d{9}$/);
      expect(r[col('Provider Business Practice Location Address Telephone Number')]).toMatch(/^\d{10}$/);
      const switches = [1, 2, 3, 4, 5].map((n) => r[col(`Healthcare Provider Primary Taxonomy Switch_${n}`)]);
      expect(switches.filter((s) => s === 'Y').length).toBe(1);
    }
    expect(deactivated).toBeLessThan(10);
  });
  it('is Latin-1 encoded (accented names round-trip, not UTF-8)', () => {
    const buf = readFileSync(join(a, 'npidata_pfile.csv'));
    const text = iconv.decode(buf, 'latin1');
    const accented = text.match(/"[A-Z]*[ÀÁÂÄÇÈÉÊËÍÑÓÖØÚÜ][A-Z]*"/g) ?? [];
    expect(accented.length).toBeGreaterThan(0);
    expect(iconv.encode(text, 'latin1').equals(buf)).toBe(true);
    expect(buf.toString('utf8')).toContain('\uFFFD'); // a lone Latin-1 byte is invalid UTF-8
  });
  it('pl_pfile has the 10-column companion header', () => {
    const [header] = parse(iconv.decode(readFileSync(join(a, 'pl_pfile.csv')), 'latin1')) as string[][];
    expect(header).toEqual([...PL_COLUMNS]);
  });
});

describe('Rounds files', () => {
  it('places no two offices on the same point and writes parseable hours', () => {
    const locs = readCsv(a, 'locations.csv');
    const pts = new Set(locs.map((l) => `${l.lat},${l.lon}`));
    expect(pts.size).toBe(locs.length);
    for (const l of locs) {
      expect(Object.values(parseHours(l.hours)).flat().length).toBeGreaterThan(0);
      expect(() => parseVisitRules(l.visit_rules)).not.toThrow();
      expect(l.county_fips).toMatch(/^47\d{3}$/);
    }
  });
  it('writes valid referrals within the window', () => {
    const refs = readCsv(a, 'referrals.csv');
    expect(Object.keys(refs[0]!)).toEqual([
      'referring_npi',
      'receiving_npi',
      'receiving_facility',
      'service_line',
      'referral_date',
      'status',
      'count',
    ]);
    const statuses = new Set(['pending', 'scheduled', 'completed', 'lost']);
    const bad = refs.filter(
      (r) =>
        !isServiceLineKey(r.service_line!) ||
        !statuses.has(r.status!) ||
        !(Number(r.count) >= 1) ||
        !(r.receiving_npi || r.receiving_facility) ||
        !(r.referral_date! >= '2025-11-01' && r.referral_date! <= '2026-10-31'),
    );
    expect(bad.slice(0, 3)).toEqual([]);
    expect(refs.length).toBeGreaterThan(1000);
  });
  it('suppresses shared-patient pairs under 11 beneficiaries', () => {
    const lines = readFileSync(join(a, 'shared_patients_2015_30.txt'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const f = l.split(',').map((x) => Number(x.trim()));
      expect(f.length).toBe(5);
      expect(f[3]).toBeGreaterThanOrEqual(11);
      expect(f[2]).toBeGreaterThanOrEqual(f[3]!);
    }
  });
  it('ground-truth events reference existing providers; manifest row counts match', () => {
    const gt = JSON.parse(readFileSync(join(a, 'ground_truth.json'), 'utf8'));
    const text = iconv.decode(readFileSync(join(a, 'npidata_pfile.csv')), 'latin1');
    const active = new Set(
      (parse(text) as string[][])
        .slice(1)
        .filter((r) => r[1] === '1')
        .map((r) => r[0]),
    );
    expect(gt.events.length).toBeGreaterThan(5);
    for (const e of gt.events) {
      expect(active.has(e.npi), e.id).toBe(true);
      expect(e.service_line === 'all' || isServiceLineKey(e.service_line)).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(11);
    expect(manifest.data_date).toBe('2026-10');
    expect(manifest.files['organizations.csv'].rows).toBe(readCsv(a, 'organizations.csv').length);
    expect(readFileSync(join(a, 'README.txt'), 'utf8')).toMatch(/SYNTHETIC/);
  });
  it('users, territories and activities line up', () => {
    const users = readCsv(a, 'users.csv');
    expect(users.map((u) => u.role).sort()).toEqual([
      'admin',
      'analyst',
      'liaison',
      'liaison',
      'liaison',
      'liaison',
      'manager',
    ]);
    const emails = new Set(users.map((u) => u.email));
    for (const x of readCsv(a, 'activities.csv')) {
      expect(emails.has(x.owner_email!)).toBe(true);
      expect(x.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
    }
    for (const t of readCsv(a, 'territories.csv')) expect(emails.has(t.owner_email!)).toBe(true);
  });
});

// The first start dates the demo from today (model.ts demoDatesFor): CRM activity up to yesterday,
// referrals through the last complete month. SMALL ends its referrals on 2026-10-31.
describe('CRM activity past the referral data (crmEnd)', () => {
  let d = '';
  beforeAll(async () => {
    d = tmp();
    await generateDemoMarket({ ...SMALL, seed: 11, outDir: d, crmEnd: '2026-11-29' });
  }, 120_000);

  it('leaves every referral-side file byte-identical', () => {
    const same = hashes(a);
    const got = hashes(d);
    for (const f of ['referrals.csv', 'npidata_pfile.csv', 'pl_pfile.csv', 'shared_patients_2015_30.txt'])
      expect(got[f], f).toBe(same[f]);
  });

  it('runs visits, tasks and issues up to crmEnd and no further', () => {
    const acts = readCsv(d, 'activities.csv');
    const days = acts.map((x) => x.occurred_at!.slice(0, 10));
    expect(days.every((x) => x <= '2026-11-29')).toBe(true);
    // every liaison worked in the last week before crmEnd (2026-11-29 is a Sunday: a lunch due that day must not move to the Monday after)
    const lastWeek = acts.filter((x) => x.occurred_at! >= '2026-11-21');
    expect(new Set(lastWeek.map((x) => x.owner_email)).size).toBe(4);
    // without crmEnd the activity stops at the end of the referral data
    expect(readCsv(a, 'activities.csv').every((x) => x.occurred_at!.slice(0, 10) <= '2026-10-31')).toBe(true);
    const issues = readCsv(d, 'issues.csv');
    expect(issues.some((x) => x.opened_at! > '2026-10-31')).toBe(true);
    expect(issues.every((x) => x.opened_at! <= '2026-11-29' && (x.resolved_at ?? '') <= '2026-11-29')).toBe(
      true,
    );
    // most are fixed within the 30 days the issues-resolved goal counts (half were, before: goals of
    // 6–12 a quarter read 0 for every liaison); an open one is one whose time has not come
    const daysOpen = (x: Record<string, string>) =>
      (Date.parse(x.resolved_at!) - Date.parse(x.opened_at!.slice(0, 10))) / 86_400_000;
    const resolved = issues.filter((x) => x.status === 'resolved');
    expect(resolved.filter((x) => daysOpen(x) <= 30).length / resolved.length).toBeGreaterThan(0.65);
    expect(resolved.every((x) => x.resolved_at! >= x.opened_at!.slice(0, 10))).toBe(true);
    // tasks due in the last ten days before crmEnd are still to do
    const recent = readCsv(d, 'tasks.csv').filter((x) => x.due_date! > '2026-11-19');
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((x) => x.status === 'open' || x.status === 'in_progress')).toBe(true);
    // older ones were mostly done: a liaison's list is not a year of forgotten follow-ups (3 % expected;
    // one in seven before)
    const old = readCsv(d, 'tasks.csv').filter((x) => x.due_date! < '2026-10-15');
    expect(old.length).toBeGreaterThan(200);
    expect(old.filter((x) => x.status === 'open').length / old.length).toBeLessThan(0.06);
  });

  it('sets goals by calendar quarter: full ones inside the referral data, CRM ones for the quarter in progress', () => {
    const before = readCsv(a, 'goals.csv');
    const goals = readCsv(d, 'goals.csv');
    // referral data 2025-11-01 … 2026-10-31: Q4 2025 starts before it, Q4 2026 ends after it
    const liaisonPeriods = (g: Record<string, string>[]) =>
      new Set(
        g.filter((x) => !x.owner_email!.startsWith('dana.')).map((x) => `${x.period_start}..${x.period_end}`),
      );
    expect(liaisonPeriods(before)).toEqual(
      new Set(['2026-01-01..2026-03-31', '2026-04-01..2026-06-30', '2026-07-01..2026-09-30']),
    );
    expect(goals.filter((g) => g.period_start !== '2026-10-01')).toEqual(before);
    const current = goals.filter((g) => g.period_start! <= '2026-11-28' && g.period_end! >= '2026-11-28');
    expect(new Set(current.map((g) => `${g.period_start}..${g.period_end}`))).toEqual(
      new Set(['2026-10-01..2026-12-31']),
    );
    expect(current.filter((g) => g.owner_email!.startsWith('dana.'))).toEqual([]); // the manager's goals end with the data
    const metrics = new Map<string, string[]>();
    for (const g of current) metrics.set(g.owner_email!, [...(metrics.get(g.owner_email!) ?? []), g.metric!]);
    expect(metrics.size).toBe(4);
    for (const m of metrics.values())
      expect(m.sort()).toEqual(['a_tier_coverage', 'issues_resolved', 'unique_providers', 'visits']);
  });

  it('refuses a crmEnd before the referral data ends, or not a date', async () => {
    const out = tmp();
    await expect(
      generateDemoMarket({ ...SMALL, seed: 1, outDir: out, crmEnd: '2026-10-15' }),
    ).rejects.toThrow(
      'the CRM end date (--crm-end 2026-10-15) is before the end of the referral data (2026-10-31, --end 2026-10)',
    );
    await expect(
      generateDemoMarket({ ...SMALL, seed: 1, outDir: out, crmEnd: '2026-11-31' }),
    ).rejects.toThrow('the CRM end date (--crm-end) must be a date YYYY-MM-DD, got 2026-11-31');
  });
});

describe('demoDatesFor', () => {
  it('referrals through the last complete month, CRM through yesterday', () => {
    expect(demoDatesFor({ y: 2026, m: 11, d: 29 })).toEqual({ endMonth: '2026-10', crmEnd: '2026-11-28' });
    expect(demoDatesFor({ y: 2026, m: 12, d: 1 })).toEqual({ endMonth: '2026-11', crmEnd: '2026-11-30' });
    expect(demoDatesFor({ y: 2027, m: 1, d: 1 })).toEqual({ endMonth: '2026-12', crmEnd: '2026-12-31' });
    expect(demoDatesFor({ y: 2028, m: 3, d: 1 })).toEqual({ endMonth: '2028-02', crmEnd: '2028-02-29' });
  });
});
