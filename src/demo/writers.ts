/** Buffered, back-pressure-aware file sinks (UTF-8 or Latin-1) and CSV field helpers. */

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import iconv from 'iconv-lite';

const FLUSH_AT = 1 << 20;

export class Sink {
  rows = 0;
  bytes = 0;
  private buf = '';
  private readonly stream: WriteStream;

  constructor(
    readonly path: string,
    private readonly encoding: 'utf8' | 'latin1' = 'utf8',
    private readonly eol = '\n',
  ) {
    this.stream = createWriteStream(path);
  }

  /** Appends one line; returns a promise only when the buffer must be flushed (await it). */
  push(line: string): Promise<void> | undefined {
    this.buf += line + this.eol;
    this.rows++;
    return this.buf.length >= FLUSH_AT ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (!this.buf) return;
    const data =
      this.encoding === 'latin1' ? iconv.encode(this.buf, 'latin1') : Buffer.from(this.buf, 'utf8');
    this.buf = '';
    this.bytes += data.length;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

/** RFC 4180 minimal quoting. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

/** NPPES style: every value double-quoted, embedded quotes replaced by single quotes. */
export function nppesLine(fields: readonly string[]): string {
  let s = '';
  for (let i = 0; i < fields.length; i++) s += `${i ? ',' : ''}"${(fields[i] ?? '').replace(/"/g, "'")}"`;
  return s;
}

/** Writes a whole small CSV (header + rows). Returns the row count (excluding header). */
export async function writeCsv(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly (string | number | null | undefined)[]>,
): Promise<number> {
  const sink = new Sink(path);
  sink.push(header.join(','));
  for (const r of rows) {
    const f = sink.push(csvLine(r));
    if (f) await f;
  }
  await sink.close();
  return sink.rows - 1;
}
