// Liaison-facing planning types: minutes of day, weekdays, lat/lon. plan.ts maps them onto the solver model.
import type { AreaType, LatLon, TravelMatrices, TravelModel } from '../travel/geo';
import type { UnassignedReason } from '../types';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface PlanStop {
  id: string;
  location: LatLon & { area?: AreaType };
  durationMin: number;
  /** Higher = more important (default 1). When the day is too short, the plan keeps the most priority. */
  priority?: number;
  /** Visiting hours in minutes of day per weekday. Omitted = open all day, every day; a missing day = closed. */
  hours?: Partial<Record<Weekday, [number, number][]>>;
  /** Fixed appointment starting exactly at `at` (minutes of day), on `day` or on any planned day. */
  appointment?: { day?: Weekday; at: number };
  /** Must be visited (appointments are mandatory by default). */
  mandatory?: boolean;
  /** Team planning: only this liaison may visit. */
  liaison?: string;
}

export interface WorkDay {
  day: Weekday;
  /** Free label (e.g. ISO date), echoed in the plan. */
  date?: string;
  /** Earliest departure and latest return, minutes of day. */
  start: number;
  end: number;
  startAt: LatLon;
  /** Defaults to `startAt`. */
  endAt?: LatLon;
  /** Lunch: may start anywhere in [earliest, latest] and lasts durationMin. */
  lunch?: { earliest: number; latest: number; durationMin: number };
}

export interface PlanOptions {
  /** Travel-time estimate parameters, or a function returning matrices for the given points (e.g. from OSRM). */
  travel?: TravelModel | ((points: readonly LatLon[]) => TravelMatrices);
  seed?: number;
  timeLimitMs?: number;
}

export interface Visit {
  stopId: string;
  arrival: number;
  start: number;
  end: number;
  wait: number;
}

export interface DayPlan {
  day: Weekday;
  date?: string;
  liaison?: string;
  departure: number;
  returnAt: number;
  visits: Visit[];
  lunch?: { start: number; end: number };
  travelMinutes: number;
  km: number;
}

export interface PlanResult {
  days: DayPlan[];
  unassigned: { stopId: string; reason: UnassignedReason }[];
  /** Sum of priorities of the visited stops. */
  priority: number;
  travelMinutes: number;
  /** Independent feasibility check of the underlying solution. */
  feasible: boolean;
}
