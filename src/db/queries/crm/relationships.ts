// Relationship fields per provider joined with the directory, the last in-person visit and the
// overdue status. Scopes: a book of business (owners), a liaison's territories, or everything.
import { type Expression, type Kysely, sql } from 'kysely';
import { FREQUENCY_DAYS, type VisitFrequency, visitStatus } from '../../../core/crm/visitCadence';
import { casedComposedName } from '../../../core/directory/personName';
import { PREPARED } from '../../connection';
import type { DB } from '../../schema';
import { personNameSql } from '../personNameSql';
import { lastVisitOf } from './lastVisit';

// The interval per frequency, generated from the one definition in core so SQL and UI agree.
const intervalDays = sql.raw(
  `case r.visit_frequency ${Object.entries(FREQUENCY_DAYS)
    .map(([k, d]) => `when '${k}' then ${d}`)
    .join(' ')} end`,
);
const lastVisit = lastVisitOf(sql.ref('p.npi'));

/**
 * Whether the relationship row `r` (alias r) is overdue on `today`: it has a visit frequency and
 * the provider (`npi`) was never visited in person or not within that many days.
 */
export const overdueSql = (npi: Expression<string>, today: string) =>
  sql<boolean>`r.visit_frequency is not null
    and coalesce(${lastVisitOf(npi)}::date + ${intervalDays}, date '1900-01-01') < ${today}::date`;

export type RelationshipFilter = {
  ownerIds?: number[] | null;
  territoryUserId?: number;
  territoryId?: number;
  tier?: string[];
  tag?: string;
  /** Name words or an NPI (uses the directory's trigram-indexed search_name). */
  q?: string;
  overdue?: boolean;
  /** only these providers (a page of search results), every one listed (limit: their number) */
  npis?: string[];
  limit?: number;
  offset?: number;
  today?: string;
};

function base(db: Kysely<DB>) {
  return db
    .selectFrom('providers as p')
    .leftJoin('provider_relationships as r', 'r.provider_npi', 'p.npi')
    .leftJoin('users as u', 'u.id', 'r.owner_id')
    .select([
      'p.npi',
      sql<string>`coalesce(${personNameSql('p')}, '')`.as('name'),
      'p.primary_service_line',
      'p.practice_city',
      'p.practice_zip5',
      'p.county_fips',
      'r.tier',
      'r.visit_frequency',
      sql<string[]>`coalesce(r.tags, '{}')`.as('tags'),
      'r.owner_id',
      'u.name as owner_name',
      sql<number>`coalesce(r.version, 0)`.as('version'),
      sql<Date | null>`${lastVisit}`.as('last_visit'),
    ]);
}

type RelationshipRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export async function listRelationships(db: Kysely<DB>, f: RelationshipFilter) {
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  let q = base(db);
  if (f.ownerIds) q = q.where('r.owner_id', 'in', f.ownerIds.length ? f.ownerIds : [-1]);
  if (f.territoryUserId !== undefined || f.territoryId !== undefined)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('territories as tr')
          .select(sql.lit(1).as('one'))
          .where('tr.deleted_at', 'is', null)
          .where(sql<boolean>`(p.practice_zip5 = any(tr.zips) or p.county_fips = any(tr.counties))`)
          .$if(f.territoryId !== undefined, (s) => s.where('tr.id', '=', f.territoryId!))
          .$if(f.territoryUserId !== undefined, (s) =>
            s.where('tr.id', 'in', (eb) =>
              eb
                .selectFrom('territory_assignments')
                .select('territory_id')
                .where('user_id', '=', f.territoryUserId!),
            ),
          ),
      ),
    );
  if (f.q?.trim()) {
    const term = f.q.trim().toLowerCase();
    if (/^\d{10}$/.test(term)) q = q.where('p.npi', '=', term);
    else
      for (const word of term.split(/\s+/).slice(0, 5))
        q = q.where(sql<boolean>`p.search_name like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  if (f.npis) q = q.where('p.npi', 'in', f.npis.length ? f.npis : ['']);
  if (f.tier?.length) q = q.where('r.tier', 'in', f.tier);
  if (f.tag) q = q.where(sql<boolean>`r.tags @> array[${f.tag}]::text[]`);
  if (f.overdue) q = q.where(overdueSql(sql.ref('p.npi'), today));
  const rows = await q
    .orderBy(sql`r.tier asc nulls last`)
    .orderBy('p.last_name')
    .orderBy('p.npi')
    .limit(f.npis ? f.npis.length || 1 : (f.limit ?? 100))
    .offset(f.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    ...r,
    name: casedComposedName(r.name),
    visit: visitStatus(r.visit_frequency as VisitFrequency | null, r.last_visit, today),
  }));
}

export async function getRelationship(
  db: Kysely<DB>,
  npi: string,
  today = new Date().toISOString().slice(0, 10),
) {
  // A hot read (every relationship view that is not cached): planned once per connection.
  const r = (
    await sql<RelationshipRow>`${sql.raw(PREPARED)} ${base(db).where('p.npi', '=', npi)}`.execute(db)
  ).rows[0];
  if (!r) return undefined;
  return {
    ...r,
    name: casedComposedName(r.name),
    visit: visitStatus(r.visit_frequency as VisitFrequency | null, r.last_visit, today),
  };
}
