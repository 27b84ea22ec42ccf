// TSPLIB95 parser (pure: string in, object out) with the official integer distance functions.
import type { MatrixLike } from '../types';

export interface TsplibInstance {
  name: string;
  dimension: number;
  edgeWeightType: string;
  /** Node ids as written in the file (NODE_COORD_SECTION), or 1..n for explicit matrices. */
  ids: number[];
  coords?: [number, number][];
  matrix: MatrixLike;
}

const nint = (x: number) => Math.floor(x + 0.5);

/** EUC_2D: Euclidean distance rounded to the nearest integer. */
export function euc2d(a: readonly number[], b: readonly number[]): number {
  return nint(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!));
}

/** ATT pseudo-Euclidean distance (att48, att532). */
export function att(a: readonly number[], b: readonly number[]): number {
  const dx = a[0]! - b[0]!;
  const dy = a[1]! - b[1]!;
  const r = Math.sqrt((dx * dx + dy * dy) / 10);
  const t = nint(r);
  return t < r ? t + 1 : t;
}

/** GEO: coordinates are DDD.MM (degrees.minutes); degrees truncated; idealised sphere of radius 6378.388 km. */
export function geo(a: readonly number[], b: readonly number[]): number {
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: TSPLIB95 defines PI as exactly 3.141592
  const PI = 3.141592;
  const rad = (x: number) => {
    const deg = Math.trunc(x);
    return (PI * (deg + (5.0 * (x - deg)) / 3.0)) / 180.0;
  };
  const [lat1, lon1, lat2, lon2] = [rad(a[0]!), rad(a[1]!), rad(b[0]!), rad(b[1]!)];
  const q1 = Math.cos(lon1 - lon2);
  const q2 = Math.cos(lat1 - lat2);
  const q3 = Math.cos(lat1 + lat2);
  return Math.trunc(6378.388 * Math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
}

const METRICS: Record<string, (a: readonly number[], b: readonly number[]) => number> = {
  EUC_2D: euc2d,
  ATT: att,
  GEO: geo,
  CEIL_2D: (a, b) => Math.ceil(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)),
  MAN_2D: (a, b) => nint(Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!)),
  MAX_2D: (a, b) => Math.max(nint(Math.abs(a[0]! - b[0]!)), nint(Math.abs(a[1]! - b[1]!))),
};

function explicitMatrix(format: string, n: number, w: number[]): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let k = 0;
  const put = (i: number, j: number) => {
    const v = w[k++];
    if (v === undefined) throw new Error('TSPLIB: EDGE_WEIGHT_SECTION is too short');
    m[i]![j] = v;
    m[j]![i] = v;
  };
  for (let i = 0; i < n; i++) {
    if (format === 'FULL_MATRIX') for (let j = 0; j < n; j++) m[i]![j] = w[k++] ?? Number.NaN;
    else if (format === 'UPPER_ROW') for (let j = i + 1; j < n; j++) put(i, j);
    else if (format === 'UPPER_DIAG_ROW') for (let j = i; j < n; j++) put(i, j);
    else if (format === 'LOWER_ROW') for (let j = 0; j < i; j++) put(i, j);
    else if (format === 'LOWER_DIAG_ROW') for (let j = 0; j <= i; j++) put(i, j);
    else throw new Error(`TSPLIB: unsupported EDGE_WEIGHT_FORMAT ${format}`);
  }
  return m;
}

export function parseTsplib(text: string): TsplibInstance {
  const header: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  let i = 0;
  const coords: [number, number][] = [];
  const ids: number[] = [];
  const weights: number[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (line === 'EOF') break;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header[kv[1]!] = kv[2]!.trim();
      continue;
    }
    const section = line.replace(/\s*:?\s*$/, '');
    if (section === 'NODE_COORD_SECTION') {
      const n = Number(header.DIMENSION);
      for (i++; i < lines.length && coords.length < n; i++) {
        const t = lines[i]!.trim().split(/\s+/).map(Number);
        if (t.length < 3 || t.some(Number.isNaN)) break;
        ids.push(t[0]!);
        coords.push([t[1]!, t[2]!]);
      }
      i--;
    } else if (section === 'EDGE_WEIGHT_SECTION') {
      for (i++; i < lines.length && /^[\s\d.eE+-]+$/.test(lines[i]!) && lines[i]!.trim() !== ''; i++) {
        for (const tok of lines[i]!.trim().split(/\s+/)) weights.push(Number(tok));
      }
      i--;
    } else if (section === 'DISPLAY_DATA_SECTION' || section === 'TOUR_SECTION') {
      for (i++; i < lines.length && /^[\s\d.eE+-]+$/.test(lines[i]!); i++);
      i--;
    }
  }
  const n = Number(header.DIMENSION);
  if (!Number.isInteger(n) || n <= 0) throw new Error('TSPLIB: missing DIMENSION');
  const type = header.EDGE_WEIGHT_TYPE ?? '';
  if (type === 'EXPLICIT') {
    const m = explicitMatrix(header.EDGE_WEIGHT_FORMAT ?? 'FULL_MATRIX', n, weights);
    return {
      name: header.NAME ?? '',
      dimension: n,
      edgeWeightType: type,
      ids: Array.from({ length: n }, (_, k) => k + 1),
      matrix: m,
    };
  }
  const metric = METRICS[type];
  if (!metric) throw new Error(`TSPLIB: unsupported EDGE_WEIGHT_TYPE ${type}`);
  if (coords.length !== n) throw new Error(`TSPLIB: expected ${n} coordinates, got ${coords.length}`);
  return {
    name: header.NAME ?? '',
    dimension: n,
    edgeWeightType: type,
    ids,
    coords,
    matrix: { size: n, at: (a, b) => metric(coords[a]!, coords[b]!) },
  };
}
