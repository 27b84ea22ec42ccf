// `rounds import nppes`: stream an NPPES npidata file, validate and stage rows with COPY in
// batches, then merge set-based in one transaction that also closes the job — so a process
// killed at any moment leaves the directory exactly as before, and a re-run finishes the job.
import { type Kysely, sql } from 'kysely';
import { parseRegion, type Region } from '../../core/geo/region';
import { inClientTransaction } from '../../db/clientTransaction';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import { copyText } from '../copy';
import { checkFile, dataDateFromFileName, labelOf, type ProgressFn } from '../fileSource';
import { closeAbandonedJobs, failJob, finishJob, RowErrors, startJob, zeroCounts } from '../jobs';
import { type FirstLoad, ReadAgain, startFirstLoad } from './firstLoad';
import { type MergeCounts, mergeNppesStage } from './merge';
import { RangeMismatch } from './scan';
import {
  createStage,
  dropStage,
  dropStaleStages,
  STAGE_COPY_COLUMNS,
  stageTables,
  truncateStage,
} from './stage';
import { NAME_STAGE_COLUMNS, TAXONOMY_STAGE_COLUMNS } from './stageColumns';
import { stageInWorkers } from './stageInWorker';
import type { StageBatch, StagerInput, StagerResult } from './stager';

export type NppesImportOptions = {
  region?: string;
  startedBy?: string | null;
  label?: string;
  onProgress?: ProgressFn;
  onJob?: (jobId: number) => void;
  batchRows?: number;
  /** read and validate in a worker thread (default: for files over 32 MB) */
  worker?: boolean;
  /**
   * worker threads reading a large file, one per half. Default: two for a first load merged
   * during the read (the reader is then what the import waits for: 1M rows 41 → 39 s), else one
   * (reading into the stage, two were not reliably faster on the 2-core benchmark machine).
   * docs/benchmarks.md
   */
  readers?: 1 | 2;
  /** two readers split files from this size on (default 64 MB; tests split small ones) */
  splitMinBytes?: number;
  /**
   * merge a first load (an empty directory) batch by batch while reading (PostgreSQL, a file
   * named with its date; default: when reading in a worker). firstLoad.ts
   */
  overlap?: boolean;
};

export async function importNppes(database: Database, file: string, opts: NppesImportOptions = {}) {
  const { db } = database;
  const label = labelOf(file, opts.label);
  // the ZIP table (≈ 150 MB of memory once loaded) is loaded here only to check a region up front;
  // the reader loads its own copy
  const region: Region | null = opts.region
    ? parseRegion(opts.region, (await import('../../core/geo/zipCentroid')).zipCentroid)
    : null;
  const totalBytes = checkFile(file, label);
  await closeAbandonedJobs(db, 'nppes');
  await dropStaleStages(db);
  const job = await startJob(db, 'nppes', label, opts.startedBy ?? null);
  opts.onJob?.(job.id);
  const counts = zeroCounts();
  const errors = new RowErrors();
  try {
    const knownTaxonomies = (await db.selectFrom('taxonomies').select('code').execute()).map((r) => r.code);
    // with a region, rows of NPIs already in the directory are kept outside it (they moved away)
    const knownNpis = region
      ? (
          await sql<{ npi: string }>`
            select npi from providers union all select npi from organizations where npi is not null`.execute(
            db,
          )
        ).rows.map((r) => r.npi)
      : null;
    const started = performance.now();
    // worker threads pay off past a few megabytes (each starts its own TypeScript loader)
    const inWorker = opts.worker ?? totalBytes > 32 << 20;
    const fileDate = dataDateFromFileName(label);
    // merging a first load during the read needs a second connection (not PGlite's one) and the
    // data date before the read (from the file name, as NPPES names its files)
    const overlap = (opts.overlap ?? inWorker) && database.kind === 'postgres' && !!fileDate;
    await createStage(db, job.id, { lineIndexes: overlap });
    const tables = stageTables(job.id);
    const previous = await db
      .selectFrom('import_jobs')
      .select(['data_date'])
      .where('kind', '=', 'nppes')
      .where('status', '=', 'succeeded')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const mergeInput = (dataDate: string | null, allInMarket: boolean) => ({
      tables,
      jobId: job.id,
      allInMarket,
      dataDate,
      previousDataDate: previous?.data_date ?? null,
      baseline: !previous,
    });
    const input: StagerInput = {
      file,
      label,
      region: opts.region ?? null,
      knownTaxonomies,
      knownNpis,
      batchRows: opts.batchRows ?? 5_000,
    };
    let readers = 1;
    // read the file into the stage; a first load (`firstLoad`) is merged batch by batch as it goes
    const read = async (firstLoad: FirstLoad | null) => {
      let waited = 0;
      const onBatch = async (b: StageBatch) => {
        const w0 = performance.now();
        await copyText(database, tables.rows, STAGE_COPY_COLUMNS, b.rows);
        await copyText(database, tables.taxonomies, [...TAXONOMY_STAGE_COLUMNS], b.taxonomies);
        await copyText(database, tables.names, [...NAME_STAGE_COLUMNS], b.names);
        waited += performance.now() - w0;
        if (b.firstLine) await firstLoad?.add(b);
        counts.read = b.read;
        opts.onProgress?.({ bytesRead: b.bytesRead, totalBytes, rows: b.read });
      };
      // a first load gets providers rows and each batch's NPIs (firstLoad.ts checks for repeats)
      const reader = { ...input, direct: firstLoad?.direct, countRepeats: !!firstLoad };
      const stage = async (split: boolean) =>
        inWorker
          ? stageInWorkers(reader, onBatch, { split, minBytes: opts.splitMinBytes })
          : (await import('./stager')).stageNppesFile(reader, onBatch);
      readers = opts.readers ?? (firstLoad ? 2 : 1);
      const staged = await stage(readers === 2).catch(async (e) => {
        if (!(e instanceof RangeMismatch)) throw e;
        // the middle of the file fell inside a quoted field: read it again in one piece (after
        // undoing what a first load has COPYed in the transaction)
        if (firstLoad) throw new ReadAgain('the file was split inside a quoted field');
        await truncateStage(db, job.id);
        return stage(false);
      });
      if (process.env.ROUNDS_IMPORT_TIMING)
        process.stderr.write(
          `${(performance.now() - started).toFixed(0).padStart(7)} ms  read, validate and stage (${waited.toFixed(0)} ms in COPY${firstLoad ? ', merged as read' : ''})\n`,
        );
      return staged;
    };
    // asRead: the counts of a first load merged during the read, else the stage is merged now
    const mergeAndFinish = async (tx: Kysely<DB>, staged: StagerResult, asRead: MergeCounts | null) => {
      counts.read = staged.read;
      counts.rejected = staged.rejected;
      for (const e of staged.errors) errors.add(e.line, e.field, e.reason);
      errors.total = staged.errorCount;
      const dataDate = fileDate ?? staged.maxUpdate;
      const merged = asRead ?? (await mergeNppesStage(tx, mergeInput(dataDate, staged.allInMarket)));
      Object.assign(counts, merged);
      const note = region ? `${staged.outside} rows outside the region (${opts.region}) skipped` : undefined;
      await finishJob(tx, job.id, counts, errors, dataDate, note);
      return { staged, dataDate, mergedAsRead: !!asRead };
    };
    // PGlite has one connection: its read (COPYs) must come before the merge's transaction
    const result = overlap
      ? await inClientTransaction(database, async (tx, client) => {
          const firstLoad = await startFirstLoad(tx, client, {
            ...mergeInput(fileDate, true),
            dataDate: fileDate!,
          });
          if (firstLoad) {
            const staged = await read(firstLoad).catch(async (e) => {
              await firstLoad.stop();
              if (e instanceof ReadAgain) return null;
              throw e;
            });
            const asRead = staged && (await firstLoad.finish(staged));
            if (staged && asRead) return mergeAndFinish(tx, staged, asRead);
            // not every row was an insert: undo, and read the whole file into the stage
            await firstLoad.undo();
            await truncateStage(db, job.id);
          }
          return mergeAndFinish(tx, await read(null), null);
        })
      : await read(null).then((staged) => db.transaction().execute((tx) => mergeAndFinish(tx, staged, null)));
    const { staged, dataDate, mergedAsRead } = result;
    await dropStage(db, job.id).catch(() => {});
    await vacuumDirectory(database);
    return {
      jobId: job.id,
      counts,
      errors: errors.items,
      errorCount: errors.total,
      dataDate,
      outside: staged.outside,
      layout: staged.layout,
      /** a first load merged batch by batch during the read (firstLoad.ts) */
      mergedAsRead,
      /** reader threads asked for (a file under 64 MB is read by one) */
      readers,
    };
  } catch (e) {
    await failJob(db, job.id, (e as Error).message, counts);
    await dropStage(db, job.id).catch(() => {});
    throw e;
  }
}

/**
 * VACUUM (ANALYZE) the tables a merge wrote, outside any transaction. ANALYZE gives the planner the
 * new sizes; VACUUM sets the visibility map, without which no index-only scan skips the table:
 * the name-word index (provider_name_tokens), the specialty probe (provider_taxonomies (npi, code))
 * and the radius box indexes all read a table row per index entry until it is set. Autovacuum would
 * do both eventually, but may be off (it is on the benchmark server) and waits for thresholds.
 * Pages left all-visible since the last run are skipped, so after a small update this is quick
 * (≈ 3 s after a first load of 900,000 providers). A failure here leaves a finished import intact.
 */
export async function vacuumDirectory(database: Database) {
  const vacuum = async (tables: string) => {
    const started = performance.now();
    await sql
      .raw(`vacuum (analyze) ${tables}`)
      .execute(database.db)
      .catch(() => {});
    if (process.env.ROUNDS_IMPORT_TIMING)
      process.stderr.write(
        `${(performance.now() - started).toFixed(0).padStart(7)} ms  vacuum (analyze) ${tables}\n`,
      );
  };
  // two connections (on PostgreSQL): providers, the largest, beside the rest
  await Promise.all([
    vacuum('providers'),
    vacuum(`provider_name_tokens, provider_taxonomies, provider_other_names, provider_name_words,
      organizations, organization_other_names`),
  ]);
}
