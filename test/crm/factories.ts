// Small CRM fixtures: a few providers and a practice inserted straight into the directory tables.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';

export const NPIS = ['1000000004', '1000000012', '1000000020'] as const;

export async function seedDirectory(db: Kysely<DB>) {
  await db
    .insertInto('providers')
    .values(
      NPIS.map((npi, i) => ({
        npi,
        first_name: ['Ana', 'Ben', 'Cy'][i],
        last_name: ['Alvarez', 'Brooks', 'Chen'][i],
        credential: 'MD',
        practice_zip5: ['98101', '98052', '98402'][i],
        county_fips: ['53033', '53033', '53053'][i],
        // as the directory builds it: "first last credential" plus "last first", lower-case
        search_name: [['ana alvarez md alvarez ana'], ['ben brooks md brooks ben'], ['cy chen md chen cy']][
          i
        ]![0],
        source: 'test',
      })),
    )
    .execute();
  const org = await db
    .insertInto('organizations')
    .values({ name: 'Lakeside Family Practice', type: 'practice', source: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { orgId: org.id };
}
