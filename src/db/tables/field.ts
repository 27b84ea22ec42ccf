// Table types for the field app (migration 20261127_0800_field).
import type { ColumnType, Generated } from 'kysely';

export type SyncStatus = 'applied' | 'conflict' | 'rejected';

export interface FieldTables {
  /** One row per (user, client idempotency key): the stored answer a replay gets. */
  idempotency_keys: {
    key: string;
    user_id: number;
    kind: string;
    status: SyncStatus;
    result: ColumnType<unknown, string, string>;
    created_at: Generated<Date>;
  };
  /** A check-in at a stop: the device point once, and its distance to the office (no tracking in between). */
  checkins: {
    id: Generated<number>;
    user_id: number;
    client_key: string;
    location_id: number | null;
    route_plan_id: number | null;
    stop_id: string | null;
    activity_id: number | null;
    lat: number;
    lon: number;
    accuracy_m: number | null;
    distance_m: number | null;
    checked_in_at: ColumnType<Date, Date | string, Date | string>;
    created_at: Generated<Date>;
  };
}
