// The shared upload helper: size and type limits, malformed multipart, temp-file cleanup.
import { existsSync, readFileSync } from 'node:fs';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/server/lib/errors';
import { receiveUpload, sniffMatches } from '../../src/server/lib/upload';

const app = Fastify();
let lastPath = '';
beforeAll(async () => {
  app.setErrorHandler(errorHandler);
  await app.register(multipart, { limits: { fileSize: 10_000, files: 1 } });
  app.post('/up', async (req) => {
    const up = await receiveUpload(req, { accept: ['csv', 'xlsx'], maxBytes: 1000, field: 'file' });
    lastPath = up.path;
    const text = readFileSync(up.path, 'utf8');
    await up.cleanup();
    return {
      fileName: up.fileName,
      kind: up.kind,
      bytes: up.bytes,
      fields: up.fields,
      lines: text.split('\n').length,
    };
  });
  await app.ready();
});
afterAll(() => app.close());

function form(
  name: string,
  content: string | Uint8Array,
  extra: Record<string, string> = {},
  field = 'file',
) {
  const f = new FormData();
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  f.append(field, new Blob([content as BlobPart]), name);
  return f;
}
const post = (payload: FormData | string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/up', payload, headers });

describe('receiveUpload', () => {
  it('saves an accepted CSV with its fields, strips directories from the name, and cleans up', async () => {
    const res = await post(form('../../etc/list.csv', 'a,b\n1,2\n', { mapping: '{"a":"npi"}' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      fileName: 'list.csv',
      kind: 'csv',
      bytes: 8,
      fields: { mapping: '{"a":"npi"}' },
      lines: 3,
    });
    expect(existsSync(lastPath)).toBe(false);
  });

  it('refuses a file over the limit with 413', async () => {
    const res = await post(form('big.csv', 'x'.repeat(1001)));
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/^body: file is larger/);
  });

  it('refuses a wrong extension and a binary disguised as CSV or an xlsx that is not a zip', async () => {
    expect((await post(form('run.exe', 'MZ'))).statusCode).toBe(415);
    const bin = await post(form('data.csv', new Uint8Array([0x4d, 0x5a, 0, 0, 1])));
    expect(bin.statusCode).toBe(415);
    expect(bin.json().detail).toMatch(/does not look like a csv/);
    expect((await post(form('sheet.xlsx', 'a,b\n'))).statusCode).toBe(415);
  });

  it('refuses non-multipart bodies, missing files, the wrong field and malformed multipart', async () => {
    const json = await post('{"a":1}', { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
    const onlyField = new FormData();
    onlyField.append('note', 'x');
    expect((await post(onlyField)).statusCode).toBe(400);
    expect((await post(form('a.csv', 'a\n', {}, 'other'))).statusCode).toBe(400);
    const broken = await post(
      '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
      {
        'content-type': 'multipart/form-data; boundary=XYZ',
      },
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toMatch(/^body:/);
  });

  it('sniffs content kinds', () => {
    expect(sniffMatches('xlsx', Buffer.from([0x50, 0x4b, 3, 4]))).toBe(true);
    expect(sniffMatches('gz', Buffer.from([0x1f, 0x8b, 8]))).toBe(true);
    expect(sniffMatches('json', Buffer.from('\uFEFF  [1]'))).toBe(true);
    expect(sniffMatches('json', Buffer.from('a,b'))).toBe(false);
    expect(sniffMatches('csv', Buffer.from([0x50, 0x4b, 3, 4]))).toBe(false);
    expect(sniffMatches('csv', Buffer.alloc(0))).toBe(false);
  });
});
