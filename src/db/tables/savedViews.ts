// Table types for saved views (migration 20261129_1000_saved_views).
import type { Generated } from 'kysely';

export interface SavedViewTables {
  saved_views: {
    id: Generated<number>;
    user_id: number;
    page: string;
    name: string;
    query: Generated<string>;
    shared: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
