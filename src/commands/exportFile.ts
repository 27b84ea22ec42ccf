// A table written as CSV or XLSX for download (every export of lists and search results).
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';

// Spreadsheet apps run cells starting with = + - @ as formulas: prefix them so an exported note
// can never execute (CSV injection).
const safe = (x: unknown) => {
  if (x === null || x === undefined) return '';
  if (typeof x === 'string' && /^[=+\-@\t\r]/.test(x)) return `'${x}`;
  return x;
};

export async function tableFile(
  name: string,
  format: ExportFormat,
  headers: string[],
  rows: unknown[][],
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const table = rows.map((r) => r.map(safe));
  let body: Buffer;
  if (format === 'csv') body = Buffer.from(stringify([headers, ...table]), 'utf8');
  else {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    for (const r of table) ws.addRow(r);
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    body = Buffer.from(await wb.xlsx.writeBuffer());
  }
  return {
    fileName: `rounds-${name}-${new Date().toISOString().slice(0, 10)}.${format}`,
    contentType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
