// `rounds import taxonomy <nucc.csv>`: the NUCC code set as a recorded job; seeds missing
// default service-line rows without touching an admin's edits.
import type { Database } from '../../db/connection';
import { CsvFormatError } from '../csv/records';
import { checkFile, ImportRefused, labelOf } from '../fileSource';
import { failJob, finishJob, RowErrors, startJob, zeroCounts } from '../jobs';
import type { ImportOptions } from '../stagedImport';
import { readNuccFile } from './nucc';
import { seedServiceLineMap, upsertTaxonomies } from './store';

export async function importTaxonomy(database: Database, file: string, opts: ImportOptions = {}) {
  const { db } = database;
  const label = labelOf(file, opts.label);
  checkFile(file, label);
  const job = await startJob(db, 'taxonomy', label, opts.startedBy ?? null);
  opts.onJob?.(job.id);
  const counts = zeroCounts();
  const errors = new RowErrors();
  try {
    let parsed: Awaited<ReturnType<typeof readNuccFile>>;
    try {
      parsed = await readNuccFile(file, label);
    } catch (e) {
      throw e instanceof CsvFormatError ? new ImportRefused(e.message) : e;
    }
    errors.addAll(parsed.errors);
    counts.read = parsed.read;
    counts.rejected = parsed.read - parsed.rows.length;
    await db.transaction().execute(async (tx) => {
      Object.assign(counts, await upsertTaxonomies(tx, parsed.rows));
      await seedServiceLineMap(tx);
      const m = /(\d{2})(\d)\.csv$/i.exec(label);
      await finishJob(
        tx,
        job.id,
        counts,
        errors,
        null,
        m ? `NUCC version ${Number(m[1])}.${m[2]}` : undefined,
      );
    });
    return { jobId: job.id, counts, errors: errors.items, errorCount: errors.total, dataDate: null };
  } catch (e) {
    await failJob(db, job.id, (e as Error).message, counts);
    throw e;
  }
}
