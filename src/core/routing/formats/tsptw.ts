// Dumas et al. TSPTW format: n; an n×n travel-time matrix; n lines "a b" (service start windows). Node 0 is
// the depot (its window bounds departure and return).
export interface TsptwInstance {
  n: number;
  matrix: number[][];
  windows: [number, number][];
}

export function parseTsptw(text: string): TsptwInstance {
  const tok = text.trim().split(/\s+/).map(Number);
  const n = tok[0]!;
  if (!Number.isInteger(n) || n < 1) throw new Error('TSPTW: first token must be the node count');
  if (tok.length < 1 + n * n + 2 * n)
    throw new Error(`TSPTW: expected ${1 + n * n + 2 * n} numbers, got ${tok.length}`);
  if (tok.some(Number.isNaN)) throw new Error('TSPTW: non-numeric token');
  const matrix = Array.from({ length: n }, (_, i) => tok.slice(1 + i * n, 1 + (i + 1) * n));
  const off = 1 + n * n;
  const windows = Array.from(
    { length: n },
    (_, i) => [tok[off + 2 * i]!, tok[off + 2 * i + 1]!] as [number, number],
  );
  return { n, matrix, windows };
}
