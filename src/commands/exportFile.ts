// A table written as CSV or XLSX for download (every export of lists and search results), and the
// audit record every export leaves.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit';
import type { DB } from '../db/schema';
import type { Actor } from './crm/errors';

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

/**
 * A search's rows as a download, recorded in the audit trail (who, what, filters, rows). `columns`
 * name each column and read it from a row.
 */
export async function auditedExport<T>(
  db: Kysely<DB>,
  actor: Actor,
  e: {
    name: string;
    format: ExportFormat;
    columns: [string, (row: T) => unknown][];
    rows: T[];
    filters: object;
    /** constant columns after the row's, e.g. source and data date */
    extra?: [string, unknown][];
  },
) {
  const extra = e.extra ?? [];
  const file = await tableFile(
    e.name,
    e.format,
    [...e.columns.map(([h]) => h), ...extra.map(([h]) => h)],
    e.rows.map((r) => [...e.columns.map(([, get]) => get(r)), ...extra.map(([, v]) => v)]),
  );
  await recordAudit(db, {
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: 'export',
    entity: e.name,
    ip: actor.ip,
    detail: { format: e.format, rows: e.rows.length, filters: e.filters },
  });
  return { ...file, rows: e.rows.length };
}

/** Every row of a keyset-paged search, 200 at a time, up to `cap`; `truncated` when rows were left. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  cap: number,
): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    rows.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor && rows.length < cap);
  return { rows: rows.slice(0, cap), truncated: !!cursor || rows.length > cap };
}
