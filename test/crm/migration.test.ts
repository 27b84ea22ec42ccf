import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backends } from '../helpers/db';

describe.each(backends)('crm schema on $name', ({ create }) => {
  it('creates the CRM tables with full-text search columns', async () => {
    const d = await create();
    try {
      const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
        where table_name in ('contacts','activities','activity_attendees','tasks','physician_issues',
          'provider_relationships','spend_entries','territories','territory_assignments')`.execute(d.db);
      expect(r.rows[0]!.n).toBe(9);
    } finally {
      await d.close();
    }
  });
});
