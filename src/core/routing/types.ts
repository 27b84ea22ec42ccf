// Public model of the route solver. One shape covers a liaison's day (one vehicle), a week (one vehicle per
// day, windows keyed by weekday), a team (several vehicles), TSP, TSPTW and VRPTW benchmarks.
// Times and durations are plain numbers in one unit (minutes for the product, instance units for benchmarks).

/** A closed interval [open, close] during which a service may START. */
export type Window = readonly [number, number];

/** Square matrix of travel values between locations: nested arrays or a lazy accessor. */
export type MatrixLike =
  | readonly (readonly number[])[]
  | { readonly size: number; at(from: number, to: number): number };

export interface Break {
  id: string;
  /** Windows in which the break may start. */
  windows: Window[];
  duration: number;
}

export interface Vehicle {
  id: string;
  /** Location index where the route starts. */
  start: number;
  /** Location index where the route ends (defaults to `start`). */
  end?: number;
  /** Earliest departure from `start`. */
  earliest: number;
  /** Latest arrival at `end`. */
  latest: number;
  capacity?: number;
  breaks?: Break[];
  /** Selects `Job.windowsByKey[windowKey]` (e.g. a weekday); jobs without that key are closed for this vehicle. */
  windowKey?: string;
  /** Cost of using this vehicle at all (added to the travel cost when the route is not empty). */
  fixedCost?: number;
}

export interface Job {
  id: string;
  location: number;
  /** Service (visit) duration. */
  service: number;
  /** Windows valid for every vehicle; omitted = always open. A fixed appointment is a single [t, t] window. */
  windows?: Window[];
  /** Windows per `Vehicle.windowKey`; when given, they take precedence over `windows`. */
  windowsByKey?: Record<string, Window[]>;
  /** Higher = more important. Default 1. */
  priority?: number;
  demand?: number;
  /** Must be served; the solver treats it as infinitely important and the checker reports it if missing. */
  mandatory?: boolean;
  /** Restrict to these vehicle ids (pinning a stop to a liaison or a day). */
  vehicles?: string[];
}

export interface Problem {
  /** Travel time between locations. */
  time: MatrixLike;
  /** Travel distance; defaults to `time`. */
  distance?: MatrixLike;
  jobs: Job[];
  vehicles: Vehicle[];
  /** What "travel" means in the objective (default 'distance' when a distance matrix is given, else 'time'). */
  costBy?: 'distance' | 'time';
}

export interface StopTiming {
  job: string;
  arrival: number;
  /** Service start. */
  start: number;
  departure: number;
  wait: number;
}

export interface BreakTiming {
  id: string;
  start: number;
  end: number;
}

export interface RoutePlan {
  vehicle: string;
  stops: StopTiming[];
  breaks?: BreakTiming[];
  departure?: number;
  arrival?: number;
  /** Travel cost of this route (distance or time, per `Problem.costBy`). */
  cost?: number;
  /** Arrival at the end minus departure. */
  duration?: number;
}

export type UnassignedReason = 'closed' | 'no-time' | 'low-priority';

export interface Solution {
  routes: RoutePlan[];
  unassigned: { job: string; reason: UnassignedReason }[];
  /** Travel cost (sum over routes of `costBy` + fixed vehicle costs), the second key of the objective. */
  cost: number;
  /** Sum of priorities of served jobs, the first key of the objective. */
  priority?: number;
}

export interface SolveOptions {
  seed?: number;
  /** Anytime cut-off; the best solution found so far is returned. */
  timeLimitMs?: number;
  /** Deterministic work cap (ruin-and-recreate iterations). The schedule of the search depends only on this. */
  iterations?: number;
  /** 'vehicles': fewest routes first, then cost. */
  objective?: 'cost' | 'vehicles';
}
