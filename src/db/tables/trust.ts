import type { Generated } from 'kysely';

export interface TrustTables {
  oidc_logins: {
    state: string;
    code_verifier: string;
    nonce: string;
    return_to: Generated<string>;
    created_at: Generated<Date>;
    expires_at: Date;
  };
  backup_runs: {
    id: Generated<number>;
    started_at: Generated<Date>;
    finished_at: Date | null;
    status: Generated<'running' | 'succeeded' | 'failed'>;
    trigger: 'schedule' | 'cli' | 'api';
    file_name: string;
    bytes: number | null;
    audit_head: string | null;
    message: string | null;
  };
}
