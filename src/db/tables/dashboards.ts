// Table types for stored dashboard views (migration 20261127_0710_dashboard_views).
import type { ColumnType, JSONColumnType } from 'kysely';

export interface DashboardTables {
  dashboard_views: {
    /** e.g. 'market' or 'return-on-visit' */
    name: string;
    /** the parameters the body was computed for, e.g. a service line ('' = all) or a window */
    variant: string;
    inputs: string;
    body: JSONColumnType<object, string, string>;
    computed_at: ColumnType<Date, Date | undefined, Date>;
    compute_ms: number;
  };
}
