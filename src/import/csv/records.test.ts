import { describe, expect, it } from 'vitest';
import { readCsvBatches } from './records';

async function read(chunks: (string | Buffer)[], encoding: 'utf8' | 'latin1' = 'utf8') {
  const out: { line: number; fields: string[] }[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const b of readCsvBatches(source(), { encoding })) out.push(...b);
  return out;
}

describe('CSV records', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF and chunk boundaries', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",3\r\n"multi\nline",,""\r\nlast,row,end';
    const whole = await read([text]);
    expect(whole).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', '3'] },
      { line: 3, fields: ['multi\nline', '', ''] },
      { line: 5, fields: ['last', 'row', 'end'] },
    ]);
    // every split point gives the same records
    for (let i = 1; i < text.length; i++)
      expect(await read([text.slice(0, i), text.slice(i)])).toEqual(whole);
  });
  it('decodes Latin-1 bytes and refuses binary', async () => {
    expect(
      await read([Buffer.from([0x22, 0x47, 0x41, 0x52, 0x43, 0xcd, 0x41, 0x22, 0x0a])], 'latin1'),
    ).toEqual([{ line: 1, fields: ['GARCÍA'] }]);
    await expect(read([Buffer.from([0x50, 0x4b, 3, 4, 0])])).rejects.toThrow('binary data');
  });
});
