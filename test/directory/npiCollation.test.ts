// NPIs are compared byte-wise (collation "C") wherever a providers row looks up another table by
// its NPI: a default-collation column compared with the "C" providers.npi is compared in "C", which
// its index cannot serve — every search result's organization became a scan of all memberships
// (p95 1.6 s instead of 32 ms with 270,000 memberships at 900,000 providers; migration 20261129_1100).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { lastVisitOf } from '../../src/db/queries/crm/lastVisit';
import { primaryOrganization } from '../../src/db/queries/directory/searchMatched';
import { backends } from '../helpers/db';

const LOOKED_UP_BY_PROVIDER = [
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

describe.each(backends)('NPI collation on $name', ({ create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives every NPI column a providers row looks up the providers key’s collation', async () => {
    const rows = await sql<{ table_name: string; column_name: string; collation_name: string | null }>`
      select table_name, column_name, collation_name from information_schema.columns
      where table_schema = current_schema() and (table_name, column_name) in (${sql.join(
        [['providers', 'npi'], ...LOOKED_UP_BY_PROVIDER].map(([t, c]) => sql`(${t}, ${c})`),
      )})`.execute(database.db);
    expect(rows.rows).toHaveLength(LOOKED_UP_BY_PROVIDER.length + 1);
    for (const r of rows.rows) expect(`${r.table_name}.${r.column_name} ${r.collation_name}`).toMatch(/ C$/);
  });

  it('finds a search result’s organization and last visit through their indexes', async () => {
    const plan = await database.db.transaction().execute(async (tx) => {
      // tiny tables: forbid sequential scans so the plan shows whether the index can serve the lookup
      await sql`set local enable_seqscan = off`.execute(tx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain select ${primaryOrganization('p')},
        ${lastVisitOf(sql.ref('p.npi'))} as last_visit from providers p`.execute(tx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('memberships_provider_npi_organization_id_key');
    expect(plan).toContain('activity_attendees_visit_idx');
    expect(plan).not.toMatch(/Seq Scan on (memberships|activity_attendees)/);
  });
});
