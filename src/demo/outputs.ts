/** Rounds' own CSVs, ground_truth.json, manifest.json and README.txt. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrmRows } from './activities';
import type { Book, Contact, Territory, User } from './crm';
import { isoDate, type Loc, monthLabel, type Org, type Params } from './model';
import { LIFE_DEACTIVATED, type ProviderTable } from './providers';
import { writeCsv } from './writers';

export interface FileStat {
  rows: number;
  bytes: number;
}

async function csv(
  out: string,
  name: string,
  header: string[],
  rows: Iterable<readonly (string | number | null | undefined)[]>,
): Promise<[string, FileStat]> {
  const n = await writeCsv(join(out, name), header, rows);
  const { stat } = await import('node:fs/promises');
  return [name, { rows: n, bytes: (await stat(join(out, name))).size }];
}

export async function writeCrmFiles(
  out: string,
  t: ProviderTable,
  orgs: Org[],
  locs: Loc[],
  users: User[],
  territories: Territory[],
  book: Book,
  contacts: Contact[],
  crm: CrmRows,
): Promise<Record<string, FileStat>> {
  const npiOf = (o: number) => (o >= 0 ? orgs[o]!.npi : '');
  function* memberships() {
    for (let i = 0; i < t.n; i++) {
      if (t.life[i] === LIFE_DEACTIVATED) continue;
      if (t.org[i]! >= 0) yield [t.npi[i]!, npiOf(t.org[i]!), 'primary'];
      if (t.org2[i]! >= 0) yield [t.npi[i]!, npiOf(t.org2[i]!), 'secondary'];
    }
  }
  const entries = [
    await csv(
      out,
      'organizations.csv',
      ['npi', 'name', 'type', 'network_status', 'parent_npi', 'facility_code', 'service_lines'],
      orgs.map((o) => [o.npi, o.name, o.type, o.status, npiOf(o.parent), o.facilityCode, o.lines.join(';')]),
    ),
    await csv(out, 'memberships.csv', ['provider_npi', 'organization_npi', 'role'], memberships()),
    await csv(
      out,
      'locations.csv',
      [
        'location_id',
        'organization_npi',
        'name',
        'address_line1',
        'city',
        'state',
        'zip',
        'county_fips',
        'lat',
        'lon',
        'phone',
        'hours',
        'visit_rules',
      ],
      locs.map((l) => [
        l.id,
        npiOf(l.org),
        l.name,
        l.line2 ? `${l.line1} ${l.line2}` : l.line1,
        l.city,
        'TN',
        l.zip,
        l.countyFips,
        l.lat.toFixed(6),
        l.lon.toFixed(6),
        l.phone,
        l.hours,
        l.rules,
      ]),
    ),
    await csv(
      out,
      'users.csv',
      ['email', 'name', 'role', 'manager_email', 'territory'],
      users.map((u) => [u.email, u.name, u.role, u.manager, u.territory]),
    ),
    await csv(
      out,
      'territories.csv',
      ['name', 'owner_email', 'zips', 'counties'],
      territories.map((x) => [x.name, x.owner, x.zips.join(';'), x.counties.join(';')]),
    ),
    await csv(
      out,
      'activities.csv',
      [
        'external_id',
        'type',
        'occurred_at',
        'duration_min',
        'owner_email',
        'provider_npis',
        'contact_names',
        'organization_npi',
        'location_id',
        'service_lines',
        'outcome',
        'notes',
      ],
      crm.activities,
    ),
    await csv(
      out,
      'contacts.csv',
      ['organization_npi', 'name', 'role', 'phone', 'email', 'preferred_contact', 'notes'],
      contacts.map((c) => [npiOf(c.org), c.name, c.role, c.phone, c.email, c.preferred, c.notes]),
    ),
    await csv(
      out,
      'tasks.csv',
      [
        'external_id',
        'title',
        'owner_email',
        'due_date',
        'status',
        'provider_npi',
        'organization_npi',
        'activity_external_id',
      ],
      crm.tasks,
    ),
    await csv(
      out,
      'issues.csv',
      [
        'external_id',
        'provider_npi',
        'organization_npi',
        'category',
        'title',
        'description',
        'owner_email',
        'status',
        'opened_at',
        'resolved_at',
        'resolution',
      ],
      crm.issues,
    ),
    await csv(
      out,
      'goals.csv',
      ['owner_email', 'metric', 'service_line', 'period_start', 'period_end', 'target'],
      crm.goals,
    ),
    await csv(
      out,
      'relationships.csv',
      ['provider_npi', 'tier', 'visit_frequency', 'owner_email', 'tags'],
      book.relationships.map((r) => [
        t.npi[r.provider]!,
        r.tier,
        r.frequency,
        users.filter((u) => u.role === 'liaison')[r.owner]!.email,
        r.tags.join(';'),
      ]),
    ),
    await csv(
      out,
      'spend.csv',
      ['provider_npi', 'date', 'category', 'amount_usd', 'description', 'owner_email'],
      crm.spend,
    ),
  ];
  return Object.fromEntries(entries);
}

export async function writeManifest(
  out: string,
  p: Params,
  files: Record<string, FileStat>,
  version: string,
): Promise<void> {
  const names = Object.keys(files).sort();
  const readme = [
    'ROUNDS DEMO MARKET - SYNTHETIC DATA',
    '',
    'Everything in this folder is SYNTHETIC. NPIs, names, practices, health systems, addresses, phone numbers,',
    'referrals and notes were generated by a seeded random model (src/demo). They describe no real person,',
    'organization or patient. ZIP codes and their centroids are real (Nashville, TN metro) so maps work.',
    'Health systems "Cumberland Health", "Volunteer Meridian Health" and "Stones Crossing Health Partners" are fictional.',
    '',
    `seed=${p.seed} providers=${p.providers} organizations=${p.organizations} months=${p.months} end_month=${p.endMonth} crm_end=${isoDate(p.crmEndDay)}`,
    `window=${monthLabel(p, 0)}..${monthLabel(p, p.months - 1)} generator_version=${version}`,
    '',
    'Files (formats in docs/formats/):',
    ...names.map((n) => `  ${n.padEnd(30)} ${String(files[n]!.rows).padStart(10)} rows`),
    '',
    'npidata_pfile.csv and pl_pfile.csv are Latin-1 (ISO-8859-1) like the real NPPES files; all other files are UTF-8.',
    'ground_truth.json lists every injected event (drifts, growth, new referrers, competitor rises, visit effects).',
    '',
  ].join('\n');
  await writeFile(join(out, 'README.txt'), readme);
  const manifest = {
    generator: 'rounds-demo-market',
    version,
    synthetic: true,
    seed: p.seed,
    data_date: p.endMonth,
    parameters: {
      providers: p.providers,
      organizations: p.organizations,
      months: p.months,
      end_month: p.endMonth,
      crm_end: isoDate(p.crmEndDay),
    },
    files: Object.fromEntries(names.map((n) => [n, files[n]])),
  };
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
