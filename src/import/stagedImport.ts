// The shape every directory importer shares: open the file (refusing the wrong kind with one
// sentence), stream records, validate each into a staging row (row errors by line), COPY batches
// into a per-job staging table, then merge set-based in one transaction that also closes the job.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/connection';
import type { DB } from '../db/schema';
import { type CopyValue, copyRows } from './copy';
import type { CsvEncoding, CsvRecord } from './csv/records';
import { checkFile, fileRecordBatches, ImportRefused, labelOf, type ProgressFn } from './fileSource';
import {
  closeAbandonedJobs,
  failJob,
  finishJob,
  type JobCounts,
  RowErrors,
  startJob,
  zeroCounts,
} from './jobs';
import { dropStaleStages } from './nppes/stage';

export type StagedImportSpec<H> = {
  kind: string;
  encoding: CsvEncoding;
  /** stage columns after `line int` (name → SQL type) */
  columns: Record<string, string>;
  /** parse the header; throw ImportRefused for the wrong kind of file */
  header: (fields: string[], label: string) => H;
  /** one record → stage values (same order as `columns`) or null when rejected (after errors.add) */
  row: (rec: CsvRecord, h: H, errors: RowErrors) => CopyValue[] | null;
  merge: (tx: Kysely<DB>, stage: string, jobId: number, errors: RowErrors) => Promise<Partial<JobCounts>>;
  /** records from somewhere other than a CSV file (e.g. an .xlsx) */
  records?: (file: string, label: string) => AsyncIterable<CsvRecord[]>;
  dataDate?: (file: string) => string | null;
  emptyMessage: string;
};

export type ImportOptions = {
  startedBy?: string | null;
  label?: string;
  onProgress?: ProgressFn;
  /** called once the job row exists (the upload API answers with it before the import ends) */
  onJob?: (jobId: number) => void;
};

export async function runStagedImport<H>(
  database: Database,
  file: string,
  spec: StagedImportSpec<H>,
  opts: ImportOptions = {},
) {
  const { db } = database;
  const label = labelOf(file, opts.label);
  const totalBytes = checkFile(file, label);
  await closeAbandonedJobs(db, spec.kind);
  await dropStaleStages(db);
  const job = await startJob(db, spec.kind, label, opts.startedBy ?? null);
  opts.onJob?.(job.id);
  const stage = `stage_${spec.kind.replace(/[^a-z]/g, '_')}_${job.id}`;
  const counts = zeroCounts();
  const errors = new RowErrors();
  const cols = Object.keys(spec.columns);
  try {
    await sql
      .raw(
        `create unlogged table ${stage} (line int, ${cols.map((c) => `${c} ${spec.columns[c]}`).join(', ')})`,
      )
      .execute(db);
    let header: H | undefined;
    let batch: CopyValue[][] = [];
    const source = spec.records
      ? spec.records(file, label)
      : fileRecordBatches(file, { encoding: spec.encoding, label, totalBytes, onProgress: opts.onProgress });
    for await (const records of source) {
      for (const rec of records) {
        if (header === undefined) {
          header = spec.header(rec.fields, label);
          continue;
        }
        counts.read++;
        const v = spec.row(rec, header, errors);
        if (v) batch.push([rec.line, ...v]);
        else counts.rejected++;
      }
      if (batch.length >= 10_000) {
        await copyRows(database, stage, ['line', ...cols], batch);
        batch = [];
      }
    }
    if (header === undefined) throw new ImportRefused(`${label} ${spec.emptyMessage}`);
    await copyRows(database, stage, ['line', ...cols], batch);
    const dataDate = spec.dataDate?.(label) ?? null;
    await db.transaction().execute(async (tx) => {
      await sql.raw(`analyze ${stage}`).execute(tx);
      const rejectedWhileReading = counts.rejected;
      const merged = await spec.merge(tx, stage, job.id, errors);
      Object.assign(counts, merged);
      counts.rejected = rejectedWhileReading + (merged.rejected ?? 0);
      await finishJob(tx, job.id, counts, errors, dataDate);
    });
    return { jobId: job.id, counts, errors: errors.items, errorCount: errors.total, dataDate };
  } catch (e) {
    await failJob(db, job.id, (e as Error).message, counts);
    throw e;
  } finally {
    await sql
      .raw(`drop table if exists ${stage}`)
      .execute(db)
      .catch(() => {});
  }
}

/** Header lookup by normalized name; refuses a file lacking required columns. */
export function headerIndex(fields: string[], required: string[], label: string, what: string) {
  const idx = new Map<string, number>();
  fields.forEach((h, i) => {
    const k = h.replace(/\s+/g, ' ').trim().toLowerCase();
    if (!idx.has(k)) idx.set(k, i);
  });
  const missing = required.filter((r) => !idx.has(r.toLowerCase()));
  if (missing.length) throw new ImportRefused(`${label} is not ${what}: its header lacks "${missing[0]}".`);
  return (name: string) => idx.get(name.toLowerCase()) ?? -1;
}

export const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
