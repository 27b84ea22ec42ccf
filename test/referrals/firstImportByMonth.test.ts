// A first large import on the embedded database is written one month per transaction (so the app
// keeps answering); it must still be all-or-nothing, and a killed one must be cleaned up on re-run.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { startJob } from '../../src/import/jobs';
import {
  discardInterruptedImports,
  finalizeFirstImportByMonth,
  type StagedReferral,
  stageRows,
} from '../../src/import/referrals/stage';
import { backends } from '../helpers/db';

const row = (line: number, date: string, referringNpi = '1234567893', count = 1): StagedReferral => ({
  line,
  factBase: `k${line}`,
  referringNpi,
  receivingNpi: null,
  receivingFacility: 'F1',
  destOrgId: null,
  destProviderNpi: null,
  serviceLine: 'cardiology',
  referralDate: date,
  status: 'completed',
  count,
  externalId: null,
});

const rollup = async (database: Database) =>
  (
    await sql<{ month: string; n: number }>`
      select to_char(month, 'YYYY-MM') as month, sum(count)::int as n from referral_monthly group by 1 order by 1`.execute(
      database.db,
    )
  ).rows;

describe.each(backends)('first import written month by month on $name', ({ create }) => {
  let database: Database;
  beforeEach(async () => {
    database = await create();
  });
  afterEach(async () => database.close());

  it('writes every month and the same rollup one transaction would', async () => {
    const { id } = await startJob(database.db, 'referrals', 'x.csv', null);
    await stageRows(database, id, 'ehr', [
      row(2, '2025-01-05', undefined, 2),
      row(3, '2025-01-30'),
      row(4, '2025-02-01', undefined, 3),
      row(5, '2025-03-31'),
    ]);
    const r = await finalizeFirstImportByMonth(database, id, 'ehr', 4, [
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
    ]);
    expect(r).toMatchObject({ inserted: 4, updated: 0, staged: 4 });
    // by hand: January 2 + 1, February 3, March 1
    expect(await rollup(database)).toEqual([
      { month: '2025-01', n: 3 },
      { month: '2025-02', n: 3 },
      { month: '2025-03', n: 1 },
    ]);
    const left = await sql<{ n: number }>`select count(*)::int as n from referral_stage`.execute(database.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('removes the months already written when a later month fails', async () => {
    const { id } = await startJob(database.db, 'referrals', 'x.csv', null);
    // March holds a referring NPI the facts table refuses (its check constraint), after two good months
    await stageRows(database, id, 'ehr', [
      row(2, '2025-01-05'),
      row(3, '2025-02-07'),
      row(4, '2025-03-09', 'bad'),
    ]);
    await expect(
      finalizeFirstImportByMonth(database, id, 'ehr', 3, ['2025-01-01', '2025-02-01', '2025-03-01']),
    ).rejects.toThrow();
    const facts = await sql<{ n: number }>`select count(*)::int as n from referral_facts`.execute(
      database.db,
    );
    expect(facts.rows[0]!.n).toBe(0);
    expect(await rollup(database)).toEqual([]);
  });
});

describe('an import killed mid-way on the embedded database', () => {
  it('is discarded before the next import: facts, rollups and staged rows removed, job failed', async () => {
    const pglite = backends.find((b) => b.name === 'pglite')!;
    const database = await pglite.create();
    try {
      const { id } = await startJob(database.db, 'referrals', 'killed.csv', null);
      await stageRows(database, id, 'ehr', [row(2, '2025-01-05'), row(3, '2025-02-07')]);
      await finalizeFirstImportByMonth(database, id, 'ehr', 2, ['2025-01-01', '2025-02-01']);
      await stageRows(database, id, 'ehr', [row(4, '2025-03-09')]); // what the dead process had staged next
      // the job was started by a process that is gone (before this one started) and never finished
      await sql`update import_jobs set started_at = now() - interval '1 day' where id = ${id}`.execute(
        database.db,
      );
      await discardInterruptedImports(database);
      expect(await rollup(database)).toEqual([]);
      const counts = await sql<{ f: number; s: number }>`
        select (select count(*)::int from referral_facts) as f, (select count(*)::int from referral_stage) as s`.execute(
        database.db,
      );
      expect(counts.rows[0]).toEqual({ f: 0, s: 0 });
      const job = await database.db
        .selectFrom('import_jobs')
        .select(['status', 'message'])
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('failed');
      expect(job.message).toMatch(/interrupted/);
    } finally {
      await database.close();
    }
  });
});
