import { createReadStream } from 'node:fs';
import { readCsvBatches } from '../../src/import/csv/records';
import { parseNppesHeader } from '../../src/import/nppes/header';
import { stageNppesRow } from '../../src/import/nppes/row';
import { RowErrors } from '../../src/import/jobs';
import { copyLine } from '../../src/import/copy';
const file = process.argv[2]!;
let t = performance.now();
let n = 0;
for await (const b of readCsvBatches(createReadStream(file, { highWaterMark: 1 << 20 }), { encoding: 'latin1' })) n += b.length;
console.log('parse', n, (performance.now() - t).toFixed(0), 'ms', process.memoryUsage().rss / 1e6);
t = performance.now();
let header; const out: unknown[][] = []; let len = 0;
const errors = new RowErrors();
for await (const b of readCsvBatches(createReadStream(file, { highWaterMark: 1 << 20 }), { encoding: 'latin1' })) {
  for (const r of b) { if (!header) { header = parseNppesHeader(r.fields, 'f'); continue; }
    stageNppesRow(r.line, r.fields, { header, region: null, knownTaxonomies: new Set(), knownNpis: null, errors }, out as any);
  }
  for (const v of out) len += copyLine(v as any).length; out.length = 0;
}
console.log('stage+encode', (performance.now() - t).toFixed(0), 'ms', len, process.memoryUsage().rss / 1e6);
