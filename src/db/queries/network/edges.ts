// Rebuild network_edges from the referral tables: internal referrals (EHR/FHIR) in the 12 months
// ending at the referral data date, plus CMS shared-patient links of the latest year in its
// shortest window. weight = referrals + shared-patient beneficiaries: both count patients moving
// between the two providers; the parts are kept so the UI can say which signal an edge rests on.
import { type Kysely, sql } from 'kysely';
import { monthStartDate, parseMonth } from '../../../core/referrals/months';
import type { DB } from '../../schema';
import { INTERNAL_SOURCES, referralDataDate } from '../referrals/network';

export type EdgeSources = {
  referrals: { from: string; to: string; dataDate: string | null };
  sharedPatients: { year: number | null; windowDays: number | null };
};

export async function edgeSources(db: Kysely<DB>, now = new Date()): Promise<EdgeSources> {
  const dataDate = await referralDataDate(db);
  const end = dataDate ? parseMonth(dataDate) : now.getUTCFullYear() * 12 + now.getUTCMonth();
  const spl = await sql<{ year: number | null; window_days: number | null }>`
    select year, min(window_days) as window_days from shared_patient_links
    where year = (select max(year) from shared_patient_links) group by year`.execute(db);
  return {
    referrals: { from: monthStartDate(end - 11), to: monthStartDate(end), dataDate },
    sharedPatients: { year: spl.rows[0]?.year ?? null, windowDays: spl.rows[0]?.window_days ?? null },
  };
}

/** Replace every edge (one transaction: readers see the old graph or the new one). */
export async function rebuildNetworkEdges(db: Kysely<DB>, src: EdgeSources): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`delete from network_edges`.execute(trx);
    const r = await sql`
      insert into network_edges (source_npi, target_npi, referrals, shared_patients, weight, service_lines)
      select source_npi, target_npi, sum(referrals)::int, sum(shared)::int, sum(referrals + shared)::float8,
        coalesce(array_agg(distinct line) filter (where line is not null), '{}')
      from (
        select m.referring_npi as source_npi,
          case when m.dest_provider_npi <> '' then m.dest_provider_npi else 'org:' || m.dest_org_id end as target_npi,
          m.count as referrals, 0 as shared, m.service_line as line
        from referral_monthly m
        where m.month between ${src.referrals.from}::date and ${src.referrals.to}::date
          and m.source in (${sql.join([...INTERNAL_SOURCES])})
          and (m.dest_provider_npi <> '' or m.dest_org_id > 0)
        union all
        select l.npi_from, l.npi_to, 0, l.bene_count, p.primary_service_line
        from shared_patient_links l left join providers p on p.npi = l.npi_to
        where l.year = ${src.sharedPatients.year ?? -1} and l.window_days = ${src.sharedPatients.windowDays ?? -1}
      ) e
      where source_npi <> target_npi
      group by source_npi, target_npi
      having sum(referrals + shared) > 0`.execute(trx);
    return Number(r.numAffectedRows ?? 0);
  });
}
