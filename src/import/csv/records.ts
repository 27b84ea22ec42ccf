// A fast streaming RFC 4180 reader: bytes in (Latin-1 or UTF-8), batches of records out, each
// with the physical line number it starts on. Hand-written rather than csv-parse because NPPES
// rows are 330 quoted fields wide and csv-parse's per-character callbacks made it the bottleneck
// of the whole import (about 4× slower on the same file); quoting rules are the same.
import { StringDecoder } from 'node:string_decoder';

export type CsvRecord = { line: number; fields: string[] };
export type CsvEncoding = 'latin1' | 'utf8';

export class CsvFormatError extends Error {
  expected = true;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Parses as many complete records from text[pos..] as possible. */
class RecordParser {
  private rest = '';
  private line = 1;

  /** Returns complete records; keeps an incomplete trailing record for the next chunk. */
  push(chunk: string, final: boolean): CsvRecord[] {
    const text = this.rest + chunk;
    const out: CsvRecord[] = [];
    let pos = 0;
    const n = text.length;
    while (pos < n) {
      const startLine = this.line;
      let p = pos;
      let newlines = 0;
      const fields: string[] = [];
      let complete = false;
      for (;;) {
        if (p < n && text.charCodeAt(p) === QUOTE) {
          // quoted field: find the closing quote, un-doubling "" pairs
          let value = '';
          let q = p + 1;
          let closed = false;
          for (;;) {
            const j = text.indexOf('"', q);
            if (j < 0) break;
            if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
              value += text.slice(q, j + 1);
              q = j + 2;
              continue;
            }
            if (j + 1 >= n && !final) break; // can't yet tell "" from a closing quote
            value += text.slice(q, j);
            q = j + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) break;
            throw new CsvFormatError(`unterminated quoted field starting on line ${startLine}`);
          }
          for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) newlines++;
          fields.push(value);
          p = q;
        } else {
          let q = p;
          while (q < n) {
            const c = text.charCodeAt(q);
            if (c === COMMA || c === LF || c === CR) break;
            q++;
          }
          if (q >= n && !final) break;
          fields.push(text.slice(p, q));
          p = q;
        }
        // after a field: comma, end of line, or end of input
        if (p >= n) {
          if (!final) break;
          complete = true;
          break;
        }
        const c = text.charCodeAt(p);
        if (c === COMMA) {
          p++;
          continue;
        }
        if (c === CR) {
          if (p + 1 >= n && !final) break;
          p += p + 1 < n && text.charCodeAt(p + 1) === LF ? 2 : 1;
          newlines++;
          complete = true;
          break;
        }
        if (c === LF) {
          p++;
          newlines++;
          complete = true;
          break;
        }
        // junk after a closing quote: keep it as part of the value, as lenient readers do
        const q = text.indexOf(',', p);
        const e = text.indexOf('\n', p);
        const stop = q < 0 ? e : e < 0 ? q : Math.min(q, e);
        if (stop < 0 && !final) break;
        fields[fields.length - 1] += text.slice(p, stop < 0 ? n : stop).replace(/\r$/, '');
        p = stop < 0 ? n : stop;
      }
      if (!complete) break;
      this.line = startLine + newlines;
      pos = p;
      // a blank line is not a record
      if (!(fields.length === 1 && fields[0] === '')) out.push({ line: startLine, fields });
    }
    this.rest = text.slice(pos);
    return out;
  }
}

/** Reads a CSV byte stream as batches of records. Refuses binary content with one sentence. */
export async function* readCsvBatches(
  input: AsyncIterable<Buffer | string>,
  opts: { encoding: CsvEncoding; fileLabel?: string },
): AsyncGenerator<CsvRecord[]> {
  const parser = new RecordParser();
  const decoder = new StringDecoder(opts.encoding === 'utf8' ? 'utf8' : 'latin1');
  let first = true;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let text = decoder.write(buf);
    if (first && buf.length > 0) {
      first = false;
      if (looksBinary(buf))
        throw new CsvFormatError(
          `${opts.fileLabel ?? 'The file'} is not a text CSV file (it contains binary data).`,
        );
      text = text.replace(/^\uFEFF|^ï»¿/, '');
    }
    const records = parser.push(text, false);
    if (records.length) yield records;
  }
  const last = parser.push(decoder.end(), true);
  if (last.length) yield last;
}

export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 4096);
  if (n >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4) return true; // zip/xlsx
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}
