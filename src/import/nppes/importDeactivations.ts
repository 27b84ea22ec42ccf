// The monthly NPPES Deactivated NPI Report (.xlsx, or the same as .csv): title rows, then a
// header with "NPI" and the deactivation date, then one row per deactivated NPI. Deactivated
// NPIs already in the directory are flagged (status 'deactivated'), never deleted.
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { npiProblem } from '../../core/npi';
import type { Database } from '../../db/connection';
import type { CsvRecord } from '../csv/records';
import { dataDateFromFileName, ImportRefused } from '../fileSource';
import { type ImportOptions, n, runStagedImport } from '../stagedImport';
import { clean, parseUsDate } from '../values';

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date)
    return `${String(v.getUTCMonth() + 1).padStart(2, '0')}/${String(v.getUTCDate()).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (typeof v === 'object' && v && 'text' in v) return String((v as { text: unknown }).text);
  if (typeof v === 'object' && v && 'result' in v) return cellText((v as { result: unknown }).result);
  return String(v);
};

async function* xlsxRecords(file: string, label: string): AsyncGenerator<CsvRecord[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {});
  let batch: CsvRecord[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        batch.push({ line: row.number, fields: values });
        if (batch.length >= 5000) {
          yield batch;
          batch = [];
        }
      }
      break; // the report has one sheet
    }
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    throw new ImportRefused(`${label} is not a readable .xlsx workbook (${(e as Error).message}).`);
  }
  if (batch.length) yield batch;
}

/** Skips the title rows: the header is the first row whose first cell is "NPI". */
async function* fromHeaderRow(
  source: AsyncIterable<CsvRecord[]>,
  label: string,
): AsyncGenerator<CsvRecord[]> {
  let seen = 0;
  let found = false;
  for await (const batch of source) {
    if (found) {
      yield batch;
      continue;
    }
    const i = batch.findIndex((r) => r.fields[0]?.trim().toUpperCase() === 'NPI');
    if (i >= 0) {
      found = true;
      yield batch.slice(i);
      continue;
    }
    seen += batch.length;
    if (seen > 10) break;
  }
  if (!found && seen > 0)
    throw new ImportRefused(
      `${label} is not an NPPES deactivation report: no header row starting with "NPI" in its first rows.`,
    );
}

export function importNppesDeactivations(database: Database, file: string, opts: ImportOptions = {}) {
  const isXlsx = /\.xlsx$/i.test(opts.label ?? file);
  return runStagedImport(
    database,
    file,
    {
      kind: 'nppes-deactivations',
      encoding: 'latin1',
      emptyMessage: 'is empty: expected the NPPES Deactivated NPI Report.',
      columns: { npi: 'text', deactivation_date: 'date' },
      records: (f, label) => fromHeaderRow(isXlsx ? xlsxRecords(f, label) : csvRecords(f, label), label),
      header: (fields, label) => {
        const dateCol = fields.findIndex((h) => /deactivation date/i.test(h));
        if (dateCol < 0)
          throw new ImportRefused(
            `${label} is not an NPPES deactivation report: its header lacks a deactivation date column.`,
          );
        return { date: dateCol };
      },
      row: ({ line, fields: f }, h, errors) => {
        const npi = (f[0] ?? '').trim();
        const p = npiProblem(npi);
        if (p) {
          errors.add(
            line,
            'NPI',
            p === 'format' ? `"${npi}" is not 10 digits` : `${npi} fails the NPI check digit`,
          );
          return null;
        }
        const d = parseUsDate(clean(f[h.date]));
        if (!d) {
          errors.add(line, 'NPPES Deactivation Date', `"${f[h.date] ?? ''}" is not a valid MM/DD/YYYY date`);
          return null;
        }
        return [npi, d];
      },
      dataDate: dataDateFromFileName,
      merge: async (tx, stage, jobId) => {
        const S = sql.raw(stage);
        await sql`insert into provider_changes (npi, job_id, changes)
          select p.npi, ${jobId}::bigint, jsonb_build_object('status', jsonb_build_object('before', p.status, 'after', 'deactivated'),
            'deactivation_date', jsonb_build_object('before', p.deactivation_date, 'after', s.deactivation_date))
          from ${S} s join providers p on p.npi = s.npi
          where p.status <> 'deactivated' or p.deactivation_date is distinct from s.deactivation_date`.execute(
          tx,
        );
        const prov =
          await sql`update providers p set status = 'deactivated', deactivation_date = s.deactivation_date, updated_at = now()
          from ${S} s where p.npi = s.npi and (p.status <> 'deactivated' or p.deactivation_date is distinct from s.deactivation_date)`.execute(
            tx,
          );
        const orgs =
          await sql`update organizations o set status = 'deactivated', deactivation_date = s.deactivation_date,
            updated_at = now(), version = o.version + 1
          from ${S} s where o.npi = s.npi and (o.status <> 'deactivated' or o.deactivation_date is distinct from s.deactivation_date)`.execute(
            tx,
          );
        const matched = Number(
          (
            await sql<{ n: number }>`select (select count(*) from ${S} s join providers p on p.npi = s.npi)
          + (select count(*) from ${S} s join organizations o on o.npi = s.npi) as n`.execute(tx)
          ).rows[0]?.n ?? 0,
        );
        const deactivated = n(prov) + n(orgs);
        return { deactivated, unchanged: matched - deactivated };
      },
    },
    opts,
  );
}

async function* csvRecords(file: string, label: string) {
  const { fileRecordBatches, checkFile } = await import('../fileSource');
  yield* fileRecordBatches(file, { encoding: 'latin1', label, totalBytes: checkFile(file, label) });
}
