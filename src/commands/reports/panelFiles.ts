// A panel as a CSV or XLSX file. The CSV is the table alone (so spreadsheets read it cleanly); the XLSX
// adds an "About" sheet with the source, data date and definition, so the numbers keep their origin.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Panel } from '../dashboards/panel';

// Spreadsheet apps run cells starting with = + - @ as formulas: text cells get a leading quote so a
// physician or issue name can never execute (CSV injection). Numbers (including negatives) stay numbers.
const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === 'object' ? JSON.stringify(v) : v;
  return typeof s === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

export function panelCsv(p: Panel): Buffer {
  const rows = p.rows.map((r) => p.columns.map((c) => cell(r[c.key])));
  return Buffer.from(stringify([p.columns.map((c) => c.label), ...rows]), 'utf8');
}

export const sheetName = (title: string) =>
  title
    .replace(/[\\/?*[\]:]/g, ' ')
    .slice(0, 31)
    .trim() || 'Panel';

export function addPanelSheet(wb: ExcelJS.Workbook, p: Panel, name = sheetName(p.id)) {
  const ws = wb.addWorksheet(name);
  ws.columns = p.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.min(48, Math.max(10, c.label.length + 2)),
  }));
  for (const r of p.rows) ws.addRow(Object.fromEntries(p.columns.map((c) => [c.key, cell(r[c.key])])));
  ws.getRow(1).font = { bold: true };
  p.columns.forEach((c, i) => {
    if (c.kind === 'percent') ws.getColumn(i + 1).numFmt = '0.0%';
    if (c.kind === 'money') ws.getColumn(i + 1).numFmt = '#,##0';
  });
  return ws;
}

export async function panelXlsx(p: Panel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rounds';
  addPanelSheet(wb, p);
  const about = wb.addWorksheet('About');
  about.addRows([
    ['Panel', p.title],
    ['Source', p.source],
    ['Data date', p.dataDate ?? 'unknown'],
    ['Definition', p.definition ?? ''],
    ['Rows', p.rows.length],
    ['Exported at', new Date().toISOString()],
  ]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
