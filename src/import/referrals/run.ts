// The shared skeleton of a staged referral import: job row, staging, one finalizing transaction,
// and a job marked failed (with the stage discarded) on any error.
import type { Database } from '../../db/connection';
import type { ReferralSource } from '../../db/tables/referrals';
import { failJob, finishJob, type JobCounts, type RowError, RowErrors, zeroCounts } from '../jobs';
import { analyzeReferralTables, discardInterruptedImports, discardStage, finalizeStage } from './stage';

export class ReferralImportError extends Error {
  expected = true;
}

export interface ReferralImportResult {
  jobId: number;
  source: ReferralSource;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  message: string | null;
  /** latest referral date in the file (the data date of everything computed from it) */
  dataDate: string | null;
  months: string[];
}

export async function runStagedImport(
  database: Database,
  jobId: number,
  source: ReferralSource,
  stage: (counts: JobCounts, errors: RowErrors) => Promise<string | null>,
): Promise<ReferralImportResult> {
  const counts = zeroCounts();
  const errors = new RowErrors();
  await discardInterruptedImports(database);
  try {
    const dataDate = await stage(counts, errors);
    const f = await finalizeStage(database, jobId, source);
    if (f.inserted + f.updated > 0) await analyzeReferralTables(database);
    counts.inserted = f.inserted;
    counts.updated = f.updated;
    counts.unchanged = f.staged - f.inserted - f.updated;
    counts.rejected = errors.total;
    errors.items.sort((a, b) => a.line - b.line); // batches report parse problems before lookup ones
    await finishJob(database.db, jobId, counts, errors, dataDate);
    return {
      jobId,
      source,
      rowsRead: counts.read,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
      errors: errors.items,
      message: errors.summary(),
      dataDate,
      months: f.months.map((m) => m.slice(0, 7)),
    };
  } catch (e) {
    await discardStage(database, jobId);
    await failJob(database.db, jobId, e instanceof Error ? e.message : String(e), counts);
    throw e;
  }
}
