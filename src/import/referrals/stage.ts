// Staging and finalizing a referral import. Rows are COPYed into referral_stage under the job id;
// one transaction then upserts them into referral_facts (idempotent by fact_key) and rebuilds the
// monthly rollup for the months the file touched. A failed import leaves facts and rollups untouched.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection';
import type { ReferralSource, ReferralStatus } from '../../db/tables/referrals';
import { type CopyValue, copyRows } from '../copy';

export interface StagedReferral {
  line: number;
  factBase: string;
  referringNpi: string;
  receivingNpi: string | null;
  receivingFacility: string | null;
  destOrgId: number | null;
  destProviderNpi: string | null;
  serviceLine: string;
  referralDate: string;
  status: ReferralStatus;
  count: number;
  externalId: string | null;
}

const COLUMNS = [
  'job_id',
  'line',
  'fact_base',
  'source',
  'referring_npi',
  'receiving_npi',
  'receiving_facility',
  'dest_org_id',
  'dest_provider_npi',
  'service_line',
  'referral_date',
  'status',
  'count',
  'external_id',
];

/** The natural key of a referral line (status and count excluded, so a later export updates them). */
export function naturalKeyHash(source: ReferralSource, parts: (string | null)[]): string {
  return createHash('sha1')
    .update(`${source}|${parts.map((p) => p ?? '').join('|')}`)
    .digest('base64url');
}

export async function stageRows(
  database: Database,
  jobId: number,
  source: ReferralSource,
  rows: StagedReferral[],
) {
  if (!rows.length) return;
  const values: CopyValue[][] = rows.map((r) => [
    jobId,
    r.line,
    r.factBase,
    source,
    r.referringNpi,
    r.receivingNpi,
    r.receivingFacility,
    r.destOrgId,
    r.destProviderNpi,
    r.serviceLine,
    r.referralDate,
    r.status,
    r.count,
    r.externalId,
  ]);
  await copyRows(database, 'referral_stage', COLUMNS, values);
}

export interface FinalizeResult {
  inserted: number;
  updated: number;
  staged: number;
  months: string[];
}

const UPSERT_FACTS = (jobId: number, monthFilter: ReturnType<typeof sql> = sql``) => sql<{
  inserted: number;
  updated: number;
}>`
  with up as (
    insert into referral_facts (fact_key, source, referring_npi, receiving_npi, receiving_facility, dest_org_id,
      dest_provider_npi, service_line, referral_date, month, status, count, external_id, import_job_id)
    select fact_base || ':' || row_number() over (partition by fact_base order by line), source, referring_npi,
      receiving_npi, receiving_facility, dest_org_id, dest_provider_npi, service_line, referral_date,
      date_trunc('month', referral_date)::date, status, count, external_id, job_id
    from referral_stage where job_id = ${jobId} ${monthFilter}
    on conflict (fact_key) do update set status = excluded.status, count = excluded.count,
      dest_org_id = excluded.dest_org_id, dest_provider_npi = excluded.dest_provider_npi,
      import_job_id = excluded.import_job_id, updated_at = now()
    where (referral_facts.status, referral_facts.count, referral_facts.dest_org_id, referral_facts.dest_provider_npi)
      is distinct from (excluded.status, excluded.count, excluded.dest_org_id, excluded.dest_provider_npi)
    returning (xmax = 0) as ins
  )
  select count(*) filter (where ins)::int as inserted, count(*) filter (where not ins)::int as updated from up`;

/** Rows staged above which a first import of a source is finalized month by month (see below). */
const CHUNKED_FIRST_IMPORT_ROWS = 50_000;

export async function finalizeStage(
  database: Database,
  jobId: number,
  source: ReferralSource,
): Promise<FinalizeResult> {
  const staged = Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from referral_stage where job_id = ${jobId}`.execute(
        database.db,
      )
    ).rows[0]!.n,
  );
  const months = (
    await sql<{ month: string }>`
      select distinct date_trunc('month', referral_date)::date as month from referral_stage
      where job_id = ${jobId} order by 1`.execute(database.db)
  ).rows.map((m) => String(m.month).slice(0, 10));
  const hasFacts = await sql`select 1 from referral_facts where source = ${source} limit 1`.execute(
    database.db,
  );
  if (database.kind === 'pglite' && staged > CHUNKED_FIRST_IMPORT_ROWS && !hasFacts.rows.length)
    return finalizeFirstImportByMonth(database, jobId, source, staged, months);
  return database.db.transaction().execute(async (trx) => {
    // identical natural keys within a file are distinct referrals: number them by line
    const up = await UPSERT_FACTS(jobId).execute(trx);
    if (months.length) await rebuildRollup(trx, source, months);
    await sql`delete from referral_stage where job_id = ${jobId}`.execute(trx);
    return { inserted: up.rows[0]!.inserted, updated: up.rows[0]!.updated, staged, months };
  });
}

/** When this process started: an embedded database belongs to one process, so jobs older are dead. */
const PROCESS_STARTED = new Date(Date.now() - process.uptime() * 1000);

/**
 * Removes what a month-by-month first import left when its process was killed (facts, rollups,
 * staged rows) and marks that job failed, so a re-run ends in the same state as one clean run.
 */
export async function discardInterruptedImports(database: Database) {
  if (database.kind !== 'pglite') return;
  const dead = await database.db
    .selectFrom('import_jobs')
    .select('id')
    .where('status', '=', 'running')
    .where('kind', 'in', ['referrals', 'fhir-referrals'])
    .where('started_at', '<', PROCESS_STARTED)
    .execute();
  for (const { id } of dead) {
    await database.db.transaction().execute(async (trx) => {
      const touched = await sql<{ source: string; month: string }>`
        delete from referral_facts where import_job_id = ${id} returning source, to_char(month, 'YYYY-MM-DD') as month`.execute(
        trx,
      );
      const bySource = new Map<string, Set<string>>();
      for (const r of touched.rows) {
        const set = bySource.get(r.source) ?? new Set<string>();
        set.add(r.month);
        bySource.set(r.source, set);
      }
      for (const [source, months] of bySource) await rebuildRollup(trx, source, [...months]);
      await sql`delete from referral_stage where job_id = ${id}`.execute(trx);
      await sql`update import_jobs set status = 'failed', finished_at = now(),
        message = 'interrupted (the process stopped); its rows were removed' where id = ${id}`.execute(trx);
    });
  }
}

/**
 * The first large import of a source (nothing to update, only inserts) is written one month per
 * transaction, so on the embedded database — one connection — the app keeps answering between months
 * instead of waiting a minute for one statement. All-or-nothing still holds: on any failure every
 * fact this job wrote and the rollups of its months are removed before the error propagates.
 */
export async function finalizeFirstImportByMonth(
  database: Database,
  jobId: number,
  source: ReferralSource,
  staged: number,
  months: string[],
): Promise<FinalizeResult> {
  let inserted = 0;
  try {
    for (const m of months) {
      const inMonth = sql`and referral_date >= ${m}::date and referral_date < (${m}::date + interval '1 month')`;
      inserted += await database.db.transaction().execute(async (trx) => {
        const up = await UPSERT_FACTS(jobId, inMonth).execute(trx);
        await rebuildRollup(trx, source, [m]);
        return up.rows[0]!.inserted;
      });
    }
  } catch (e) {
    await database.db.transaction().execute(async (trx) => {
      await sql`delete from referral_facts where import_job_id = ${jobId}`.execute(trx);
      if (months.length) await rebuildRollup(trx, source, months);
    });
    throw e;
  }
  await sql`delete from referral_stage where job_id = ${jobId}`.execute(database.db);
  return { inserted, updated: 0, staged, months };
}

/** Recomputes referral_monthly for one source and the given months ('YYYY-MM-01') from the facts. */
export async function rebuildRollup(db: Database['db'], source: string, months: string[]) {
  const monthList = sql.join(months.map((m) => sql`${m}::date`));
  await sql`delete from referral_monthly where source = ${source} and month in (${monthList})`.execute(db);
  await sql`
    insert into referral_monthly (referring_npi, month, service_line, dest_org_id, dest_provider_npi, source, count)
    select referring_npi, month, service_line, coalesce(dest_org_id, 0), coalesce(dest_provider_npi, ''), source, sum(count)::int
    from referral_facts where source = ${source} and month in (${monthList})
    group by referring_npi, month, service_line, coalesce(dest_org_id, 0), coalesce(dest_provider_npi, ''), source`.execute(
    db,
  );
}

export async function discardStage(database: Database, jobId: number) {
  await sql`delete from referral_stage where job_id = ${jobId}`.execute(database.db).catch(() => {});
}

/**
 * Refreshes the planner's statistics on the facts and the rollup after an import changed them. Without
 * it a first import leaves PostgreSQL planning with empty-table estimates until autovacuum gets round to
 * it (or never, where autovacuum is off): a market query then runs a nested loop over the whole rollup
 * and takes tens of seconds instead of a few hundred milliseconds.
 */
export async function analyzeReferralTables(database: Database) {
  await sql`analyze referral_facts`.execute(database.db);
  await sql`analyze referral_monthly`.execute(database.db);
}
