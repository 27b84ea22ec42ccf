// Memberships for a bench directory: an NPPES file names no group practices (CMS's clinicians file
// does, rounds import cms-clinicians), but every real install has about one per provider, and each
// search result reads its provider's first organization from them. SYNTHETIC: 30 % of providers,
// each in one organization; 3 % of organizations made "ours" and 10 % competitors.
import { sql } from 'kysely';
import type { Database } from '../../src/db/connection';

/** 30 % of providers in organizations of which 3 % are ours and 10 % competitors. */
export async function seedMemberships(database: Database) {
  const db = database.db;
  await sql`update organizations set network_status = case when id % 33 = 0 then 'ours'
    when id % 10 = 1 then 'competitor' else network_status end`.execute(db);
  await sql`insert into memberships (provider_npi, organization_id, role, source)
    select p.npi, o.id, 'primary', 'manual'
    from (select npi, row_number() over (order by md5(npi || 'm'))::int as n from providers) p
    join (select id, row_number() over (order by id)::int - 1 as k from organizations) o
      on o.k = p.n % (select count(*)::int from organizations)
    where p.n % 10 < 3
    on conflict do nothing`.execute(db);
  await sql`analyze`.execute(db);
}
