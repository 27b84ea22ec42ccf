// A dashboard panel: a titled table of rows with its columns, where the numbers come from and how old
// they are. Pages draw charts from the same rows the CSV/XLSX export writes, so an export is exactly
// what the panel showed.
export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'money';

export interface PanelColumn {
  key: string;
  label: string;
  kind?: ColumnKind;
}

export interface Panel<R extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  title: string;
  source: string;
  dataDate: string | null;
  definition?: string;
  columns: PanelColumn[];
  rows: R[];
  /** Where the rows behind a number can be opened in the app (e.g. '/providers/{npi}'). */
  link?: string;
  /** For an empty panel: a day that has rows, and why (e.g. the last day a goal period ran). */
  emptyHint?: { text: string; date: string };
}

export type Viewer = { id: number | null; role: 'admin' | 'manager' | 'liaison' | 'analyst' };

export class DashboardError extends Error {
  constructor(
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

export const col = (key: string, label: string, kind: ColumnKind = 'text'): PanelColumn => ({
  key,
  label,
  kind,
});
export const isoToday = () => new Date().toISOString().slice(0, 10);
export const addDays = (iso: string, d: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);

/** Columns as `{ key: label }` or `{ key: [label, kind] }`, in display order. */
export type ColumnSpec = Record<string, string | readonly [string, ColumnKind]>;

/**
 * Every dashboard panel is built here: its head (id, title, source, data date, optional link and
 * definition), its columns and its rows.
 */
export function panel<R extends Record<string, unknown>>(
  head: Omit<Panel, 'columns' | 'rows'>,
  columns: ColumnSpec | PanelColumn[],
  rows: R[],
): Panel<R> {
  const cols = Array.isArray(columns)
    ? columns
    : Object.entries(columns).map(([key, c]) => (typeof c === 'string' ? col(key, c) : col(key, c[0], c[1])));
  return { ...head, columns: cols, rows };
}

/** A-tier physicians overdue for a visit (Today and Team; Team adds the owner). */
export const OVERDUE_COLUMNS: ColumnSpec = {
  name: 'Physician',
  frequency: 'Frequency',
  last_visit: ['Last visit', 'date'],
  days_since: ['Days since', 'number'],
};
