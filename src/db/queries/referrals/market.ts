// Market views: share of our network by county or ZIP (geography of the referring physician's
// practice), top leaking referrers with a value estimate, and risers & fallers.
import { type Kysely, sql } from 'kysely';
import { personName } from '../../../core/directory/personName';
import { leakageByReferrer, risersAndFallers, shareByArea } from '../../../core/referrals/market';
import { formatMonth, monthStartDate } from '../../../core/referrals/months';
import type { DB } from '../../schema';
import {
  INTERNAL_SOURCES,
  networkIdSets,
  offeredServiceLines,
  ourNetworkOrgIds,
  referralDataDate,
} from './network';
import { resolvePeriod } from './period';
import { getReferralSettings } from './settings';

const ids = (xs: number[]) => sql`${xs.length ? xs : [-1]}::bigint[]`;

async function context(db: Kysely<DB>, period: string | undefined, serviceLine: string | undefined) {
  const dataDate = await referralDataDate(db);
  const p = resolvePeriod(period, dataDate);
  const lines = serviceLine ? [serviceLine] : [...(await offeredServiceLines(db))];
  return { dataDate, p, lines };
}

const meta = (c: Awaited<ReturnType<typeof context>>) => ({
  period: { from: formatMonth(c.p.from), to: formatMonth(c.p.to) },
  serviceLines: c.lines,
  sources: [...INTERNAL_SOURCES],
  dataDate: c.dataDate,
});

export async function marketShare(
  db: Kysely<DB>,
  q: { serviceLine?: string; period?: string; by: 'county' | 'zip' },
) {
  const c = await context(db, q.period, q.serviceLine);
  const area = q.by === 'zip' ? sql`p.practice_zip5` : sql`p.county_fips`;
  // Network membership as id arrays, not the org_net CTE: a CTE makes the plan parallel-restricted,
  // while `= any(const array)` is hashed (PostgreSQL ≥ 14) and lets the scan of the rollup run in
  // parallel workers — about twice as fast at 50 M facts (docs/benchmarks.md).
  const net = await networkIdSets(db);
  const rows = await sql<{
    area: string | null;
    area_name: string | null;
    total: number;
    ours: number;
    competitor: number;
  }>`
    select ${area} as area, max(p.county_name) as area_name, sum(m.count)::int as total,
      coalesce(sum(m.count) filter (where m.dest_org_id = any(${ids(net.ourNetwork)})), 0)::int as ours,
      coalesce(sum(m.count) filter (where m.dest_org_id = any(${ids(net.competitor)})), 0)::int as competitor
    from referral_monthly m left join providers p on p.npi = m.referring_npi
    where m.service_line in (${sql.join(c.lines)}) and m.month between ${monthStartDate(c.p.from)}::date and ${monthStartDate(c.p.to)}::date
      and m.source in (${sql.join([...INTERNAL_SOURCES])})
    group by 1`.execute(db);
  const shares = shareByArea(
    rows.rows.flatMap((r) => [
      { area: r.area ?? 'unknown', network: 'ours' as const, count: r.ours },
      { area: r.area ?? 'unknown', network: 'competitor' as const, count: r.competitor },
      { area: r.area ?? 'unknown', network: 'independent' as const, count: r.total - r.ours - r.competitor },
    ]),
  );
  const names = new Map(rows.rows.map((r) => [r.area ?? 'unknown', r.area_name]));
  const totals = shares.reduce((a, s) => ({ total: a.total + s.total, ours: a.ours + s.ourNetwork }), {
    total: 0,
    ours: 0,
  });
  return {
    ...meta(c),
    by: q.by,
    overall: {
      total: totals.total,
      ourNetwork: totals.ours,
      share: totals.total ? totals.ours / totals.total : null,
    },
    areas: shares.map((s) => ({ ...s, name: q.by === 'county' ? (names.get(s.area) ?? null) : null })),
  };
}

export async function marketLeakage(
  db: Kysely<DB>,
  q: { serviceLine?: string; period?: string; limit: number; scope: 'network' | 'all' },
) {
  const c = await context(db, q.period, q.serviceLine);
  const settings = await getReferralSettings(db);
  const aligned = q.scope === 'network' ? await ourNetworkOrgIds(db) : null;
  const net = await networkIdSets(db);
  const rows = await sql<{ referring_npi: string; service_line: string; total: number; leak: number }>`
    select m.referring_npi, m.service_line, sum(m.count)::int as total,
      coalesce(sum(m.count) filter (where m.dest_org_id = any(${ids(net.competitor)})), 0)::int as leak
    from referral_monthly m
    where m.service_line in (${sql.join(c.lines)}) and m.month between ${monthStartDate(c.p.from)}::date and ${monthStartDate(c.p.to)}::date
      and m.source in (${sql.join([...INTERNAL_SOURCES])})
      ${aligned ? sql`and m.referring_npi in (select provider_npi from memberships where organization_id = any(${ids(aligned)}))` : sql``}
    group by 1, 2`.execute(db);
  const cells = rows.rows.flatMap((r) => [
    {
      referringNpi: r.referring_npi,
      serviceLine: r.service_line,
      network: 'competitor' as const,
      count: r.leak,
    },
    {
      referringNpi: r.referring_npi,
      serviceLine: r.service_line,
      network: 'unknown' as const,
      count: r.total - r.leak,
    },
  ]);
  const top = leakageByReferrer(cells, settings.valuePerCase, q.limit);
  const people = await namesOf(
    db,
    top.map((t) => t.referringNpi),
  );
  const totalLeak = rows.rows.reduce((a, r) => a + r.leak, 0);
  return {
    ...meta(c),
    scope: q.scope,
    referrersConsidered: new Set(rows.rows.map((r) => r.referring_npi)).size,
    totalLeakage: totalLeak,
    valuePerCase: settings.valuePerCase,
    valuePerCaseIsDefault: settings.valuePerCaseIsDefault,
    items: top.map((t) => ({ ...t, ...people.get(t.referringNpi) })),
  };
}

export async function marketMovers(
  db: Kysely<DB>,
  q: { serviceLine?: string; months: number; limit: number },
) {
  const dataDate = await referralDataDate(db);
  const c = await context(db, `${q.months * 2}m`, q.serviceLine);
  const recentFrom = c.p.to - q.months + 1;
  const net = await networkIdSets(db);
  const rows = await sql<{ referring_npi: string; recent: number; prior: number }>`
    select m.referring_npi,
      coalesce(sum(m.count) filter (where m.month >= ${monthStartDate(recentFrom)}::date), 0)::int as recent,
      coalesce(sum(m.count) filter (where m.month < ${monthStartDate(recentFrom)}::date), 0)::int as prior
    from referral_monthly m
    where m.dest_org_id = any(${ids(net.ourNetwork)}) and m.service_line in (${sql.join(c.lines)}) and m.month between ${monthStartDate(c.p.from)}::date and ${monthStartDate(c.p.to)}::date
      and m.source in (${sql.join([...INTERNAL_SOURCES])})
    group by 1`.execute(db);
  const { risers, fallers } = risersAndFallers(
    rows.rows.map((r) => ({ referringNpi: r.referring_npi, recent: r.recent, prior: r.prior })),
    q.limit,
  );
  const people = await namesOf(
    db,
    [...risers, ...fallers].map((m) => m.referringNpi),
  );
  return {
    ...meta(c),
    dataDate,
    recent: { from: formatMonth(recentFrom), to: formatMonth(c.p.to) },
    prior: { from: formatMonth(c.p.from), to: formatMonth(recentFrom - 1) },
    risers: risers.map((m) => ({ ...m, ...people.get(m.referringNpi) })),
    fallers: fallers.map((m) => ({ ...m, ...people.get(m.referringNpi) })),
  };
}

export async function namesOf(db: Kysely<DB>, npis: string[]) {
  const out = new Map<string, { name: string; countyFips: string | null; zip5: string | null }>();
  if (!npis.length) return out;
  const rows = await db
    .selectFrom('providers')
    .select(['npi', 'first_name', 'last_name', 'credential', 'county_fips', 'practice_zip5'])
    .where('npi', 'in', npis)
    .execute();
  for (const p of rows)
    out.set(p.npi, {
      name: personName({ first: p.first_name, last: p.last_name, credential: p.credential }),
      countyFips: p.county_fips,
      zip5: p.practice_zip5,
    });
  return out;
}
