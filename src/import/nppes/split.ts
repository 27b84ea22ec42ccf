// Where to cut a large NPPES file for two readers: at a line start near the middle of the data.
// Line numbers in the second half are counted as line feeds before the cut (the same way the
// scanner counts them), so a cut is only made in files whose header ends in a line feed. A cut
// that falls inside a quoted field is caught by the first reader (RangeMismatch).
import { open, stat } from 'node:fs/promises';
import { CsvFormatError } from '../csv/records';
import { type ScanRange, scanFile } from './scan';

const LF = 10;
const MIN_SPLIT_BYTES = 64 << 20;

export type FileParts = { header: { fields: string[]; end: number }; ranges: [ScanRange, ScanRange] };

export async function splitFile(
  file: string,
  label: string,
  minBytes = MIN_SPLIT_BYTES,
): Promise<FileParts | null> {
  const { size } = await stat(file);
  if (size < minBytes) return null;
  const fields: string[] = [];
  let head: { end: number; line: number };
  try {
    head = await scanFile(
      file,
      label,
      {
        record: (_line, r) => {
          for (let i = 0; i < r.count; i++) fields.push(r.value(i)!);
        },
      },
      { range: { from: 0, line: 1, maxRecords: 1 }, chunkBytes: 1 << 20 },
    );
  } catch (e) {
    if (e instanceof CsvFormatError) return null; // one reader reports it
    throw e;
  }
  const fh = await open(file, 'r');
  try {
    const probe = Buffer.alloc(1 << 20);
    const byteAt = async (pos: number) => {
      const { bytesRead } = await fh.read(probe, 0, 1, pos);
      return bytesRead ? probe[0] : -1;
    };
    if (!fields.length || head.end <= 0 || (await byteAt(head.end - 1)) !== LF) return null;
    const mid = Math.floor((head.end + size) / 2);
    const { bytesRead } = await fh.read(probe, 0, probe.length, mid);
    const i = probe.subarray(0, bytesRead).indexOf(LF);
    const cut = i < 0 ? -1 : mid + i + 1;
    if (cut < 0 || cut >= size) return null;
    // line number at the cut: one more than the line feeds before it
    let lines = 1;
    const chunk = Buffer.allocUnsafe(4 << 20);
    for (let pos = 0; pos < cut; ) {
      const { bytesRead: got } = await fh.read(chunk, 0, Math.min(chunk.length, cut - pos), pos);
      if (!got) break;
      for (let j = chunk.indexOf(LF, 0); j >= 0 && j < got; j = chunk.indexOf(LF, j + 1)) lines++;
      pos += got;
    }
    return {
      header: { fields, end: head.end },
      ranges: [
        { from: head.end, line: head.line, to: cut },
        { from: cut, line: lines },
      ],
    };
  } finally {
    await fh.close();
  }
}
