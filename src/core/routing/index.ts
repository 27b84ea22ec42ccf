// Public surface of the route solver.

export { type CheckResult, checkSolution, type Violation, type ViolationKind } from './feasibility';
export { parseSolomon, type SolomonInstance, solomonDistance } from './formats/solomon';
export { att, euc2d, geo, parseTsplib, type TsplibInstance } from './formats/tsplib';
export { parseTsptw, type TsptwInstance } from './formats/tsptw';
export { PinError, type PinnedInput, reoptimizeWithPositions } from './plan/pinned';
export { planDay, planTeam, planWeek } from './plan/plan';
export { type ReoptimizeInput, reoptimizeWithPins } from './plan/reoptimize';
export type * from './plan/types';
export { solve } from './solve';
export {
  type BenchmarkFormat,
  type BenchmarkOptions,
  type BenchmarkResult,
  buildProblem,
  solveInstance,
} from './solveBenchmark';
export {
  type AreaType,
  DEFAULT_SPEEDS,
  estimateMatrices,
  greatCircleKm,
  type LatLon,
  type TravelMatrices,
  type TravelModel,
} from './travel/geo';
export { parseOsrmTable, parseValhallaMatrix } from './travel/providers';
export * from './types';
