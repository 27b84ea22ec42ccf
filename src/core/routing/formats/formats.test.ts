import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matrixAt } from '../model';
import { parseSolomon, solomonDistance } from './solomon';
import { att, euc2d, geo, parseTsplib } from './tsplib';
import { parseTsptw } from './tsptw';

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/routing');
const read = (f: string) => readFileSync(path.join(data, f), 'utf8');

function tourLength(file: string, tour: number[]): number {
  const inst = parseTsplib(read(file));
  const idx = tour.map((id) => inst.ids.indexOf(id));
  let len = 0;
  for (let k = 0; k < idx.length; k++) len += matrixAt(inst.matrix, idx[k]!, idx[(k + 1) % idx.length]!);
  return len;
}

describe('TSPLIB', () => {
  it('GEO: the published optimal tour of ulysses22 has length 7013', () => {
    const opt = [1, 14, 13, 12, 7, 6, 15, 5, 11, 9, 10, 19, 20, 21, 16, 3, 2, 17, 22, 4, 18, 8];
    expect(tourLength('tsplib/ulysses22.tsp', opt)).toBe(7013);
  });

  it('ATT: the published optimal tour of att48 has length 10628', () => {
    const opt = [
      1, 8, 38, 31, 44, 18, 7, 28, 6, 37, 19, 27, 17, 43, 30, 36, 46, 33, 20, 47, 21, 32, 39, 48, 5, 42, 24,
      10, 45, 35, 4, 26, 2, 29, 34, 41, 16, 22, 3, 23, 14, 25, 13, 11, 12, 15, 40, 9,
    ];
    expect(tourLength('tsplib/att48.tsp', opt)).toBe(10628);
  });

  it('distance functions round as TSPLIB95 specifies', () => {
    expect(euc2d([0, 0], [3, 4])).toBe(5);
    expect(euc2d([0, 0], [1, 1])).toBe(1); // 1.414 → 1
    expect(euc2d([0, 0], [1.5, 0])).toBe(2); // nint(1.5) = 2
    expect(att([0, 0], [10, 0])).toBe(4); // sqrt(10) = 3.16 → 3 < 3.16 → 4
    expect(att([0, 0], [0, 0])).toBe(0);
    // GEO truncates degrees: 0.30 is 0°30' = 0.5°; one degree of the 6378.388 km sphere ≈ 111.3 km.
    expect(geo([0, 0], [1, 0])).toBe(112); // trunc(111.32 + 1)
    expect(geo([0, 0], [0.3, 0])).toBe(56);
  });

  it('parses header variants and explicit matrices', () => {
    const t = parseTsplib(
      'NAME: t\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: UPPER_ROW\nEDGE_WEIGHT_SECTION\n 1 2\n 3\nEOF\n',
    );
    expect(matrixAt(t.matrix, 0, 2)).toBe(2);
    expect(matrixAt(t.matrix, 2, 1)).toBe(3);
    const a = parseTsplib(read('tsplib/a280.tsp'));
    expect(a.dimension).toBe(280);
    expect(a.ids[279]).toBe(280);
  });
});

describe('Solomon', () => {
  it('reads vehicles, capacity, the depot and 100 customers', () => {
    const s = parseSolomon(read('solomon/C101.txt'));
    expect(s.name).toBe('C101');
    expect(s.vehicles).toBe(25);
    expect(s.capacity).toBe(200);
    expect(s.customers).toHaveLength(101);
    expect(s.customers[0]).toMatchObject({ id: 0, x: 40, y: 50, demand: 0, ready: 0, due: 1236 });
    expect(s.customers[100]).toMatchObject({
      id: 100,
      x: 55,
      y: 85,
      demand: 20,
      ready: 647,
      due: 726,
      service: 90,
    });
    expect(solomonDistance(s.customers[0]!, s.customers[100]!)).toBeCloseTo(Math.hypot(15, 35), 12);
  });
});

describe('TSPTW (Dumas)', () => {
  it('reads n, the matrix and the windows', () => {
    const t = parseTsptw(read('tsptw/n20w60.001.txt'));
    expect(t.n).toBe(21);
    expect(t.matrix[0]!.slice(0, 4)).toEqual([0, 15, 8, 31]);
    expect(t.windows[0]).toEqual([0, 436]);
    expect(t.windows[20]).toEqual([245, 331]);
  });

  it('rejects truncated files', () => {
    expect(() => parseTsptw('3\n0 1 2\n1 0 1\n')).toThrow(/expected/);
  });
});
