// Shapes the route planner stores (route_plans.settings / stops / pinned / done) and shows.
import type { PlanResult } from '../../core/routing';
import type { VisitType } from './windows';

export type Point = { lat: number; lon: number; label: string };

export type RouteSettings = {
  /** Working day, minutes after midnight (local time of the market). */
  dayStart: number;
  dayEnd: number;
  start: Point;
  end: Point;
  /** True when no start point was given and the centroid of the stops was used. */
  startIsDefault: boolean;
  lunch: { earliest: number; latest: number; durationMin: number } | null;
  timeLimitMs: number;
  seed: number;
};

export type RouteStop = {
  /** `loc-<location id>`. */
  id: string;
  locationId: number;
  organizationId: number | null;
  name: string;
  address: string;
  lat: number;
  lon: number;
  geoPrecision: string | null;
  hours: string | null;
  visitRules: string | null;
  providers: { npi: string; name: string; score: number | null }[];
  priority: number;
  /** Where the priority came from: the target score (sum over the providers seen), tier fallback, or default 1. */
  prioritySource: 'target-score' | 'tier' | 'default';
  why: string[];
  visitType: VisitType;
  durationMin: number;
  /** Fixed appointment (minutes after midnight), e.g. a lunch-and-learn. */
  appointmentAt: number | null;
};

export type Pin = { stopId: string; position: number };
export type DoneVisit = { stopId: string; at: number; activityId: number | null };

export type StoredResult = PlanResult & { travelLabel: string };

export class RouteError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
