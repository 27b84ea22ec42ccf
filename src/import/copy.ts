// Bulk load with COPY on both backends: pg-copy-streams on a PostgreSQL server, PGlite's
// /dev/blob COPY in embedded mode. Rows are encoded in COPY's text format.
import { once } from 'node:events';
import type { PoolClient } from 'pg';
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

/** COPY text lines encoded (UTF-8) into a growing buffer as they come, so no string outlives its row. */
export class CopyBuffer {
  private buf = Buffer.allocUnsafe(1 << 20);
  length = 0;
  add(values: CopyValue[]) {
    const line = copyLine(values);
    this.reserve(line.length * 3);
    this.length += this.buf.write(line, this.length, 'utf8');
  }
  /** Lines already in COPY text form (nothing to escape), e.g. "word\tnpi\n" lines. */
  addText(text: string) {
    this.reserve(text.length * 3);
    this.length += this.buf.write(text, this.length, 'utf8');
  }
  /** room for `bytes` more (a UTF-16 unit is at most 3 bytes of UTF-8) */
  private reserve(bytes: number) {
    if (this.length + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + bytes));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }
  /** The bytes so far (owning their own ArrayBuffer, so they can be transferred); starts afresh. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.length);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.length = 0;
    return out;
  }
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** COPYs already-encoded text (lines from copyLine, or their bytes) into table(columns). */
export async function copyText(
  database: Database,
  table: string,
  columns: string[],
  text: string | Uint8Array,
): Promise<void> {
  if (!text.length) return;
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  if (database.kind === 'pglite') {
    // PGlite is one session: hold the pool's only connection so the COPY can never land inside a
    // transaction another caller (an API request during a background import) has open.
    const held = await database.pool.connect();
    try {
      await database.pglite!.query(`COPY ${target} FROM '/dev/blob'`, [], {
        blob: new Blob([text as BlobPart]),
      });
    } finally {
      held.release();
    }
    return;
  }
  const client = await database.pool.connect();
  try {
    await copyOnClient(client, table, columns, text);
  } finally {
    client.release();
  }
}

/** COPYs encoded text on one PostgreSQL connection (e.g. inside its open transaction); returns the rows copied. */
export async function copyOnClient(
  client: PoolClient,
  table: string,
  columns: string[],
  text: string | Uint8Array,
): Promise<number> {
  if (!text.length) return 0;
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  const done = Promise.race([once(stream, 'finish'), once(stream, 'error').then(([e]) => Promise.reject(e))]);
  stream.end(text);
  await done;
  return stream.rowCount ?? 0;
}

export async function copyRows(database: Database, table: string, columns: string[], rows: CopyValue[][]) {
  let text = '';
  for (const r of rows) text += copyLine(r);
  await copyText(database, table, columns, text);
}
