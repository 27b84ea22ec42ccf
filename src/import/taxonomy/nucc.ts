// NUCC Health Care Provider Taxonomy CSV (UTF-8, RFC 4180): header
// Code,Grouping,Classification,Specialization,Definition,Notes,Display Name,Section.
import { createReadStream } from 'node:fs';
import { CsvFormatError, type CsvRecord, readCsvBatches } from '../csv/records';
import type { RowError } from '../jobs';

export type TaxonomyRow = {
  code: string;
  grouping: string;
  classification: string;
  specialization: string | null;
  display_name: string;
  section: string | null;
  definition: string | null;
};

const REQUIRED = ['Code', 'Grouping', 'Classification', 'Specialization'] as const;

export async function readNuccFile(
  file: string,
  label = file,
): Promise<{ rows: TaxonomyRow[]; errors: RowError[]; read: number }> {
  const rows: TaxonomyRow[] = [];
  const errors: RowError[] = [];
  let idx: Record<string, number> | undefined;
  let read = 0;
  for await (const batch of readCsvBatches(createReadStream(file), { encoding: 'utf8', fileLabel: label })) {
    for (const rec of batch) {
      if (!idx) {
        idx = headerIndex(rec, label);
        continue;
      }
      read++;
      const row = toRow(rec, idx, errors);
      if (row) rows.push(row);
    }
  }
  if (!idx) throw new CsvFormatError(`${label} is empty: expected the NUCC taxonomy CSV.`);
  return { rows, errors, read };
}

function headerIndex(rec: CsvRecord, label: string): Record<string, number> {
  const idx: Record<string, number> = {};
  rec.fields.forEach((h, i) => {
    idx[h.trim()] = i;
  });
  const missing = REQUIRED.filter((h) => idx[h] === undefined);
  if (missing.length)
    throw new CsvFormatError(`${label} is not a NUCC taxonomy file: its header lacks ${missing.join(', ')}.`);
  return idx;
}

function toRow(rec: CsvRecord, idx: Record<string, number>, errors: RowError[]): TaxonomyRow | null {
  const get = (h: string) => {
    const i = idx[h];
    const v = i === undefined ? '' : (rec.fields[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const code = (get('Code') ?? '').toUpperCase();
  if (!/^[0-9A-Z]{9}X$/.test(code)) {
    errors.push({ line: rec.line, field: 'Code', reason: `"${code}" is not a 10-character taxonomy code` });
    return null;
  }
  const grouping = get('Grouping');
  const classification = get('Classification');
  if (!grouping || !classification) {
    errors.push({ line: rec.line, field: grouping ? 'Classification' : 'Grouping', reason: 'is empty' });
    return null;
  }
  const specialization = get('Specialization');
  return {
    code,
    grouping,
    classification,
    specialization,
    display_name:
      get('Display Name') ?? (specialization ? `${classification}, ${specialization}` : classification),
    section: get('Section'),
    definition: get('Definition'),
  };
}
