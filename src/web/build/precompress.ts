// Writes a gzip and a brotli copy beside every compressible built file, so the server sends the
// smallest one the browser accepts (@fastify/static `preCompressed`) without compressing per request.
// Chromium asks for brotli only over HTTPS; over plain HTTP (loopback, a LAN install) it gets gzip.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|webmanifest|txt)$/;
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'rounds-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    writeBundle() {
      for (const f of files(outDir)) {
        if (!COMPRESSIBLE.test(f) || statSync(f).size < MIN_BYTES) continue;
        const body = readFileSync(f);
        writeFileSync(`${f}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${f}.br`,
          brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
        );
      }
    },
  };
}
