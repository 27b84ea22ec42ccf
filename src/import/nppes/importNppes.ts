// `rounds import nppes`: stream an NPPES npidata file, validate and stage rows with COPY in
// batches, then merge set-based in one transaction that also closes the job — so a process
// killed at any moment leaves the directory exactly as before, and a re-run finishes the job.
import { sql } from 'kysely';
import { parseRegion, type Region } from '../../core/geo/region';
import { zipCentroid } from '../../core/geo/zipCentroid';
import type { Database } from '../../db/connection';
import { type CopyValue, copyLine, copyText } from '../copy';
import {
  checkFile,
  dataDateFromFileName,
  fileRecordBatches,
  ImportRefused,
  labelOf,
  type ProgressFn,
} from '../fileSource';
import { closeAbandonedJobs, failJob, finishJob, RowErrors, startJob, zeroCounts } from '../jobs';
import { type NppesHeader, parseNppesHeader } from './header';
import { mergeNppesStage } from './merge';
import { stageNppesRow } from './row';
import { createStage, dropStage, dropStaleStages, STAGE_COPY_COLUMNS, stageTableName } from './stage';

export type NppesImportOptions = {
  region?: string;
  startedBy?: string | null;
  label?: string;
  onProgress?: ProgressFn;
  onJob?: (jobId: number) => void;
  batchRows?: number;
};

export async function importNppes(database: Database, file: string, opts: NppesImportOptions = {}) {
  const { db } = database;
  const label = labelOf(file, opts.label);
  const region: Region | null = opts.region ? parseRegion(opts.region, zipCentroid) : null;
  const totalBytes = checkFile(file, label);
  await closeAbandonedJobs(db, 'nppes');
  await dropStaleStages(db);
  const job = await startJob(db, 'nppes', label, opts.startedBy ?? null);
  opts.onJob?.(job.id);
  const counts = zeroCounts();
  const errors = new RowErrors();
  let outside = 0;
  try {
    const knownTaxonomies = new Set(
      (await db.selectFrom('taxonomies').select('code').execute()).map((r) => r.code),
    );
    const knownNpis = region
      ? new Set(
          (
            await sql<{
              npi: string;
            }>`select npi from providers union all select npi from organizations where npi is not null`.execute(
              db,
            )
          ).rows.map((r) => r.npi),
        )
      : null;
    await createStage(db, job.id);
    const stage = stageTableName(job.id);
    let header: NppesHeader | undefined;
    let maxUpdate: string | null = null;
    // rows are encoded to COPY text as soon as they are staged, so only short-lived strings pile up
    // (arrays of values kept for a whole batch were promoted to the old generation: GC-bound)
    const one: CopyValue[][] = [];
    let lines: string[] = [];
    let pending: Promise<void> = Promise.resolve();
    const flush = async () => {
      await pending; // one COPY in flight while the next batch is parsed
      const text = lines.join('');
      lines = [];
      pending = copyText(database, stage, STAGE_COPY_COLUMNS, text);
    };
    const batchRows = opts.batchRows ?? 5_000;
    for await (const records of fileRecordBatches(file, {
      encoding: 'latin1',
      label,
      totalBytes,
      onProgress: opts.onProgress,
    })) {
      for (const rec of records) {
        if (!header) {
          header = parseNppesHeader(rec.fields, label);
          continue;
        }
        counts.read++;
        const outcome = stageNppesRow(
          rec.line,
          rec.fields,
          { header, region, knownTaxonomies, knownNpis, errors },
          one,
        );
        if (outcome === 'rejected') counts.rejected++;
        else if (outcome === 'outside') outside++;
        const staged = one.pop();
        if (!staged) continue;
        lines.push(copyLine(staged));
        const d = outcome === 'staged' ? (staged[14] as string | null) : null;
        if (d && (!maxUpdate || d > maxUpdate)) maxUpdate = d;
      }
      if (lines.length >= batchRows) await flush();
    }
    if (!header)
      throw new ImportRefused(`${label} is empty: expected an NPPES npidata file with a header row.`);
    await flush();
    await pending;
    const dataDate = dataDateFromFileName(label) ?? maxUpdate;
    const previous = await db
      .selectFrom('import_jobs')
      .select(['data_date'])
      .where('kind', '=', 'nppes')
      .where('status', '=', 'succeeded')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    await db.transaction().execute(async (tx) => {
      const merged = await mergeNppesStage(tx, {
        stage,
        jobId: job.id,
        dataDate,
        previousDataDate: previous?.data_date ?? null,
        baseline: !previous,
      });
      Object.assign(counts, merged);
      const note = region ? `${outside} rows outside the region (${opts.region}) skipped` : undefined;
      await finishJob(tx, job.id, counts, errors, dataDate, note);
    });
    await dropStage(db, job.id).catch(() => {});
    return {
      jobId: job.id,
      counts,
      errors: errors.items,
      errorCount: errors.total,
      dataDate,
      outside,
      layout: header.layout,
    };
  } catch (e) {
    await failJob(db, job.id, (e as Error).message, counts);
    await dropStage(db, job.id).catch(() => {});
    throw e;
  }
}
