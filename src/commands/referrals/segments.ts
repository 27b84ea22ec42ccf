// Every referrer's segment — loyalist, splitter, opportunity or low volume: their share to our
// network in the service lines we offer over the rollup's last 12 months (internal sources), as
// target scoring measures it (db/queries/network/targetFacts.ts) and with the same rule
// (core/referrals/referralBase.ts segmentFor) — stored in referrer_segments for the Providers
// list's segment filter. Rebuilt after referral imports, and by a search that finds it out of date
// (its fingerprint: the referral imports, the organizations and memberships, the thresholds).
import { type Kysely, sql } from 'kysely';
import { monthStartDate, parseMonth } from '../../core/referrals/months';
import { segmentFor } from '../../core/referrals/referralBase';
import type { SegmentThresholds } from '../../core/referrals/types';
import { readView, referralMarketInputs, writeView } from '../../db/queries/dashboards/views';
import {
  INTERNAL_SOURCES,
  offeredServiceLines,
  orgNetworkCte,
  referralDataDate,
} from '../../db/queries/referrals/network';
import { getReferralSettings } from '../../db/queries/referrals/settings';
import type { DB } from '../../db/schema';

const STAMP = 'referrer_segments';

const inputsOf = async (db: Kysely<DB>, thresholds: SegmentThresholds) =>
  `${await referralMarketInputs(db)}|${JSON.stringify(thresholds)}`;

/** Recomputes every referrer's segment (one transaction: readers see the old set until it commits). */
export async function refreshReferrerSegments(db: Kysely<DB>) {
  const t0 = performance.now();
  const { thresholds } = await getReferralSettings(db);
  const inputs = await inputsOf(db, thresholds);
  const dataDate = await referralDataDate(db);
  const lines = await offeredServiceLines(db);
  const offered = [...lines];
  // the rollup's last 12 months end at the data date (this month before any import), as targetFacts
  const now = new Date();
  const end = dataDate ? parseMonth(dataDate) : now.getUTCFullYear() * 12 + now.getUTCMonth();
  const rows = (
    await sql<{ npi: string; offered: number; ours: number }>`
      with recursive ${orgNetworkCte}
      select m.referring_npi as npi,
        sum(m.count) filter (where m.service_line = any(${offered}::text[]))::int as offered,
        coalesce(sum(m.count) filter (where m.service_line = any(${offered}::text[])
          and n.network in ('ours', 'affiliated')), 0)::int as ours
      from referral_monthly m left join org_net n on n.org_id = m.dest_org_id
      where m.source in (${sql.join([...INTERNAL_SOURCES])})
        and m.month between ${monthStartDate(end - 11)}::date and ${monthStartDate(end)}::date
      group by 1
      having sum(m.count) filter (where m.service_line = any(${offered}::text[])) > 0`.execute(db)
  ).rows;
  const out = rows.map((r) => {
    const share = r.ours / r.offered;
    return { npi: r.npi, segment: segmentFor(share, r.offered, thresholds), share, volume: r.offered };
  });
  await db.transaction().execute(async (tx) => {
    // two refreshes at once: the second deletes what the first wrote, after it committed
    await sql`select pg_advisory_xact_lock(hashtext('referrer_segments'))`.execute(tx);
    await sql`delete from referrer_segments`.execute(tx);
    for (let i = 0; i < out.length; i += 20_000) {
      const part = out.slice(i, i + 20_000);
      await sql`insert into referrer_segments (npi, segment, share, volume)
        select * from unnest(${part.map((x) => x.npi)}::text[], ${part.map((x) => x.segment)}::text[],
          ${part.map((x) => x.share)}::real[], ${part.map((x) => x.volume)}::int[])`.execute(tx);
    }
    await writeView(tx, {
      name: STAMP,
      variant: '',
      inputs,
      body: { dataDate, referrers: out.length },
      computeMs: performance.now() - t0,
    });
  });
  return { referrers: out.length, dataDate, ms: Math.round(performance.now() - t0) };
}

/**
 * Makes sure the stored segments match the current data (recomputing them when they do not), and
 * says what they were computed from: the referral data date (null before any referral import).
 */
export async function ensureReferrerSegments(db: Kysely<DB>): Promise<{ dataDate: string | null }> {
  const stored = await readView<{ dataDate: string | null }>(db, STAMP, '');
  const { thresholds } = await getReferralSettings(db);
  if (stored && stored.inputs === (await inputsOf(db, thresholds))) return { dataDate: stored.body.dataDate };
  return { dataDate: (await refreshReferrerSegments(db)).dataDate };
}
