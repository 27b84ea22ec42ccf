// CMS Physician Shared Patient Patterns ("DocGraph"): no header, five comma-separated, possibly
// space-padded fields: npi_from, npi_to, pair_count, bene_count, same_day_count. Streams the whole
// file (GBs) and keeps only pairs touching the market: by default, NPIs already in the directory.
// A collaboration signal (patients seen by both within the window), not proof of a referral.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import type { Database } from '../../db/connection';
import { failJob, finishJob, RowErrors, startJob, zeroCounts } from '../jobs';
import { ReferralImportError } from './run';

export const SHARED_PATIENT_WINDOWS = [30, 60, 90, 180] as const;

export interface SharedPatientOptions {
  window: number;
  year: number;
  /** keep pairs where either NPI is in this set; default: providers and organizations in the directory */
  marketNpis?: ReadonlySet<string>;
  startedBy?: string | null;
  fileName?: string;
  onProgress?: (linesRead: number) => void;
}

export interface SharedPatientResult {
  jobId: number;
  linesRead: number;
  kept: number;
  rejected: number;
  errors: { line: number; field: string; reason: string }[];
  window: number;
  year: number;
}

async function directoryNpis(database: Database): Promise<Set<string>> {
  const out = new Set<string>();
  const p = await sql<{
    npi: string;
  }>`select npi from providers union select npi from organizations where npi is not null`.execute(
    database.db,
  );
  for (const r of p.rows) out.add(r.npi);
  return out;
}

const NPI = /^\d{10}$/;
const INT = /^\d+$/;

export async function importSharedPatients(
  database: Database,
  path: string,
  opts: SharedPatientOptions,
): Promise<SharedPatientResult> {
  if (!SHARED_PATIENT_WINDOWS.includes(opts.window as 30))
    throw new ReferralImportError(`window: must be one of ${SHARED_PATIENT_WINDOWS.join(', ')} days`);
  if (!Number.isInteger(opts.year) || opts.year < 2000 || opts.year > 2100)
    throw new ReferralImportError('year: must be a year such as 2015');
  const fileName = opts.fileName ?? basename(path);
  const { id: jobId } = await startJob(database.db, 'shared-patients', fileName, opts.startedBy ?? null);
  const counts = zeroCounts();
  const errors = new RowErrors();
  try {
    const market = opts.marketNpis ?? (await directoryNpis(database));
    let kept = 0;
    await database.db.transaction().execute(async (trx) => {
      // a re-import of the same year and window replaces it
      await trx
        .deleteFrom('shared_patient_links')
        .where('year', '=', opts.year)
        .where('window_days', '=', opts.window)
        .execute();
      let batch: {
        npi_from: string;
        npi_to: string;
        pair_count: number;
        bene_count: number;
        same_day_count: number;
      }[] = [];
      const flush = async () => {
        if (!batch.length) return;
        // A pair repeated in the file: the later line wins (as it does across batches via ON CONFLICT).
        const unique = [...new Map(batch.map((b) => [`${b.npi_from}|${b.npi_to}`, b])).values()];
        counts.updated += batch.length - unique.length;
        await trx
          .insertInto('shared_patient_links')
          .values(
            unique.map((b) => ({ ...b, year: opts.year, window_days: opts.window, import_job_id: jobId })),
          )
          .onConflict((oc) =>
            oc.columns(['year', 'window_days', 'npi_from', 'npi_to']).doUpdateSet((eb) => ({
              pair_count: eb.ref('excluded.pair_count'),
              bene_count: eb.ref('excluded.bene_count'),
              same_day_count: eb.ref('excluded.same_day_count'),
            })),
          )
          .execute();
        kept += batch.length;
        batch = [];
      };
      const rl = createInterface({
        input: createReadStream(path, { encoding: 'latin1', highWaterMark: 1 << 20 }),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      let line = 0;
      for await (const text of rl) {
        line++;
        if (!text.trim()) continue;
        counts.read++;
        if (counts.read % 200_000 === 0) opts.onProgress?.(counts.read);
        const f = text.split(',').map((s) => s.trim());
        if (f.length !== 5) {
          errors.add(line, 'line', `expected 5 comma-separated fields, found ${f.length}`);
          continue;
        }
        const [from, to, pair, bene, same] = f as [string, string, string, string, string];
        if (!NPI.test(from)) errors.add(line, 'npi_from', `"${from}" is not a 10-digit NPI`);
        else if (!NPI.test(to)) errors.add(line, 'npi_to', `"${to}" is not a 10-digit NPI`);
        else if (!INT.test(pair) || !INT.test(bene) || !INT.test(same))
          errors.add(line, 'counts', 'pair_count, bene_count and same_day_count must be whole numbers');
        else if (market.has(from) || market.has(to)) {
          batch.push({
            npi_from: from,
            npi_to: to,
            pair_count: Number(pair),
            bene_count: Number(bene),
            same_day_count: Number(same),
          });
          if (batch.length >= 2000) await flush();
        }
      }
      await flush();
    });
    counts.inserted = kept;
    counts.rejected = errors.total;
    await finishJob(database.db, jobId, counts, errors, `${opts.year}-12-31`);
    return {
      jobId,
      linesRead: counts.read,
      kept,
      rejected: errors.total,
      errors: errors.items,
      window: opts.window,
      year: opts.year,
    };
  } catch (e) {
    await failJob(database.db, jobId, e instanceof Error ? e.message : String(e), counts);
    throw e;
  }
}
