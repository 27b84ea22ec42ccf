// Bulk load with COPY on both backends: pg-copy-streams on a PostgreSQL server, PGlite's
// /dev/blob COPY in embedded mode. Rows are encoded in COPY's text format.
import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/connection';

export type CopyValue = string | number | boolean | null | undefined;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One COPY text-format line (tab separated, \N for null, backslash escapes). */
export function copyLine(values: CopyValue[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i) out += '\t';
    const v = values[i];
    if (v === null || v === undefined) out += '\\N';
    else if (typeof v === 'string')
      out += /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : v;
    else out += String(v);
  }
  return `${out}\n`;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** COPYs already-encoded text (lines from copyLine) into table(columns). */
export async function copyText(
  database: Database,
  table: string,
  columns: string[],
  text: string,
): Promise<void> {
  if (!text) return;
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  if (database.kind === 'pglite') {
    // PGlite is one session: hold the pool's only connection so the COPY can never land inside a
    // transaction another caller (an API request during a background import) has open.
    const held = await database.pool.connect();
    try {
      await database.pglite!.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    } finally {
      held.release();
    }
    return;
  }
  const client = await database.pool.connect();
  try {
    const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
    const done = Promise.race([
      once(stream, 'finish'),
      once(stream, 'error').then(([e]) => Promise.reject(e)),
    ]);
    stream.end(text);
    await done;
  } finally {
    client.release();
  }
}

export async function copyRows(database: Database, table: string, columns: string[], rows: CopyValue[][]) {
  let text = '';
  for (const r of rows) text += copyLine(r);
  await copyText(database, table, columns, text);
}
