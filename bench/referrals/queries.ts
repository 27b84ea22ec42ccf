// The query half of bench:referrals, shared by the full run (after its load) and by
// `npm run bench:referrals:queries`, which re-measures on the database a full run left behind
// (rounds_bench_referrals) — so the queries can be timed again on a quieter machine without an
// hour of loading. Baseline in the same run: the market share computed the way it was before the
// org_net CTE was replaced by id arrays (a parallel-restricted plan), on the same service lines.
import { type Kysely, sql } from 'kysely';
import { getReferralBase } from '../../src/db/queries/referrals/base';
import { marketShare } from '../../src/db/queries/referrals/market';
import { orgNetworkCte } from '../../src/db/queries/referrals/network';
import type { DB } from '../../src/db/schema';
import { LINES, npiOf, rng } from './generate';

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const since = (t: number) => performance.now() - t;

/** The pre-change form: aggregate per referrer through a join on the org_net CTE, then by county. */
const cteShare = (db: Kysely<DB>, line: string, from: string, to: string) =>
  sql`with recursive ${orgNetworkCte}, agg as (
      select m.referring_npi, sum(m.count) as total,
        sum(m.count) filter (where n.network in ('ours','affiliated')) as ours,
        sum(m.count) filter (where n.network = 'competitor') as competitor
      from referral_monthly m left join org_net n on n.org_id = m.dest_org_id
      where m.service_line = ${line} and m.month between ${from}::date and ${to}::date
        and m.source in ('ehr', 'fhir')
      group by m.referring_npi)
    select p.county_fips, max(p.county_name), sum(a.total)::int, coalesce(sum(a.ours), 0)::int,
      coalesce(sum(a.competitor), 0)::int
    from agg a left join providers p on p.npi = a.referring_npi group by 1`.execute(db);

export async function measureQueries(db: Kysely<DB>, referrers: number, rounds = 3) {
  const baseMs: number[] = [];
  const rb = rng(11);
  for (let i = 0; i < 10; i++) await getReferralBase(db, npiOf(i)); // warm-up
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await getReferralBase(db, npiOf(Math.floor(rb() * referrers)));
    baseMs.push(since(t));
  }
  // market share per service line, last 12 months, by county; the baseline interleaved with it
  const shareMs: number[] = [];
  const cteMs: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const line of LINES) {
      let t = performance.now();
      const share = await marketShare(db, { serviceLine: line, period: '12m', by: 'county' });
      shareMs.push(since(t));
      t = performance.now();
      await cteShare(db, line, `${share.period.from}-01`, `${share.period.to}-01`);
      cteMs.push(since(t));
    }
  return { baseMs, shareMs, cteMs };
}
