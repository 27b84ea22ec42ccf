// Table types for in-app notifications (migration 20261129_2200_notifications).
import type { Generated } from 'kysely';

export interface NotificationTables {
  notifications: {
    id: Generated<number>;
    user_id: number;
    actor_id: number | null;
    kind: string;
    title: string;
    detail: Generated<string>;
    link: Generated<string>;
    entity: string | null;
    entity_id: string | null;
    created_at: Generated<Date>;
    read_at: Date | null;
    /** migration 20261129_2300: e-mailed (or no longer to be), attempts and the last send error */
    emailed_at: Date | null;
    email_attempts: Generated<number>;
    email_error: string | null;
  };
  /** migration 20261129_2340: who watches which physician */
  provider_watches: {
    user_id: number;
    npi: string;
    created_at: Generated<Date>;
  };
}
