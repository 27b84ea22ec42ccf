import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvBatches } from '../csv/records';
import { NPPES_LAYOUT_330 } from './layout';
import { RangeMismatch, type ScanRange, scanFile } from './scan';
import { splitFile } from './split';
import { stageNppesFile } from './stager';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-scan-'));
let n = 0;
function fileOf(bytes: Buffer | string) {
  const f = path.join(dir, `f${n++}.csv`);
  writeFileSync(f, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  return f;
}

async function scan(bytes: Buffer | string, chunkBytes?: number, range?: ScanRange, file = fileOf(bytes)) {
  const out: { line: number; fields: string[] }[] = [];
  await scanFile(
    file,
    'test.csv',
    {
      record: (line, r) => {
        const fields: string[] = [];
        for (let i = 0; i < r.count; i++) fields.push(r.value(i)!);
        out.push({ line, fields });
      },
    },
    { chunkBytes, range },
  );
  return out;
}

describe('NPPES byte scanner', () => {
  it('splits quoted fields: commas and "" inside quotes, empty fields, CRLF, embedded newlines', async () => {
    const text = '"a,b","say ""hi""",""\r\n"","",""\n"multi\nline","x"\nplain,"q"\n"last","row"';
    const expected = [
      { line: 1, fields: ['a,b', 'say "hi"', ''] },
      { line: 2, fields: ['', '', ''] },
      { line: 3, fields: ['multi\nline', 'x'] },
      { line: 5, fields: ['plain', 'q'] },
      { line: 6, fields: ['last', 'row'] },
    ];
    expect(await scan(text)).toEqual(expected);
    // every chunk size (so every place a record can be cut) gives the same records
    for (let size = 1; size <= text.length; size++) expect(await scan(text, size)).toEqual(expected);
  });

  it('decodes Latin-1 bytes and skips blank lines', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('"GARC'),
      0xcd,
      ...Buffer.from('A","JOS'),
      0xc9,
      ...Buffer.from('"\n\n""\n"1"\n'),
    ]);
    expect(await scan(bytes)).toEqual([
      { line: 1, fields: ['GARCÍA', 'JOSÉ'] },
      { line: 4, fields: ['1'] },
    ]);
  });

  it('keeps text after a closing quote as part of the value (no extra field)', async () => {
    expect(await scan('"a" x,"b"\r\n"c"d\r\n')).toEqual([
      { line: 1, fields: ['a x', 'b'] },
      { line: 2, fields: ['cd'] },
    ]);
  });

  it('refuses an unterminated quote with its line, and binary content', async () => {
    await expect(scan('"a","b"\n"c","d\n')).rejects.toThrow('unterminated quoted field starting on line 2');
    await expect(scan(Buffer.from([0x50, 0x4b, 3, 4, 0]))).rejects.toThrow(
      'test.csv is not a text CSV file (it contains binary data).',
    );
  });

  it('reads well-formed CSV exactly as the general CSV reader does', async () => {
    // deterministic pseudo-random fields with quotes, commas, newlines and Latin-1 letters
    let seed = 7;
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const pieces = ['a', 'Z', '"', ',', '\n', 'é', ' ', '1'];
    const rows: string[] = [];
    for (let r = 0; r < 200; r++) {
      const fields: string[] = [];
      for (let f = 0, w = 1 + rand(6); f < w; f++) {
        let v = '';
        for (let c = 0, l = rand(5); c < l; c++) v += pieces[rand(pieces.length)];
        const mustQuote = /[",\n\r]/.test(v) || rand(2) === 0;
        fields.push(mustQuote ? `"${v.replace(/"/g, '""')}"` : v);
      }
      rows.push(fields.join(','));
    }
    const text = `${rows.join(rand(2) ? '\r\n' : '\n')}\n`;
    const general: { line: number; fields: string[] }[] = [];
    async function* source() {
      yield Buffer.from(text, 'latin1');
    }
    for await (const b of readCsvBatches(source(), { encoding: 'latin1' })) general.push(...b);
    expect(await scan(text, 97)).toEqual(general);
  });
});

describe('splitting a file for two readers', () => {
  it('reads the same records, with the same line numbers, in two halves', async () => {
    // a quoted line feed early on (line numbers after the cut must count it), commas and "" later
    const rows = Array.from({ length: 40 }, (_, i) => (i === 2 ? `"${i}","a\nb"` : `"${i}","c,""d"""`));
    const text = `"h1","h2"\n${rows.join('\n')}\n`;
    const file = fileOf(text);
    const parts = await splitFile(file, 'x.csv', 0);
    if (!parts) throw new Error('expected a split');
    expect(parts.header.fields).toEqual(['h1', 'h2']);
    const halves = [
      ...(await scan('', 13, parts.ranges[0], file)),
      ...(await scan('', 13, parts.ranges[1], file)),
    ];
    expect(parts.ranges[1].line).toBeGreaterThan(5);
    expect(halves).toEqual((await scan(text)).slice(1));
    expect(halves.at(-1)).toEqual({ line: 42, fields: ['39', 'c,"d"'] });
  });

  it('notices a cut that fell inside a quoted field', async () => {
    // the line feed nearest the middle is inside the long quoted value
    const text = `"h"\n"${'x'.repeat(90)}\n${'y'.repeat(10)}"\n"z"\n`;
    const file = fileOf(text);
    const parts = await splitFile(file, 'x.csv', 0);
    if (!parts) throw new Error('expected a split');
    await expect(scan('', undefined, parts.ranges[0], file)).rejects.toBeInstanceOf(RangeMismatch);
  });
});

describe('NPPES stager', () => {
  it('reports a row with the wrong number of columns by line number and imports the rest', async () => {
    const header = NPPES_LAYOUT_330.map((c) => `"${c}"`).join(',');
    const row = (npi: string, last: string) =>
      NPPES_LAYOUT_330.map((c) =>
        c === 'NPI'
          ? `"${npi}"`
          : c === 'Entity Type Code'
            ? '"1"'
            : c === 'Provider Last Name (Legal Name)'
              ? `"${last}"`
              : '""',
      ).join(',');
    const file = fileOf(
      `${header}\n${row('1000000004', 'ONE')}\n"1000000012","1",""\n${row('1000000020', 'O""BRIEN, JR')}\n`,
    );
    const batches: string[] = [];
    const r = await stageNppesFile(
      { file, label: 'npidata.csv', region: null, knownTaxonomies: [], knownNpis: null, batchRows: 1 },
      (b) => {
        batches.push(Buffer.from(b.rows).toString('utf8'));
      },
    );
    expect(r).toMatchObject({ read: 3, rejected: 1, errorCount: 1, layout: 330 });
    expect(r.errors).toEqual([
      { line: 3, field: 'row', reason: 'has 3 columns, expected 330 as in the header' },
    ]);
    const lines = batches.join('').trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['2', '1000000004', '1'],
      ['4', '1000000020', '1'],
    ]);
    expect(lines[1]!.split('\t')[5]).toBe('O"BRIEN, JR'); // last_name
  });
});
