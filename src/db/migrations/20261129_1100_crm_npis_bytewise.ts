// The NPIs of the CRM and membership tables compared byte-wise (collation "C"), like the directory's
// since 20261128_0200. A comparison of a "C" column with a default-collation one is done in "C",
// which the default-collation index of the other side cannot serve: every search result's
// organization (memberships by provider_npi) and every last-visit probe (activity_attendees by
// provider_npi) became a sequential scan of that table per provider row — 22 ms a row with 270,000
// memberships, a 1.2 s page of 50 providers. The referral tables keep the default collation: their
// queries look them up by a given NPI, not by a providers row.
import { type Kysely, sql } from 'kysely';

const COLUMNS: [table: string, column: string][] = [
  ['memberships', 'provider_npi'],
  ['provider_relationships', 'provider_npi'],
  ['activity_attendees', 'provider_npi'],
  ['physician_issues', 'provider_npi'],
  ['tasks', 'provider_npi'],
  ['spend_entries', 'provider_npi'],
  ['target_list_members', 'npi'],
  ['provider_influence', 'npi'],
  ['provider_changes', 'npi'],
];

async function collate(db: Kysely<unknown>, collation: 'C' | 'default') {
  for (const [table, column] of COLUMNS)
    await sql.raw(`alter table ${table} alter column ${column} type text collate "${collation}"`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await collate(db, 'C');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await collate(db, 'default');
}
