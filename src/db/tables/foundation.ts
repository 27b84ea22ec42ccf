import type { ColumnType, Generated } from 'kysely';

export type Role = 'admin' | 'manager' | 'liaison' | 'analyst';
export const ROLES: readonly Role[] = ['admin', 'manager', 'liaison', 'analyst'];
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;

export interface FoundationTables {
  users: {
    id: Id;
    email: string;
    name: string;
    role: Role;
    password_hash: string | null;
    disabled: Generated<boolean>;
    must_change_password: Generated<boolean>;
    manager_id: number | null;
    failed_logins: Generated<number>;
    locked_until: Date | null;
    oidc_subject: string | null;
    /** Where the liaison's days start and end (migration 20261129_1300): { place, lat, lon, label } as JSON. */
    home_base: ColumnType<unknown | null, string | null, string | null>;
    /** Notifications by e-mail (migration 20261129_2300): immediately, a daily digest, or never. */
    email_notifications: Generated<'immediate' | 'daily' | 'off'>;
    last_digest_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  sessions: {
    id: string;
    user_id: number;
    csrf_token: string;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Timestamp;
    ip: string | null;
    user_agent: string | null;
  };
  api_tokens: {
    id: Id;
    name: string;
    role: Role;
    token_hash: string;
    prefix: string;
    created_by: number | null;
    created_at: Generated<Date>;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  audit_log: {
    id: Id;
    at: Generated<Date>;
    actor_user_id: number | null;
    actor_label: string;
    action: string;
    entity: string | null;
    entity_id: string | null;
    ip: string | null;
    detail: unknown;
    /** Chain position, prev_hash and hash: null until the sealer links the row (src/db/audit.ts). */
    seq: number | null;
    prev_hash: string | null;
    hash: string | null;
  };
  import_jobs: {
    id: Id;
    kind: string;
    file_name: string;
    status: Generated<'running' | 'succeeded' | 'failed'>;
    started_at: Generated<Date>;
    finished_at: Date | null;
    started_by: string | null;
    rows_read: Generated<number>;
    rows_inserted: Generated<number>;
    rows_updated: Generated<number>;
    rows_unchanged: Generated<number>;
    rows_deactivated: Generated<number>;
    rows_rejected: Generated<number>;
    errors: Generated<unknown>;
    message: string | null;
    data_date: string | null;
  };
  settings: { key: string; value: unknown; updated_at: Generated<Date> };
}
