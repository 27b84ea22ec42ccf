// Shared upload handling: stream ONE multipart file to a private temp file while counting bytes,
// refuse it when it is too large or not of an accepted kind (by extension AND by its first bytes),
// and hand back the path plus the text fields. The caller must call `cleanup()` when done.
// See docs/upload-helper.md.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

export type UploadKind = 'csv' | 'txt' | 'xlsx' | 'zip' | 'json' | 'ndjson' | 'xml' | 'gz';

export type ReceivedUpload = {
  path: string;
  /** The client's file name with any directory part removed (never used to build paths). */
  fileName: string;
  kind: UploadKind;
  bytes: number;
  fields: Record<string, string>;
  cleanup: () => Promise<void>;
};

const EXTENSIONS: Record<UploadKind, string[]> = {
  csv: ['.csv', '.tsv'],
  txt: ['.txt', '.dat', '.psv'],
  xlsx: ['.xlsx'],
  zip: ['.zip'],
  json: ['.json'],
  ndjson: ['.ndjson', '.jsonl'],
  xml: ['.xml'],
  gz: ['.gz'],
};

/** Does the start of the file look like the kind its extension claims? */
export function sniffMatches(kind: UploadKind, head: Buffer): boolean {
  if (head.length === 0) return false;
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (kind === 'xlsx' || kind === 'zip') return isZip;
  if (kind === 'gz') return head[0] === 0x1f && head[1] === 0x8b;
  // Text kinds: no NUL bytes (binaries and UTF-16 files have them), and not a zip in disguise.
  if (isZip || head.includes(0)) return false;
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (kind === 'json') return text.startsWith('{') || text.startsWith('[');
  if (kind === 'ndjson') return text.startsWith('{');
  if (kind === 'xml') return text.startsWith('<');
  return true;
}

export function kindFromName(fileName: string, accept: readonly UploadKind[]): UploadKind | undefined {
  const lower = fileName.toLowerCase();
  return accept.find((k) => EXTENSIONS[k].some((ext) => lower.endsWith(ext)));
}

/**
 * Receive the single file of a multipart/form-data request.
 * Errors (all HttpError, so the client gets problem+json): 415 not multipart, 400 no file or
 * several files, 415 wrong extension or content, 413 larger than `maxBytes`.
 */
export async function receiveUpload(
  req: FastifyRequest,
  opts: { accept: readonly UploadKind[]; maxBytes: number; field?: string },
): Promise<ReceivedUpload> {
  if (!req.isMultipart?.())
    throw new HttpError(415, 'body: send the file as multipart/form-data (field "file")');
  const fields: Record<string, string> = {};
  const dir = await mkdtemp(path.join(tmpdir(), 'rounds-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let saved: Omit<ReceivedUpload, 'fields' | 'cleanup'> | undefined;
  try {
    const parts = req.parts({ limits: { fileSize: opts.maxBytes, files: 1, fields: 50, fieldSize: 10_000 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (opts.field && part.fieldname !== opts.field) {
        part.file.resume();
        throw new HttpError(400, `body: expected the file in field "${opts.field}", got "${part.fieldname}"`);
      }
      const fileName = path.basename(part.filename || '').slice(0, 255);
      const kind = kindFromName(fileName, opts.accept);
      if (!kind) {
        part.file.resume();
        throw new HttpError(
          415,
          `body: file "${fileName}" is not an accepted type (accepted: ${opts.accept.map((k) => EXTENSIONS[k].join(', ')).join(', ')})`,
        );
      }
      const target = path.join(dir, `${randomBytes(8).toString('hex')}${path.extname(fileName)}`);
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          bytes += chunk.length;
          if (bytes > opts.maxBytes) cb(tooLarge(opts.maxBytes));
          else cb(null, chunk);
        },
      });
      await pipeline(part.file, counter, createWriteStream(target, { mode: 0o600 }));
      if (part.file.truncated) throw tooLarge(opts.maxBytes);
      const head = await readHead(target, 512);
      if (!sniffMatches(kind, head))
        throw new HttpError(415, `body: file "${fileName}" does not look like a ${kind} file`);
      saved = { path: target, fileName, kind, bytes };
    }
  } catch (e) {
    await cleanup();
    throw mapMultipartError(e, opts.maxBytes);
  }
  if (!saved) {
    await cleanup();
    throw new HttpError(400, 'body: no file in the upload (send it in a multipart field "file")');
  }
  return { ...saved, fields, cleanup };
}

const tooLarge = (max: number) =>
  new HttpError(413, `body: file is larger than the ${Math.round(max / 1024 / 1024)} MB upload limit`);

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function mapMultipartError(e: unknown, maxBytes: number): unknown {
  if (e instanceof HttpError) return e;
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT') return new HttpError(400, 'body: send exactly one file per upload');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new HttpError(400, 'body: too many form fields');
  if (code.startsWith('FST_') || /multipart|boundary|Unexpected end of form/i.test(String(e)))
    return new HttpError(400, 'body: malformed multipart upload');
  return e;
}

/** MAX_UPLOAD_MB from the configuration, in bytes. */
export const uploadLimitBytes = (maxUploadMb: number) => maxUploadMb * 1024 * 1024;
