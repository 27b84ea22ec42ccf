// Table types for the route planner (migration 20261127_0600_routes).
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
export type RoutePlanStatus = 'planned' | 'in_progress' | 'done' | 'archived';
export type TravelSource = 'estimate' | 'osrm' | 'valhalla';

export interface RouteTables {
  route_plans: {
    id: Generated<number>;
    liaison_id: number;
    plan_date: ColumnType<string, string, string>;
    status: Generated<RoutePlanStatus>;
    /** The day: window, start/end point, lunch (RouteSettings). */
    settings: Json<unknown>;
    /** The stops the plan was made from (RouteStop[]). */
    stops: Json<unknown>;
    /** Pins: { stopId, position }[]. */
    pinned: Json<unknown>;
    /** Visits marked done, in order: { stopId, at, activityId }[]. */
    done: Json<unknown>;
    /** The solver's answer (PlanResult). */
    result: Json<unknown>;
    travel_source: TravelSource;
    feasible: boolean;
    solver_ms: number;
    time_limit_ms: number;
    seed: Generated<number>;
    version: Generated<number>;
    created_by: number | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  travel_matrix_cache: {
    key: string;
    engine: 'osrm' | 'valhalla';
    points: number;
    minutes: Json<number[][]>;
    km: Json<number[][]>;
    created_at: Generated<Date>;
  };
}
