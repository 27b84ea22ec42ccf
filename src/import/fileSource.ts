// Opening an import file: refuses missing/empty files with one sentence, streams records with
// byte progress so the CLI and the upload API can show how far along an import is.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { type CsvEncoding, CsvFormatError, type CsvRecord, readCsvBatches } from './csv/records';

export type Progress = { bytesRead: number; totalBytes: number; rows: number };
export type ProgressFn = (p: Progress) => void;

export class ImportRefused extends Error {
  expected = true;
}

export function checkFile(file: string, label: string): number {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ImportRefused(`${label} is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    throw new ImportRefused(`${label} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (size === 0) throw new ImportRefused(`${label} is empty.`);
  return size;
}

export const labelOf = (file: string, label?: string) => label ?? path.basename(file);

/** Streams record batches; the first record (the header) is included. */
export async function* fileRecordBatches(
  file: string,
  opts: { encoding: CsvEncoding; label: string; totalBytes: number; onProgress?: ProgressFn },
): AsyncGenerator<CsvRecord[]> {
  let bytesRead = 0;
  let rows = 0;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  async function* counted() {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  try {
    for await (const batch of readCsvBatches(counted(), { encoding: opts.encoding, fileLabel: opts.label })) {
      rows += batch.length;
      yield batch;
      opts.onProgress?.({ bytesRead, totalBytes: opts.totalBytes, rows });
    }
  } catch (e) {
    if (e instanceof CsvFormatError) throw new ImportRefused(e.message);
    throw e;
  } finally {
    stream.destroy();
  }
}

/** YYYYMMDD at the end of a file name (NPPES: npidata_pfile_20050523-20250608.csv) → ISO date. */
export function dataDateFromFileName(file: string): string | null {
  const m = /(\d{4})(\d{2})(\d{2})(?:_[A-Za-z0-9]+)?\.(csv|xlsx)$/i.exec(path.basename(file));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
