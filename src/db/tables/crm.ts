// Table types for relationship management (migration 20261127_0200_crm).
import type { ColumnType, Generated } from 'kysely';

type Id = Generated<number>;
/** Columns every editable CRM record has: version (optimistic concurrency), soft delete. */
type Tracked = {
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
};
/** Stored generated tsvector: readable only through SQL, never written. */
type Search = ColumnType<string, never, never>;
type Tags = ColumnType<string[], string[] | undefined, string[]>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CrmTables {
  contacts: Tracked & {
    id: Id;
    organization_id: number | null;
    location_id: number | null;
    first_name: Generated<string>;
    last_name: string;
    role: Generated<string>;
    title: string | null;
    phone: string | null;
    email: string | null;
    preferred_contact: string | null;
    notes: Generated<string>;
    owner_id: number | null;
    external_id: string | null;
    search: Search;
  };
  activities: Tracked & {
    id: Id;
    type: string;
    occurred_at: Timestamp;
    duration_minutes: number | null;
    organization_id: number | null;
    location_id: number | null;
    subject: Generated<string>;
    topics: Tags;
    outcome: string | null;
    notes: Generated<string>;
    owner_id: number | null;
    client_id: string | null;
    external_id: string | null;
    search: Search;
  };
  activity_attendees: {
    id: Id;
    activity_id: number;
    provider_npi: string | null;
    contact_id: number | null;
    /** The activity's time when it counts as a visit (in person, not deleted), else null; kept by triggers. */
    visit_at: Generated<Date | null>;
  };
  physician_issues: Tracked & {
    id: Id;
    provider_npi: string | null;
    organization_id: number | null;
    category: string;
    title: string;
    description: Generated<string>;
    status: Generated<string>;
    opened_on: ColumnType<string, string | undefined, string>;
    resolved_on: string | null;
    resolution: string | null;
    reported_by: string | null;
    owner_id: number | null;
    activity_id: number | null;
    external_id: string | null;
    search: Search;
  };
  tasks: Tracked & {
    id: Id;
    title: string;
    description: Generated<string>;
    owner_id: number | null;
    due_on: string | null;
    status: Generated<string>;
    completed_at: Date | null;
    provider_npi: string | null;
    organization_id: number | null;
    activity_id: number | null;
    issue_id: number | null;
    external_id: string | null;
    search: Search;
  };
  provider_relationships: {
    provider_npi: string;
    tier: string | null;
    visit_frequency: string | null;
    tags: Tags;
    owner_id: number | null;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  spend_entries: Tracked & {
    id: Id;
    provider_npi: string;
    spent_on: string;
    category: string;
    amount_usd: ColumnType<number, number | string, number | string>;
    description: Generated<string>;
    activity_id: number | null;
    external_id: string | null;
  };
  territories: Tracked & {
    id: Id;
    name: string;
    description: Generated<string>;
    zips: Tags;
    counties: Tags;
  };
  territory_assignments: { territory_id: number; user_id: number };
}
