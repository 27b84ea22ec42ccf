// Each referrer's segment (loyalist / splitter / opportunity / low volume) over the last 12 months
// of the referral rollup, stored so the Providers list can filter the directory by it: computing it
// for every referrer reads months of the rollup (seconds at 50 M facts). Rebuilt after referral
// imports and whenever what it depends on has changed (commands/referrals/segments.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table referrer_segments (
      npi text collate "C" primary key,
      segment text not null,
      share real,
      volume integer not null
    )`.execute(db);
  await sql`create index referrer_segments_segment_idx on referrer_segments (segment, npi)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists referrer_segments`.execute(db);
}
