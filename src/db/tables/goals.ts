// Table types for goals, stored reports and calendar-feed tokens (migration 20261127_0700_goals).
import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;

export interface GoalTables {
  goals: {
    id: Generated<number>;
    scope: 'liaison' | 'team' | 'campaign';
    owner_id: number;
    campaign_id: number | null;
    metric: string;
    service_line: string | null;
    period_start: DateCol;
    period_end: DateCol;
    target: number;
    within_days: number | null;
    note: Generated<string>;
    natural_key: string;
    version: Generated<number>;
    created_by: number | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  scheduled_reports: {
    id: Generated<number>;
    kind: 'liaison_monthly' | 'team_monthly';
    month: string;
    user_id: number | null;
    format: 'pdf' | 'xlsx';
    file_name: string;
    bytes: Buffer;
    size: number;
    sha256: string;
    data_date: string | null;
    trigger: Generated<string>;
    created_by: number | null;
    created_at: Generated<Date>;
  };
  calendar_tokens: {
    user_id: number;
    token_sha256: string;
    created_at: Generated<Date>;
  };
}
