// Reading a customer spreadsheet (CSV or XLSX) into header + rows with their line numbers.
// CRM spreadsheets are small (thousands of rows), so they are read whole; the row cap keeps a
// wrong file (an NPPES extract) from exhausting memory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ImportRefused } from '../fileSource';

export type SheetRow = { line: number; values: Record<string, string> };
export type Sheet = { headers: string[]; rows: SheetRow[] };
export const MAX_ROWS = 200_000;

function build(label: string, records: string[][], lineOf: (i: number) => number): Sheet {
  const [head, ...body] = records;
  if (!head?.length) throw new ImportRefused(`${label} has no header row.`);
  const headers = head.map((h) =>
    String(h ?? '')
      .replace(/^\uFEFF/, '')
      .trim(),
  );
  const dup = headers.find((h, i) => h && headers.indexOf(h) !== i);
  if (dup) throw new ImportRefused(`${label}: column "${dup}" appears twice in the header.`);
  if (body.length > MAX_ROWS)
    throw new ImportRefused(`${label} has ${body.length} rows; the limit is ${MAX_ROWS}.`);
  const rows: SheetRow[] = [];
  body.forEach((rec, i) => {
    if (rec.every((v) => String(v ?? '').trim() === '')) return; // blank lines
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h) values[h] = String(rec[j] ?? '').trim();
    });
    rows.push({ line: lineOf(i + 1), values });
  });
  return { headers: headers.filter(Boolean), rows };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Excel dates carry no zone: exceljs gives the wall-clock time as UTC.
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue); // formula
    if ('error' in v) return '';
  }
  return String(v);
}

export async function readSheet(file: string, label = path.basename(file)): Promise<Sheet> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw new ImportRefused(`${label} is not a readable .xlsx workbook (${(e as Error).message}).`);
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new ImportRefused(`${label} has no worksheet.`);
    const records: string[][] = [];
    const lines: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const vals = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      records.push(vals);
      lines.push(n);
    });
    return build(label, records, (i) => lines[i]!);
  }
  const text = await readFile(file, 'utf8');
  const delimiter = ext === '.tsv' ? '\t' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      info: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (e) {
    throw new ImportRefused(`${label}: ${(e as Error).message}`);
  }
  // info.lines is the line a record ends on; a record's first line is the previous record's end + 1.
  const starts = records.map((_, i) => (i === 0 ? 1 : records[i - 1]!.info.lines + 1));
  return build(
    label,
    records.map((r) => r.record),
    (i) => starts[i]!,
  );
}
