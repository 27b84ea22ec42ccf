// First start loads the demo in two phases: what a person needs to sign in and work, then (after the
// server listens) the referral history. A start that stopped in between resumes it on the next one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { getReferralSettings } from '../../src/db/queries/referrals/settings';
import { getSetting } from '../../src/db/queries/settings';
import { generateDemoMarket } from '../../src/demo/generate';
import { loadDemoFolderInPhases, resumeDemoLoad } from '../../src/demo/load';
import { createPgliteDatabase } from '../helpers/db';

const count = async (database: Database, table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0]!
    .n;

describe('demo market loaded in two phases', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rounds-demo-phases-'));
    await generateDemoMarket({
      seed: 7,
      outDir: dir,
      providers: 300,
      organizations: 80,
      months: 12,
      endMonth: '2026-10',
    });
    database = await createPgliteDatabase();
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('phase one: people, directory and CRM, no referrals yet, the badge says what is loading', async () => {
    const { logins } = await loadDemoFolderInPhases(database, dir, () => {}, {
      password: 'Demo-phase-test-1!',
    });
    expect(logins.length).toBeGreaterThan(3);
    expect(await count(database, 'providers')).toBeGreaterThan(250);
    expect(await count(database, 'referral_facts')).toBe(0);
    const goals = readFileSync(join(dir, 'goals.csv'), 'utf8').trim().split('\n').length - 1;
    expect(await count(database, 'goals')).toBe(goals);
    expect((await getSetting<{ loading: string }>(database.db, 'demo'))?.loading).toBe('referral history');
  });

  it('the next start resumes the referral history: every line of referrals.csv, then complete', async () => {
    const finish = await resumeDemoLoad(database, () => {});
    expect(finish).not.toBeNull();
    await finish!();
    const lines = readFileSync(join(dir, 'referrals.csv'), 'utf8').trim().split('\n').length - 1;
    expect(await count(database, 'referral_facts')).toBe(lines);
    expect((await getSetting<{ loading: string | null }>(database.db, 'demo'))?.loading).toBeNull();
    expect((await getReferralSettings(database.db)).intake.receiver).toMatch(/\S/);
    expect(await resumeDemoLoad(database, () => {})).toBeNull();
  });
});
