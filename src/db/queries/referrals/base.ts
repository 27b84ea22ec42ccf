// One physician's referral base: rollup cells for the period, resolved to destination networks,
// handed to the pure computeReferralBase; plus CMS shared-patient collaboration (labelled as such).
import { type Kysely, sql } from 'kysely';
import { personName } from '../../../core/directory/personName';
import { type MonthIndex, monthStartDate, parseMonth } from '../../../core/referrals/months';
import { computeReferralBase, type ReferralBase } from '../../../core/referrals/referralBase';
import type { MonthlyReferralCell, NetworkBucket } from '../../../core/referrals/types';
import type { DB } from '../../schema';
import { INTERNAL_SOURCES, networkOfOrgs, offeredServiceLines, referralDataDate } from './network';
import { getReferralSettings } from './settings';

export interface ReferralBaseResult extends ReferralBase {
  npi: string;
  provider: { name: string; county_fips: string | null; zip5: string | null } | null;
  sources: string[];
  dataDate: string | null;
  thresholds: { loyalist: number; opportunity: number; minVolume: number };
  offeredServiceLines: string[];
  collaboration: Awaited<ReturnType<typeof sharedPatientSummary>>;
}

/** Default period: the 24 months ending at the data date (or the current month without data). */
export function defaultPeriod(
  dataDate: string | null,
  now = new Date(),
): { from: MonthIndex; to: MonthIndex } {
  const to = dataDate ? parseMonth(dataDate) : now.getUTCFullYear() * 12 + now.getUTCMonth();
  return { from: to - 23, to };
}

export async function referralCells(
  db: Kysely<DB>,
  npi: string,
  from: MonthIndex,
  to: MonthIndex,
  sources: readonly string[],
) {
  const rows = await db
    .selectFrom('referral_monthly')
    .select(['month', 'service_line', 'dest_org_id', 'dest_provider_npi'])
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('referring_npi', '=', npi)
    .where('month', '>=', monthStartDate(from))
    .where('month', '<=', monthStartDate(to))
    .where('source', 'in', [...sources])
    .groupBy(['month', 'service_line', 'dest_org_id', 'dest_provider_npi'])
    .execute();
  const orgs = await networkOfOrgs(
    db,
    rows.map((r) => Number(r.dest_org_id)),
  );
  const provNpis = [
    ...new Set(
      rows.filter((r) => Number(r.dest_org_id) === 0 && r.dest_provider_npi).map((r) => r.dest_provider_npi),
    ),
  ];
  const provNames = new Map<string, string>();
  if (provNpis.length) {
    const ps = await db
      .selectFrom('providers')
      .select(['npi', 'first_name', 'last_name', 'credential'])
      .where('npi', 'in', provNpis)
      .execute();
    for (const p of ps)
      provNames.set(p.npi, personName({ first: p.first_name, last: p.last_name, credential: p.credential }));
  }
  return rows.map((r): MonthlyReferralCell => {
    const orgId = Number(r.dest_org_id);
    const org = orgs.get(orgId);
    const network: NetworkBucket = org?.network ?? 'unknown';
    return {
      month: parseMonth(String(r.month).slice(0, 10)),
      serviceLine: r.service_line,
      network,
      destinationKey: orgId > 0 ? `org:${orgId}` : `npi:${r.dest_provider_npi}`,
      destinationName: org?.name ?? provNames.get(r.dest_provider_npi) ?? r.dest_provider_npi ?? 'unknown',
      count: Number(r.n),
    };
  });
}

/** Shared-patient partners of the physician (latest year/window imported), by destination network. */
export async function sharedPatientSummary(db: Kysely<DB>, npi: string) {
  // Latest year, then its shortest window: two probes of the primary key (year, window_days, …)
  // instead of sorting the whole table on every referral base.
  const latest = await sql<{ year: number; window_days: number }>`
    select y.year, (select min(window_days) from shared_patient_links where year = y.year) as window_days
    from (select max(year) as year from shared_patient_links) y where y.year is not null`
    .execute(db)
    .then((r) => r.rows[0]);
  if (!latest) return null;
  const rows = await sql<{ npi_to: string; bene_count: number; org_id: number | null }>`
    select l.npi_to, l.bene_count,
      coalesce(o.id, (select m.organization_id from memberships m where m.provider_npi = l.npi_to
        order by (m.role = 'primary') desc, m.id limit 1)) as org_id
    from shared_patient_links l left join organizations o on o.npi = l.npi_to
    where l.year = ${latest.year} and l.window_days = ${latest.window_days} and l.npi_from = ${npi}`.execute(
    db,
  );
  const nets = await networkOfOrgs(
    db,
    rows.rows.map((r) => Number(r.org_id ?? 0)),
  );
  const byNetwork: Record<NetworkBucket, number> = {
    ours: 0,
    affiliated: 0,
    independent: 0,
    competitor: 0,
    unknown: 0,
  };
  for (const r of rows.rows) byNetwork[nets.get(Number(r.org_id ?? 0))?.network ?? 'unknown'] += r.bene_count;
  return {
    source: 'cms_shared_patients' as const,
    label: `CMS shared patients ${latest.year} · ${latest.window_days}-day window — a collaboration signal, not proof of referral`,
    year: latest.year,
    windowDays: latest.window_days,
    partners: rows.rows.length,
    beneficiariesByNetwork: byNetwork,
  };
}

export async function getReferralBase(
  db: Kysely<DB>,
  npi: string,
  opts: { from?: string; to?: string; sources?: readonly string[] } = {},
): Promise<ReferralBaseResult> {
  const [dataDate, settings, offered] = await Promise.all([
    referralDataDate(db),
    getReferralSettings(db),
    offeredServiceLines(db),
  ]);
  const def = defaultPeriod(dataDate);
  const to = opts.to ? parseMonth(opts.to) : def.to;
  const from = opts.from ? parseMonth(opts.from) : to - 23;
  const sources = opts.sources?.length ? opts.sources : INTERNAL_SOURCES;
  const [cells, provider, collaboration] = await Promise.all([
    referralCells(db, npi, from, to, sources),
    db
      .selectFrom('providers')
      .select(['first_name', 'last_name', 'credential', 'county_fips', 'practice_zip5'])
      .where('npi', '=', npi)
      .executeTakeFirst(),
    sharedPatientSummary(db, npi),
  ]);
  const base = computeReferralBase(cells, {
    from,
    to,
    offeredLines: offered,
    thresholds: settings.thresholds,
  });
  return {
    npi,
    provider: provider
      ? {
          name: personName({
            first: provider.first_name,
            last: provider.last_name,
            credential: provider.credential,
          }),
          county_fips: provider.county_fips,
          zip5: provider.practice_zip5,
        }
      : null,
    ...base,
    sources: [...sources],
    dataDate,
    thresholds: settings.thresholds,
    offeredServiceLines: [...offered].sort(),
    collaboration,
  };
}
