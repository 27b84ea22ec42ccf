// CMS "Medicare Physician & Other Practitioners — by Provider": per-NPI Medicare volume (Tot_Benes,
// Tot_Srvcs, Tot_Mdcr_Pymt_Amt), used as market potential. Columns are found by header name.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../../db/connection';
import { readCsvBatches } from '../csv/records';
import { failJob, finishJob, RowErrors, startJob, zeroCounts } from '../jobs';
import { ReferralImportError } from './run';

export interface ProviderVolumeOptions {
  year: number;
  startedBy?: string | null;
  fileName?: string;
  onProgress?: (rowsRead: number) => void;
}

const num = (s: string | undefined): number | null => {
  const t = (s ?? '').trim().replace(/,/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

export async function importProviderVolumes(database: Database, path: string, opts: ProviderVolumeOptions) {
  if (!Number.isInteger(opts.year) || opts.year < 2000 || opts.year > 2100)
    throw new ReferralImportError('year: must be a year such as 2023');
  const fileName = opts.fileName ?? basename(path);
  const { id: jobId } = await startJob(database.db, 'cms-provider-volumes', fileName, opts.startedBy ?? null);
  const counts = zeroCounts();
  const errors = new RowErrors();
  try {
    await database.db.transaction().execute(async (trx) => {
      let col: Record<string, number> | null = null;
      for await (const batch of readCsvBatches(createReadStream(path), {
        encoding: 'latin1',
        fileLabel: fileName,
      })) {
        let recs = batch;
        if (!col) {
          const h = batch[0]!.fields.map((x) => x.trim().toLowerCase());
          col = Object.fromEntries(
            [
              'rndrng_npi',
              'rndrng_prvdr_type',
              'tot_benes',
              'tot_srvcs',
              'tot_bene_day_srvcs',
              'tot_mdcr_pymt_amt',
            ].map((c) => [c, h.indexOf(c)]),
          );
          if (col.rndrng_npi! < 0 || col.tot_benes! < 0 || col.tot_srvcs! < 0)
            throw new ReferralImportError(
              `${fileName}: line 1: the header needs Rndrng_NPI, Tot_Benes and Tot_Srvcs`,
            );
          recs = batch.slice(1);
        }
        const rows = [];
        for (const r of recs) {
          counts.read++;
          const g = (c: string) => (col![c]! >= 0 ? r.fields[col![c]!] : undefined);
          const npi = (g('rndrng_npi') ?? '').trim();
          if (!/^\d{10}$/.test(npi)) {
            errors.add(r.line, 'Rndrng_NPI', `"${npi}" is not a 10-digit NPI`);
            continue;
          }
          const v = {
            benes: num(g('tot_benes')),
            srvcs: num(g('tot_srvcs')),
            day: num(g('tot_bene_day_srvcs')),
            pay: num(g('tot_mdcr_pymt_amt')),
          };
          const badField = Object.entries(v).find(([, x]) => Number.isNaN(x));
          if (badField) {
            errors.add(r.line, badField[0], 'not a number');
            continue;
          }
          rows.push({
            npi,
            year: opts.year,
            provider_type: g('rndrng_prvdr_type')?.trim() || null,
            tot_benes: v.benes === null ? null : Math.round(v.benes),
            tot_srvcs: v.srvcs,
            tot_bene_day_srvcs: v.day,
            tot_mdcr_pymt_amt: v.pay,
            import_job_id: jobId,
          });
        }
        for (let i = 0; i < rows.length; i += 2000)
          await trx
            .insertInto('provider_volumes')
            .values(rows.slice(i, i + 2000))
            .onConflict((oc) =>
              oc.columns(['npi', 'year']).doUpdateSet((eb) => ({
                provider_type: eb.ref('excluded.provider_type'),
                tot_benes: eb.ref('excluded.tot_benes'),
                tot_srvcs: eb.ref('excluded.tot_srvcs'),
                tot_bene_day_srvcs: eb.ref('excluded.tot_bene_day_srvcs'),
                tot_mdcr_pymt_amt: eb.ref('excluded.tot_mdcr_pymt_amt'),
                import_job_id: eb.ref('excluded.import_job_id'),
              })),
            )
            .execute();
        counts.inserted += rows.length;
        opts.onProgress?.(counts.read);
      }
      if (!col) throw new ReferralImportError(`${fileName}: the file is empty`);
    });
    counts.rejected = errors.total;
    await finishJob(database.db, jobId, counts, errors, `${opts.year}-12-31`);
    return {
      jobId,
      rowsRead: counts.read,
      upserted: counts.inserted,
      rejected: errors.total,
      errors: errors.items,
      year: opts.year,
    };
  } catch (e) {
    await failJob(database.db, jobId, e instanceof Error ? e.message : String(e), counts);
    throw e;
  }
}
