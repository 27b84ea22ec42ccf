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

/**
 * Replace every edge: build the new graph in network_edges_next without indexes (a bulk insert in
 * key order, then index builds by sort — far faster than 20M random index inserts), then swap the
 * tables in one short transaction, so readers see the old graph or the new one and wait only for
 * the rename.
 */
export async function rebuildNetworkEdges(db: Kysely<DB>, src: EdgeSources): Promise<number> {
  await sql`drop table if exists network_edges_next`.execute(db);
  await sql`create table network_edges_next (like network_edges including defaults including constraints)`.execute(
    db,
  );
  const r = await sql`
    insert into network_edges_next (source_npi, target_npi, referrals, shared_patients, weight, service_lines)
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
    having sum(referrals + shared) > 0
    order by source_npi, target_npi`.execute(db);
  await sql`alter table network_edges_next add constraint network_edges_next_pkey primary key (source_npi, target_npi)`.execute(
    db,
  );
  // the same indexes as migration 0400, built by sort after the bulk insert
  await sql`create index network_edges_next_target_weight_idx on network_edges_next (target_npi, weight desc)`.execute(
    db,
  );
  await sql`create index network_edges_next_source_weight_idx on network_edges_next (source_npi, weight desc)`.execute(
    db,
  );
  await db.transaction().execute(async (trx) => {
    await sql`drop table network_edges`.execute(trx);
    await sql`alter table network_edges_next rename to network_edges`.execute(trx);
    await sql`alter index network_edges_next_pkey rename to network_edges_pkey`.execute(trx);
    await sql`alter index network_edges_next_target_weight_idx rename to network_edges_target_weight_idx`.execute(
      trx,
    );
    await sql`alter index network_edges_next_source_weight_idx rename to network_edges_source_weight_idx`.execute(
      trx,
    );
  });
  return Number(r.numAffectedRows ?? 0);
}
