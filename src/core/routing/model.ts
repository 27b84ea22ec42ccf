// Compiles a Problem into flat typed arrays so the search does no object/Map look-ups in its hot loops.
import type { Break, MatrixLike, Problem } from './types';

// Arrays have an `at` method too, so tell the two shapes apart with Array.isArray.
export function matrixSize(m: MatrixLike): number {
  return isNested(m) ? m.length : m.size;
}

export function matrixAt(m: MatrixLike, i: number, j: number): number {
  return isNested(m) ? m[i]![j]! : m.at(i, j);
}

function isNested(m: MatrixLike): m is readonly (readonly number[])[] {
  return Array.isArray(m);
}

export function toFlat(m: MatrixLike): Float64Array {
  const n = matrixSize(m);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = matrixAt(m, i, j);
  return out;
}

export interface Model {
  nJobs: number;
  nVehicles: number;
  nLoc: number;
  /** Travel time, row-major nLoc × nLoc. */
  T: Float64Array;
  /** Travel cost (distance or time), row-major. */
  C: Float64Array;
  jobLoc: Int32Array;
  svc: Float64Array;
  demand: Float64Array;
  priority: Float64Array;
  /** Objective weight of leaving a job out: dominates any travel cost (lexicographic objective). */
  penalty: Float64Array;
  mandatory: Uint8Array;
  /** Windows of job j under vehicle class c: winA/winB[winOff[c*nJobs+j] .. + winCnt[...]). Sorted, disjoint. */
  winOff: Int32Array;
  winCnt: Int32Array;
  winA: Float64Array;
  winB: Float64Array;
  /** allowed[v*nJobs+j] = vehicle v may serve job j at all (vehicle list and open windows). */
  allowed: Uint8Array;
  vStart: Int32Array;
  vEnd: Int32Array;
  vEarliest: Float64Array;
  vLatest: Float64Array;
  vCap: Float64Array;
  vFixed: Float64Array;
  vClass: Int32Array;
  /** Vehicles with equal attributes share a type; the search opens at most one empty route per type. */
  vType: Int32Array;
  vBreaks: Break[][];
  hasCapacity: boolean;
}

const ALWAYS: [number, number][] = [[-Infinity, Infinity]];

function normalizeWindows(ws: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = ws.filter((w) => w[0] <= w[1]).map((w) => [w[0], w[1]] as [number, number]);
  sorted.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push(w);
  }
  return out;
}

/** `vehicleFixed` is added per used route (used for the fewest-vehicles objective). */
export function compile(problem: Problem, vehicleFixed = 0): Model {
  const { jobs, vehicles } = problem;
  const nJobs = jobs.length;
  const nVehicles = vehicles.length;
  const nLoc = matrixSize(problem.time);
  const T = toFlat(problem.time);
  const useDist = (problem.costBy ?? (problem.distance ? 'distance' : 'time')) === 'distance';
  const C = useDist && problem.distance ? toFlat(problem.distance) : T;

  const classKeys: (string | undefined)[] = [];
  const vClass = new Int32Array(nVehicles);
  vehicles.forEach((v, i) => {
    let c = classKeys.indexOf(v.windowKey);
    if (c < 0) c = classKeys.push(v.windowKey) - 1;
    vClass[i] = c;
  });
  const nClass = classKeys.length;
  const winOff = new Int32Array(nClass * nJobs);
  const winCnt = new Int32Array(nClass * nJobs);
  const a: number[] = [];
  const b: number[] = [];
  for (let c = 0; c < nClass; c++) {
    const key = classKeys[c];
    jobs.forEach((job, j) => {
      const raw =
        job.windowsByKey !== undefined
          ? key !== undefined
            ? (job.windowsByKey[key] ?? [])
            : (job.windows ?? [])
          : (job.windows ?? ALWAYS);
      const ws = normalizeWindows(raw);
      winOff[c * nJobs + j] = a.length;
      winCnt[c * nJobs + j] = ws.length;
      for (const w of ws) {
        a.push(w[0]);
        b.push(w[1]);
      }
    });
  }

  let maxC = 0;
  // Unreachable pairs (Infinity) never get chosen; they must not inflate the penalty scale.
  for (let i = 0; i < C.length; i++) if (C[i]! > maxC && C[i]! < Infinity) maxC = C[i]!;
  // Any solution's travel + fixed cost is below this, so one unit of priority outweighs all travel.
  const big = (maxC + 1) * (nJobs + 2 * nVehicles + 1) + vehicleFixed * (nVehicles + 1) + 1;
  const priority = new Float64Array(nJobs);
  const penalty = new Float64Array(nJobs);
  const mandatory = new Uint8Array(nJobs);
  let totalPrio = 0;
  jobs.forEach((job, j) => {
    priority[j] = Math.max(0, job.priority ?? 1);
    totalPrio += priority[j]!;
  });
  jobs.forEach((job, j) => {
    mandatory[j] = job.mandatory ? 1 : 0;
    penalty[j] = big * (job.mandatory ? totalPrio + 1 : priority[j]! + 1e-6);
  });

  const allowed = new Uint8Array(nVehicles * nJobs);
  vehicles.forEach((v, vi) => {
    jobs.forEach((job, j) => {
      const okVehicle = !job.vehicles || job.vehicles.includes(v.id);
      const okCap = (job.demand ?? 0) <= (v.capacity ?? Infinity);
      allowed[vi * nJobs + j] = okVehicle && okCap && winCnt[vClass[vi]! * nJobs + j]! > 0 ? 1 : 0;
    });
  });

  const typeKeys: string[] = [];
  const vType = new Int32Array(nVehicles);
  vehicles.forEach((v, i) => {
    const restricted = jobs.some((job) => job.vehicles?.includes(v.id));
    const key = restricted
      ? `#${i}`
      : JSON.stringify([
          v.start,
          v.end ?? v.start,
          v.earliest,
          v.latest,
          v.capacity,
          v.breaks,
          vClass[i],
          v.fixedCost,
        ]);
    let t = typeKeys.indexOf(key);
    if (t < 0) t = typeKeys.push(key) - 1;
    vType[i] = t;
  });

  return {
    nJobs,
    nVehicles,
    nLoc,
    T,
    C,
    jobLoc: Int32Array.from(jobs, (j) => j.location),
    svc: Float64Array.from(jobs, (j) => j.service),
    demand: Float64Array.from(jobs, (j) => j.demand ?? 0),
    priority,
    penalty,
    mandatory,
    winOff,
    winCnt,
    winA: Float64Array.from(a),
    winB: Float64Array.from(b),
    allowed,
    vStart: Int32Array.from(vehicles, (v) => v.start),
    vEnd: Int32Array.from(vehicles, (v) => v.end ?? v.start),
    vEarliest: Float64Array.from(vehicles, (v) => v.earliest),
    vLatest: Float64Array.from(vehicles, (v) => v.latest),
    vCap: Float64Array.from(vehicles, (v) => v.capacity ?? Infinity),
    vFixed: Float64Array.from(vehicles, (v) => (v.fixedCost ?? 0) + vehicleFixed),
    vClass,
    vType,
    vBreaks: vehicles.map((v) => v.breaks ?? []),
    hasCapacity: vehicles.some((v) => v.capacity !== undefined),
  };
}

/** Earliest service start ≥ t for job j under class c, or Infinity if every window has closed. */
export function earliestStart(m: Model, c: number, j: number, t: number): number {
  const k = c * m.nJobs + j;
  const off = m.winOff[k]!;
  const end = off + m.winCnt[k]!;
  for (let w = off; w < end; w++) {
    if (t <= m.winB[w]!) return Math.max(t, m.winA[w]!);
  }
  return Infinity;
}

/** Latest service start ≤ t for job j under class c, or -Infinity if no window opens by then. */
export function latestStart(m: Model, c: number, j: number, t: number): number {
  const k = c * m.nJobs + j;
  const off = m.winOff[k]!;
  for (let w = off + m.winCnt[k]! - 1; w >= off; w--) {
    if (t >= m.winA[w]!) return Math.min(t, m.winB[w]!);
  }
  return -Infinity;
}
