// Set-based merge of a staged NPPES file into providers / organizations, in the caller's
// transaction. Unchanged rows (same row_hash) are left alone, so re-running a file changes nothing.

import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { withSecondaryIndexesDeferred } from '../bulkIndexes';
import { withNameTokensDeferred, withNameTokensRefreshed } from '../bulkNameTokens';
import type { StageTables } from './stage';
import { PROVIDER_COLUMNS, PROVIDER_INSERT_COLUMNS } from './stageColumns';

const ADDR = ['line1', 'line2', 'city', 'state', 'zip5', 'zip9', 'country', 'phone', 'fax'];
const addr = (p: string) => ADDR.map((a) => `${p}_${a}`);

const ORG_COLUMNS = [
  'primary_taxonomy',
  'enumeration_date',
  'last_update_date',
  'deactivation_date',
  'deactivation_reason',
  'reactivation_date',
  ...addr('practice'),
  'county_fips',
  'county_name',
  ...addr('mailing'),
  'official_last_name',
  'official_first_name',
  'official_title',
  'official_phone',
  'search_name',
];
// A better point from a geocoder survives a newer file as long as the address is the same.
const KEEP_POINT = `t.geo_precision in ('rooftop','street') and t.practice_line1 is not distinct from s.practice_line1
  and t.practice_zip5 is not distinct from s.practice_zip5`;
const STATUS = `case when s.deactivation_date is not null and (s.reactivation_date is null
  or s.reactivation_date < s.deactivation_date) then 'deactivated' else 'active' end`;
const ORG_TYPE = `case
  when s.primary_taxonomy like '282N%' or s.primary_taxonomy like '282E%' or s.primary_taxonomy like '283%'
    or s.primary_taxonomy like '273%' or s.primary_taxonomy like '284%' or s.primary_taxonomy like '286%' then 'hospital'
  when s.primary_taxonomy = '261QA1903X' then 'asc'
  when s.primary_taxonomy like '261QR02%' or s.primary_taxonomy = '261QM1200X' or s.primary_taxonomy like '261QX%' then 'imaging'
  when s.primary_taxonomy like '261Q%' then 'clinic'
  when s.primary_taxonomy like '193%' then 'group'
  else 'other' end`;

export type MergeInput = {
  tables: StageTables;
  jobId: number;
  dataDate: string | null;
  previousDataDate: string | null;
  baseline: boolean;
  /** no row outside the region was staged (kept because its NPI is known) */
  allInMarket: boolean;
};
export type MergeCounts = { inserted: number; updated: number; unchanged: number; deactivated: number };

// The insert statements, shared (but for providers: directRows.ts builds those rows in the reader)
// with a first load merged during the read (firstLoad.ts), which adds a line range to `where`.
// S, TX, NM: the stage tables (aliases s and x).
type Sql = RawBuilder<unknown>;

const insertProviders = (m: MergeInput, S: Sql, where: Sql) => sql`
    insert into providers (${sql.raw(PROVIDER_INSERT_COLUMNS.join(', '))})
    select s.npi, ${sql.raw(PROVIDER_COLUMNS.map((c) => `s.${c}`).join(', '))}, ${sql.raw(STATUS)},
      coalesce(m.service_line, 'other'), s.lat, s.lon, s.geo_precision, ${m.jobId},
      case when ${m.baseline} or ${sql.raw(STATUS)} = 'deactivated' then null else now() end,
      case when ${m.baseline} or ${sql.raw(STATUS)} = 'deactivated' then null else ${m.jobId}::bigint end,
      case when ${m.baseline} or ${sql.raw(STATUS)} = 'deactivated' then null
           when ${m.previousDataDate}::date is not null and s.enumeration_date > ${m.previousDataDate}::date then 'enumerated'
           else 'moved_in' end,
      'nppes', ${m.dataDate}, s.row_hash, coalesce(s.taxonomy_codes, '{}')
    from ${S} s left join service_line_map m on m.taxonomy_code = s.primary_taxonomy
    where ${where}`;

export const insertTaxonomies = (TX: Sql, where: Sql) => sql`
    insert into provider_taxonomies (npi, slot, code, license, license_state, is_primary, taxonomy_group)
    select x.npi, x.slot, x.code, x.license, x.license_state, x.is_primary, x.taxonomy_group
    from ${TX} x where ${where}`;

export const insertOtherNames = (NM: Sql, where: Sql) => sql`
    insert into provider_other_names (npi, slot, last_name, first_name, middle_name, name_prefix, name_suffix, credential, type_code)
    select x.npi, x.slot, x.last_name, x.first_name, x.middle_name, x.name_prefix, x.name_suffix, x.credential, x.type_code
    from ${NM} x where x.name is null and ${where}`;

export const insertOrganizations = (m: MergeInput, S: Sql, where: Sql) => sql`
    insert into organizations (npi, name, type, service_lines, ${sql.raw(ORG_COLUMNS.join(', '))}, status,
      lat, lon, geo_precision, source, data_date, row_hash)
    select s.npi, s.org_name, ${sql.raw(ORG_TYPE)},
      case when m.service_line is null or m.service_line = 'other' then '{}'::text[] else array[m.service_line] end,
      ${sql.raw(ORG_COLUMNS.map((c) => `s.${c}`).join(', '))}, ${sql.raw(STATUS)},
      s.lat, s.lon, s.geo_precision, 'nppes', ${m.dataDate}, s.row_hash
    from ${S} s left join service_line_map m on m.taxonomy_code = s.primary_taxonomy
    where ${where}`;

export const insertOrgOtherNames = (S: Sql, NM: Sql, where: Sql) => sql`
    insert into organization_other_names (organization_id, name, type_code, source)
    select o.id, x.name, x.type_code, 'nppes'
    from ${NM} x join ${S} s on s.npi = x.npi and s.line = x.line join organizations o on o.npi = s.npi
    where ${where} and x.name is not null
    on conflict (organization_id, name) do update set type_code = excluded.type_code`;

// ROUNDS_IMPORT_TIMING=1 prints each merge statement's time on stderr (for tuning).
const timed = (tx: Kysely<DB>) => async (q: ReturnType<typeof sql>) => {
  if (!process.env.ROUNDS_IMPORT_TIMING) return q.execute(tx);
  const t = performance.now();
  const r = await q.execute(tx);
  const text = q.compile(tx).sql.replace(/\s+/g, ' ').slice(0, 70);
  process.stderr.write(`${(performance.now() - t).toFixed(0).padStart(7)} ms  ${text}\n`);
  return r;
};

/** Which stage rows are inserted, and which are written (inserted or updated), per entity. */
type Written = { insert: RawBuilder<unknown>; written: RawBuilder<unknown> };
const FIRST_LOAD_PROVIDERS: Written = {
  insert: sql`s.entity = 1 and s.in_market`,
  written: sql`s.entity = 1 and s.in_market`,
};
const MARKED_PROVIDERS: Written = {
  insert: sql`s.action = 'i' and s.entity = 1`,
  written: sql`s.entity = 1 and s.action in ('u', 'i')`,
};
export const FIRST_LOAD_ORGS: Written = {
  insert: sql`s.entity = 2 and s.in_market`,
  written: sql`s.entity = 2 and s.in_market`,
};
const MARKED_ORGS: Written = {
  insert: sql`s.action = 'i' and s.entity = 2`,
  written: sql`s.entity = 2 and s.action in ('o', 'i')`,
};

export async function emptyTables<T extends string>(
  tx: Kysely<DB>,
  tables: T[],
): Promise<Record<T, boolean>> {
  const r = await sql<Record<T, boolean>>`select ${sql.join(
    tables.map((t) => sql`not exists (select 1 from ${sql.table(t)}) as ${sql.ref(t)}`),
  )}`.execute(tx);
  return r.rows[0]!;
}

const n = (r: { rows: unknown[] }) => Number((r.rows[0] as { n?: number | string } | undefined)?.n ?? 0);

/** Inserting more than 5,000 rows and a quarter of the table: rebuild its indexes after, not row by row. */
async function isBulkInsert(
  tx: Kysely<DB>,
  S: RawBuilder<unknown>,
  insert: RawBuilder<unknown>,
  table: string,
) {
  const run = timed(tx);
  const toInsert = n(await run(sql`select count(*) as n from ${S} s where ${insert}`));
  const existing = n(await run(sql`select count(*) as n from ${sql.table(table)}`));
  return toInsert > 5000 && toInsert > existing / 4;
}

export async function mergeNppesStage(tx: Kysely<DB>, m: MergeInput): Promise<MergeCounts> {
  const S = sql.raw(m.tables.rows);
  const TX = sql.raw(m.tables.taxonomies);
  const NM = sql.raw(m.tables.names);
  const J = m.jobId;
  const run = timed(tx);
  // a small statistics sample is enough for the planner to pick hash joins; hashes and sorts of
  // a million stage rows fit in memory (4 MB spilled them to disk in 16 batches); JIT compiling
  // each big statement cost ≈ 0.75 s and gained nothing on these scans
  await run(sql`set local default_statistics_target = 10`);
  await run(sql`set local work_mem = '128MB'`);
  await run(sql`set local jit = off`);
  await run(sql`analyze ${S}`);
  // the last row of an NPI wins when a file lists it twice
  // (one aggregate over the stage; about as fast as the self-join it replaced: 2.2 s at 1M rows)
  const dupes =
    await run(sql`with d as (select npi, max(line) as keep from ${S} group by npi having count(*) > 1)
    delete from ${S} a using d where a.npi = d.npi and a.line < d.keep`);
  // child rows belong to the stage row of the same line; once no stage row was dropped and every
  // written row is an insert, they need no join back to it
  const childrenOfKept = (written: RawBuilder<unknown>, firstLoad: boolean) =>
    firstLoad && m.allInMarket && Number(dupes.numAffectedRows ?? 0) === 0
      ? sql`true`
      : sql`exists (select 1 from ${S} s where s.npi = x.npi and s.line = x.line and ${written})`;
  // Into an empty table (a first load) every in-market row is an insert: no need to mark the stage
  // row by row (an update rewrites each wide stage row) nor to look for updates.
  const empty = await emptyTables(tx, [
    'providers',
    'organizations',
    'provider_taxonomies',
    'provider_other_names',
  ]);
  const P = empty.providers ? FIRST_LOAD_PROVIDERS : MARKED_PROVIDERS;
  const O = empty.organizations ? FIRST_LOAD_ORGS : MARKED_ORGS;
  if (!empty.providers) {
    await run(sql`update ${S} s set action = 'i' where s.entity = 1 and s.in_market
      and not exists (select 1 from providers t where t.npi = s.npi)`);
    await run(sql`update ${S} s set action = 'u' from providers t
      where t.npi = s.npi and s.entity in (0, 1) and t.row_hash is distinct from s.row_hash`);
  }
  if (!empty.organizations) {
    await run(sql`update ${S} s set action = 'i' where s.entity = 2 and s.in_market
      and not exists (select 1 from organizations t where t.npi = s.npi)`);
    await run(sql`update ${S} s set action = 'o' from organizations t
      where t.npi = s.npi and s.entity in (0, 2) and t.row_hash is distinct from s.row_hash`);
  }

  // the marks were set after the first analyze, which saw none: fresh statistics for the joins on
  // them below (the change record took 206 s instead of 32 s for 5,400 updated rows without)
  if (!empty.providers || !empty.organizations) await run(sql`analyze ${S}`);

  const changeCols = [...PROVIDER_COLUMNS.filter((c) => c !== 'search_name'), 'status'];
  const json = (alias: string) =>
    sql.raw(
      `jsonb_build_object(${changeCols.map((c) => `'${c}', ${c === 'status' && alias === 's' ? STATUS : `${alias}.${c}`}`).join(', ')})`,
    );
  // what changed, before the update overwrites it (deactivation-only rows compare just their fields)
  if (!empty.providers)
    await run(sql`
    with nt as (select x.npi, jsonb_agg(jsonb_build_object('slot', x.slot, 'code', x.code, 'license', x.license,
        'license_state', x.license_state, 'is_primary', x.is_primary, 'taxonomy_group', x.taxonomy_group)
        order by x.slot) as taxonomies
      from ${TX} x join ${S} s on s.npi = x.npi and s.line = x.line where s.action = 'u' group by x.npi)
    insert into provider_changes (npi, job_id, changes)
    select s.npi, ${J}, d.changes from ${S} s join providers t on t.npi = s.npi left join nt on nt.npi = s.npi
    cross join lateral (select case when s.entity = 0
        then jsonb_build_object('deactivation_date', s.deactivation_date, 'deactivation_reason', s.deactivation_reason,
             'reactivation_date', s.reactivation_date, 'status', ${sql.raw(STATUS)})
        else ${json('s')} || jsonb_build_object('taxonomies', coalesce(nt.taxonomies, '[]'::jsonb)) end as n,
      ${json('t')} || jsonb_build_object('taxonomies', coalesce((select jsonb_agg(jsonb_build_object('slot', x.slot,
        'code', x.code, 'license', x.license, 'license_state', x.license_state, 'is_primary', x.is_primary,
        'taxonomy_group', x.taxonomy_group) order by x.slot) from provider_taxonomies x where x.npi = t.npi), '[]'::jsonb)) as o
      offset 0) j -- a fence: pulled up, both objects were rebuilt for every key compared (33 s for 5,400 rows)
    cross join lateral (select jsonb_object_agg(k, jsonb_build_object('before', j.o -> k, 'after', j.n -> k)) as changes
      from jsonb_object_keys(j.n) k where (j.o -> k) is distinct from (j.n -> k)) d
    where s.action = 'u' and d.changes is not null`);

  const none = { numAffectedRows: 0n };
  // the name-word index is refreshed in one pass for the updated NPIs (bulkNameTokens.ts)
  const manyUpdates =
    !empty.providers && n(await run(sql`select count(*) as n from ${S} where action = 'u'`)) > 1000;
  const [deact, updated] = empty.providers
    ? [none, none]
    : await withNameTokensRefreshed(
        tx,
        sql`select npi from ${S} where action = 'u'`,
        manyUpdates,
        async () => [
          await run(sql`
    update providers t set deactivation_date = s.deactivation_date, deactivation_reason = s.deactivation_reason,
      reactivation_date = s.reactivation_date, status = ${sql.raw(STATUS)}, row_hash = s.row_hash,
      data_date = ${m.dataDate}, updated_at = now()
    from ${S} s where s.npi = t.npi and s.action = 'u' and s.entity = 0`),
          await run(sql`
    update providers t set ${sql.raw(PROVIDER_COLUMNS.map((c) => `${c} = s.${c}`).join(', '))},
      status = ${sql.raw(STATUS)},
      primary_service_line = coalesce((select service_line from service_line_map where taxonomy_code = s.primary_taxonomy), 'other'),
      lat = case when ${sql.raw(KEEP_POINT)} then t.lat else s.lat end,
      lon = case when ${sql.raw(KEEP_POINT)} then t.lon else s.lon end,
      geo_precision = case when ${sql.raw(KEEP_POINT)} then t.geo_precision else s.geo_precision end,
      arrived_at = case when t.status = 'deactivated' and ${sql.raw(STATUS)} = 'active' and not ${m.baseline} then now() else t.arrived_at end,
      arrived_job_id = case when t.status = 'deactivated' and ${sql.raw(STATUS)} = 'active' and not ${m.baseline} then ${J} else t.arrived_job_id end,
      arrival_reason = case when t.status = 'deactivated' and ${sql.raw(STATUS)} = 'active' and not ${m.baseline} then 'reactivated' else t.arrival_reason end,
      taxonomy_codes = coalesce(s.taxonomy_codes, '{}'),
      row_hash = s.row_hash, data_date = ${m.dataDate}, updated_at = now()
    from ${S} s
    where s.npi = t.npi and s.action = 'u' and s.entity = 1`),
        ],
      );
  const bulk = await isBulkInsert(tx, S, P.insert, 'providers');
  return withSecondaryIndexesDeferred(
    tx,
    ['providers', 'provider_taxonomies', 'provider_other_names'],
    bulk,
    async () => {
      // the name-word index is filled in one pass after a bulk insert (bulkNameTokens.ts)
      const inserted = await withNameTokensDeferred(tx, J, bulk, () => run(insertProviders(m, S, P.insert)));
      if (!empty.provider_taxonomies)
        await run(sql`delete from provider_taxonomies x using ${S} s where x.npi = s.npi and ${P.written}`);
      await run(insertTaxonomies(TX, childrenOfKept(P.written, empty.providers)));
      if (!empty.provider_other_names)
        await run(sql`delete from provider_other_names x using ${S} s where x.npi = s.npi and ${P.written}`);
      await run(insertOtherNames(NM, childrenOfKept(P.written, empty.providers)));

      const orgs = await mergeOrganizations(tx, m, O, empty.organizations);
      const staged = n(await run(sql`select count(*) as n from ${S} where entity in (1, 2) and in_market`));
      const ins = Number(inserted.numAffectedRows ?? 0) + orgs.inserted;
      const upd = Number(updated.numAffectedRows ?? 0) + orgs.updated;
      const dea = Number(deact.numAffectedRows ?? 0) + orgs.deactivated;
      return { inserted: ins, updated: upd, deactivated: dea, unchanged: Math.max(0, staged - ins - upd) };
    },
  );
}

async function mergeOrganizations(tx: Kysely<DB>, m: MergeInput, O: Written, firstLoad: boolean) {
  const S = sql.raw(m.tables.rows);
  const NM = sql.raw(m.tables.names);
  const run = timed(tx);
  const none = { numAffectedRows: 0n };
  const deact = firstLoad
    ? none
    : await run(sql`
    update organizations t set deactivation_date = s.deactivation_date, deactivation_reason = s.deactivation_reason,
      reactivation_date = s.reactivation_date, status = ${sql.raw(STATUS)}, row_hash = s.row_hash,
      data_date = ${m.dataDate}, updated_at = now(), version = t.version + 1
    from ${S} s where s.npi = t.npi and s.action = 'o' and s.entity = 0`);
  const updated = firstLoad
    ? none
    : await run(sql`
    update organizations t set ${sql.raw(ORG_COLUMNS.map((c) => `${c} = s.${c}`).join(', '))},
      name = case when t.source = 'nppes' then s.org_name else t.name end, status = ${sql.raw(STATUS)},
      lat = case when ${sql.raw(KEEP_POINT)} then t.lat else s.lat end,
      lon = case when ${sql.raw(KEEP_POINT)} then t.lon else s.lon end,
      geo_precision = case when ${sql.raw(KEEP_POINT)} then t.geo_precision else s.geo_precision end,
      row_hash = s.row_hash, data_date = ${m.dataDate}, updated_at = now(), version = t.version + 1
    from ${S} s where s.npi = t.npi and s.action = 'o' and s.entity = 2`);
  // its trigram index alone made inserting 100,000 organizations take ≈ 4 s
  const bulk = await isBulkInsert(tx, S, O.insert, 'organizations');
  const inserted = await withSecondaryIndexesDeferred(tx, ['organizations'], bulk, () =>
    run(insertOrganizations(m, S, O.insert)),
  );
  await run(insertOrgOtherNames(S, NM, O.written));
  return {
    inserted: Number(inserted.numAffectedRows ?? 0),
    updated: Number(updated.numAffectedRows ?? 0),
    deactivated: Number(deact.numAffectedRows ?? 0),
  };
}
