// npm run bench:search:crm -- [--queries 240]
// p50/p95 of the Providers list's CRM filters (tier, owner, territory, overdue, network status,
// alone and with a name) on a loaded directory (DATABASE_URL; load it first with bench:search or
// bench:import). Seeds, once, a SYNTHETIC book of business over it: 3 liaisons owning 5,000
// providers each (tiers A/B/C, visit frequencies), one in-person visit for 60 % of them over the
// last 120 days, a 40-ZIP + 1-county territory per liaison, and memberships for 30 % of providers in
// organizations of which 3 % are "ours" and 10 % competitors. Baseline as bench:search: a fixed
// piece of database work after each search, for a ratio on a shared machine.
import { sql } from 'kysely';
import { findProviders, type SearchParams } from '../../src/commands/directory/providerSearch';
import { connectDatabase, type Database } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { seedMemberships } from './memberships';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const queries = Number(arg('queries', '240'));
const BASELINE = sql`select sum(i) from generate_series(1, 100000) i`;
const BENCH_EMAIL = (i: number) => `bench-liaison-${i}@bench.rounds.example`;

async function seed(database: Database): Promise<number[]> {
  const db = database.db;
  const have = await db.selectFrom('users').select('id').where('email', 'like', 'bench-liaison-%').execute();
  const count = async (table: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  // seeded by an earlier run (each step is skipped once its table holds rows)
  if (have.length === 3 && (await count('memberships')) > 0) return have.map((u) => u.id);
  if (have.length === 3) {
    await seedMemberships(database);
    return have.map((u) => u.id);
  }
  const users = await db
    .insertInto('users')
    .values([0, 1, 2].map((i) => ({ email: BENCH_EMAIL(i), name: `Bench Liaison ${i}`, role: 'liaison' })))
    .returning('id')
    .execute();
  const ids = users.map((u) => u.id);
  // 15,000 providers in name-independent order (md5 of the NPI), 5,000 per liaison
  await sql`insert into provider_relationships (provider_npi, tier, visit_frequency, owner_id)
    select npi, (array['A','B','C'])[1 + n % 3], (array['weekly','biweekly','monthly','quarterly'])[1 + n % 4],
      (${sql.raw(`array[${ids.join(',')}]`)})[1 + (n / 3) % 3]
    from (select npi, row_number() over (order by md5(npi))::int as n from providers where status = 'active'
      order by md5(npi) limit 15000) x`.execute(db);
  await sql`with a as (
      insert into activities (type, occurred_at, owner_id, created_by)
      select 'in_person_visit', now() - (n % 120) * interval '1 day', r.owner_id, r.owner_id
      from (select provider_npi, owner_id, row_number() over (order by md5(provider_npi || 'v'))::int as n
        from provider_relationships) r where n % 10 < 6
      returning id, owner_id, occurred_at)
    select 1`.execute(db);
  await sql`insert into activity_attendees (activity_id, provider_npi)
    select a.id, r.provider_npi from
      (select id, row_number() over (order by id)::int as k from activities where type = 'in_person_visit') a
      join (select provider_npi, row_number() over (order by md5(provider_npi || 'v'))::int as k
        from provider_relationships) r on r.k = a.k`.execute(db);
  // each liaison's territory: 40 of the busiest ZIPs (a different slice each) and one county
  const zips = (
    await sql<{ zip: string }>`select practice_zip5 as zip from providers where practice_zip5 is not null
      group by 1 order by count(*) desc limit 120`.execute(db)
  ).rows.map((r) => r.zip);
  const counties = (
    await sql<{ fips: string }>`select county_fips as fips from providers where county_fips is not null
      group by 1 order by count(*) desc offset 20 limit 3`.execute(db)
  ).rows.map((r) => r.fips);
  for (const [i, id] of ids.entries()) {
    const t = await db
      .insertInto('territories')
      .values({
        name: `Bench territory ${i}`,
        zips: zips.slice(i * 40, i * 40 + 40),
        counties: [counties[i]!],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('territory_assignments').values({ territory_id: t.id, user_id: id }).execute();
  }
  await seedMemberships(database);
  return ids;
}

const KINDS = [
  'tier A',
  'owner me',
  'owner none',
  'overdue (mine)',
  'territory mine',
  'network ours',
  'name + tier A,B',
  'territory mine + overdue',
] as const;
const mix = (i: number): SearchParams => {
  switch (i % KINDS.length) {
    case 0:
      return { tier: ['A'] };
    case 1:
      return { owner: 'me' };
    case 2:
      return { owner: 'none' };
    case 3:
      return { owner: 'me', overdue: true };
    case 4:
      return { territory: 'mine' };
    case 5:
      return { networkStatus: ['ours'] };
    case 6:
      return { q: ['smith', 'jonhson', 'garcia maria', 'nguyen'][i % 4], tier: ['A', 'B'] };
    default:
      return { territory: 'mine', overdue: true };
  }
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to a database loaded with bench:search or bench:import');
  const database = await connectDatabase({ databaseUrl: url });
  await migrateToLatest(database.db);
  const t0 = performance.now();
  const liaisons = await seed(database);
  const seedS = (performance.now() - t0) / 1000;
  const providers = Number(
    (await sql<{ n: number }>`select count(*) as n from providers`.execute(database.db)).rows[0]?.n ?? 0,
  );
  const who = (i: number) => ({ id: liaisons[i % 3]! });
  for (let i = 0; i < KINDS.length; i++) await findProviders(database.db, mix(i), who(i)); // warm-up
  const byKind = new Map<number, number[]>();
  const all: number[] = [];
  const baseline: number[] = [];
  const totals = new Map<number, number>();
  for (let i = 0; i < queries; i++) {
    const t = performance.now();
    const r = await findProviders(database.db, { ...mix(i), limit: 200 }, who(i));
    const ms = performance.now() - t;
    all.push(ms);
    byKind.set(i % KINDS.length, [...(byKind.get(i % KINDS.length) ?? []), ms]);
    totals.set(i % KINDS.length, r.total);
    const b = performance.now();
    await BASELINE.execute(database.db);
    baseline.push(performance.now() - b);
  }
  console.log(
    JSON.stringify({
      backend: database.kind,
      providers,
      queries,
      seedSeconds: +seedS.toFixed(1),
      p50ms: +pct(all, 50).toFixed(1),
      p95ms: +pct(all, 95).toFixed(1),
      baselineP50ms: +pct(baseline, 50).toFixed(1),
      p95OverBaseline: +(pct(all, 95) / pct(baseline, 50)).toFixed(1),
      byKind: Object.fromEntries(
        KINDS.map((k, i) => [
          k,
          {
            p50: +pct(byKind.get(i)!, 50).toFixed(1),
            p95: +pct(byKind.get(i)!, 95).toFixed(1),
            total: totals.get(i),
          },
        ]),
      ),
    }),
  );
  await database.close();
}

await main();
