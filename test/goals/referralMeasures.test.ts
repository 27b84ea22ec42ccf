// Stored referral goal measurements (commands/goals/referralMeasures.ts) on the hand-checkable October
// book (test/goals/fixture.ts), on each backend. Liaison L owns P1, P2, P3; October cardiology
// referrals: P1→ours 4, P2→rival 6, P3→ours 1; September: P1→ours 2, P2→rival 9. Goals run Oct 1–30.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGoal } from '../../src/commands/goals/manage';
import { goalsWithProgress } from '../../src/commands/goals/progress';
import { refreshReferralMeasurements } from '../../src/commands/goals/referralMeasures';
import { addUser } from '../../src/commands/users';
import type { Database } from '../../src/db/connection';
import { backends } from '../helpers/db';
import { NPI, seedBook } from './fixture';

const actor = { id: null, label: 'test' };
const stored = (db: Database['db']) =>
  db
    .selectFrom('dashboard_views')
    .select(['variant', 'inputs', 'body'])
    .where('name', '=', 'goal-referrals')
    .orderBy('variant')
    .execute();
const valuesOn = async (db: Database['db'], day: string) =>
  Object.fromEntries(
    (await goalsWithProgress(db, { activeOn: day }, day)).goals.map((g) => [
      g.metric,
      Math.round(g.progress.value * 1000) / 1000,
    ]),
  );

describe.each(backends)('stored referral goal measurements on $name', ({ create }) => {
  let database: Database;
  let liaisonId: number;
  beforeEach(async () => {
    database = await create();
    const u = await addUser(database.db, actor, {
      email: 'l@test.example',
      name: 'Lee Liaison',
      role: 'liaison',
      password: 'Long-enough-passphrase-1',
    });
    liaisonId = u.user.id;
    await seedBook(database.db, liaisonId);
    for (const [metric, serviceLine] of [
      ['referral_volume', 'cardiology'],
      ['referral_share', null],
      ['leakage_reduced', null],
      ['new_referrers', null],
      ['visits', null],
    ] as const)
      await createGoal(database.db, actor, {
        scope: 'liaison',
        ownerId: liaisonId,
        campaignId: null,
        metric,
        serviceLine,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-30',
        target: metric === 'referral_share' ? 0.5 : 5,
        withinDays: null,
        note: '',
      });
  });
  afterEach(async () => database.close());

  // October to us 4 + 1 = 5 of 11; competitor 9 in September − 6 in October = 3; first-ever referral
  // to us in October: P3 only; visits (CRM, measured live) 10-02, 10-05, 10-08 = 3.
  const OCTOBER = {
    referral_volume: 5,
    referral_share: 0.455,
    leakage_reduced: 3,
    new_referrers: 1,
    visits: 3,
  };

  it('a refresh stores one measurement per referral goal, which requests then read', async () => {
    expect(await refreshReferralMeasurements(database.db, '2026-11-27')).toMatchObject({ goals: 4 });
    const rows = await stored(database.db);
    expect(rows.map((r) => [r.variant.split('|')[0], r.variant.split('|').slice(-2), r.body])).toEqual([
      ['leakage_reduced', ['2026-10', '2026-10'], { value: 3, source: expect.any(String) }],
      ['new_referrers', ['2026-10', '2026-10'], { value: 1, source: expect.any(String) }],
      [
        'referral_share',
        ['2026-10', '2026-10'],
        { value: 5 / 11, denominator: 11, source: expect.any(String) },
      ],
      ['referral_volume', ['2026-10', '2026-10'], { value: 5, source: expect.any(String) }],
    ]);
    expect(await valuesOn(database.db, '2026-10-10')).toEqual(OCTOBER);
    // Read, not re-measured: a stored value altered by hand is what the goal shows.
    await sql`update dashboard_views set body = jsonb_set(body, '{value}', '99')
      where name = 'goal-referrals' and variant like 'referral_volume|%'`.execute(database.db);
    expect((await valuesOn(database.db, '2026-10-10')).referral_volume).toBe(99);
  });

  it('measures and stores missing ones on request, and re-measures when whose referrals count changes', async () => {
    expect(await stored(database.db)).toEqual([]);
    expect(await valuesOn(database.db, '2026-10-10')).toEqual(OCTOBER);
    const before = await stored(database.db);
    expect(before).toHaveLength(4);
    // P3 moves to another liaison's book: L's October is P1 → ours 4 of P1 + P2's 10, no new referrer.
    const other = await addUser(database.db, actor, {
      email: 'o@test.example',
      name: 'Other Liaison',
      role: 'liaison',
      password: 'Long-enough-passphrase-2',
    });
    await database.db
      .updateTable('provider_relationships')
      .set({ owner_id: other.user.id })
      .where('provider_npi', '=', NPI.P3)
      .execute();
    expect(await valuesOn(database.db, '2026-10-10')).toEqual({
      ...OCTOBER,
      referral_volume: 4,
      referral_share: 0.4,
      new_referrers: 0,
    });
    const after = await stored(database.db);
    expect(after.filter((r) => r.inputs !== before[0]!.inputs)).toHaveLength(4);
  });

  it('a referral import (new job, new rows) brings the stored measurements up to date', async () => {
    await refreshReferralMeasurements(database.db, '2026-11-27');
    const ours = await database.db
      .selectFrom('organizations')
      .select('id')
      .where('network_status', '=', 'ours')
      .executeTakeFirstOrThrow();
    // As an import would: P2 sends 2 more to us in October, recorded under a new succeeded job.
    await database.db
      .insertInto('referral_monthly')
      .values({
        referring_npi: NPI.P2,
        month: '2026-10-01',
        service_line: 'cardiology',
        dest_org_id: ours.id,
        dest_provider_npi: NPI.P2,
        source: 'ehr',
        count: 2,
      })
      .execute();
    await database.db
      .insertInto('import_jobs')
      .values({ kind: 'referrals', file_name: 'more.csv', status: 'succeeded', finished_at: new Date() })
      .execute();
    await refreshReferralMeasurements(database.db, '2026-11-27');
    const rows = await stored(database.db);
    expect(new Set(rows.map((r) => r.inputs)).size).toBe(1); // the old inputs' rows are gone
    // to us 4 + 1 + 2 = 7 of 13; P2's first referral to us is now in October too: 2 new referrers (P2, P3)
    expect(await valuesOn(database.db, '2026-10-10')).toEqual({
      ...OCTOBER,
      referral_volume: 7,
      referral_share: 0.538,
      new_referrers: 2,
    });
  });
});
