// A first load into an empty directory, merged while the file is still being read (PostgreSQL).
// Reading and validating is JavaScript on one core; the database's work runs beside it on the
// other. The import's transaction stays open from before the read until the job is finished, on
// one connection (db/clientTransaction.ts). For each batch the reader has handed over:
// - individuals arrive as finished providers rows and name words (directRows.ts), COPYed straight
//   into providers and provider_name_tokens on that connection — no stage row, no INSERT … SELECT;
// - organizations, taxonomy slots and other names were COPYed into the stage (committed, on a
//   pool connection) and are inserted from it with merge.ts's statements, limited to the batch's
//   line range (prepared once: the same text for every batch).
// Killing the process rolls it all back like any merge.
//
// This is only equivalent to the merge after the read when every row is an insert: the directory
// is empty (checked under a lock) and no NPI comes twice (the reader counts repeats; the last row
// of an NPI would win). On a repeat the read stops, everything is rolled back to a savepoint, and
// the file is read again into the stage for the usual merge.

import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { PoolClient } from 'pg';
import { PREPARED } from '../../db/connection';
import type { DB } from '../../db/schema';
import { dropSecondaryIndexes } from '../bulkIndexes';
import { buildTokenKeys, dropTokenKeys, trigger } from '../bulkNameTokens';
import { copyOnClient } from '../copy';
import type { DirectInput } from './directRows';
import {
  emptyTables,
  FIRST_LOAD_ORGS,
  insertOrganizations,
  insertOrgOtherNames,
  insertOtherNames,
  insertTaxonomies,
  type MergeCounts,
  type MergeInput,
} from './merge';
import { NpiSet } from './npiSet';
import { PROVIDER_INSERT_COLUMNS } from './stageColumns';
import type { StageBatch } from './stager';

/**
 * Undo the first load and read the file again into the stage for the usual merge: an NPI came
 * twice (the last row wins there), or two readers split the file inside a quoted field.
 */
export class ReadAgain extends Error {}

export type FirstLoad = {
  /** what the reader needs to build providers rows (StagerInput.direct) */
  direct: DirectInput;
  /**
   * Queues the batch: its providers and words COPYed, its staged rows (their COPYs have committed)
   * inserted. Waits while two batches are queued (memory stays flat); throws ReadAgain once an NPI
   * has come twice, and the error of a batch that failed (so the read stops early).
   */
  add(b: StageBatch): Promise<void>;
  /**
   * The read failed: queued batches are skipped and the one running is waited for, so none runs
   * on the connection after the transaction has rolled back and gone back to the pool.
   */
  stop(): Promise<void>;
  /**
   * Waits for the queued batches, then builds what they deferred and returns the counts; or,
   * when not every row was an insert, returns null (undo, then read the file again).
   */
  finish(staged: { allInMarket: boolean }): Promise<MergeCounts | null>;
  /** Rolls back everything since startFirstLoad. */
  undo(): Promise<void>;
};

const DIRECTORY = ['providers', 'provider_taxonomies', 'provider_other_names', 'organizations'];

/** Starts a first load in tx (on client), or returns null when the directory is not empty. */
export async function startFirstLoad(
  tx: Kysely<DB>,
  client: PoolClient,
  m: MergeInput & { dataDate: string },
): Promise<FirstLoad | null> {
  await sql`savepoint first_load`.execute(tx);
  // other writers wait for this import; readers too, from the first dropped index on
  await sql.raw(`lock table ${DIRECTORY.join(', ')}, provider_name_tokens in exclusive mode`).execute(tx);
  const empty = await emptyTables(tx, [...DIRECTORY, 'provider_name_tokens'] as const);
  if (!Object.values(empty).every(Boolean)) {
    await sql`rollback to savepoint first_load`.execute(tx); // and its lock
    return null;
  }
  // small joins of one batch each: no use compiling them
  await sql`set local jit = off`.execute(tx);
  await trigger(tx, 'ins', false);
  await dropTokenKeys(tx);
  const rebuild = await dropSecondaryIndexes(tx, DIRECTORY);

  const now = await sql<{ now: string }>`select now()::text as now`.execute(tx);
  const lines = await tx.selectFrom('service_line_map').select(['taxonomy_code', 'service_line']).execute();
  const direct: DirectInput = {
    jobId: m.jobId,
    dataDate: m.dataDate,
    baseline: m.baseline,
    previousDataDate: m.previousDataDate,
    now: now.rows[0]!.now,
    serviceLines: lines.map((l) => [l.taxonomy_code, l.service_line]),
  };

  const S = sql.raw(m.tables.rows);
  const TX = sql.raw(m.tables.taxonomies);
  const NM = sql.raw(m.tables.names);
  let inserted = 0;
  let failure: unknown = null;
  let queue: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];
  const npis = new NpiSet();
  const count = (r: { numAffectedRows?: bigint }) => {
    inserted += Number(r.numAffectedRows ?? 0);
  };

  // the same statements for every batch, with its line range as parameters: parsed and planned once
  const prepared = (q: RawBuilder<unknown>) => sql`${sql.raw(PREPARED)}${q}`.execute(tx);
  const mergeBatch = async (b: StageBatch) => {
    inserted += await copyOnClient(client, 'providers', PROVIDER_INSERT_COLUMNS, b.providers);
    await copyOnClient(client, 'provider_name_tokens', ['token', 'npi'], b.tokens);
    const inS = sql`s.line between ${b.firstLine} and ${b.lastLine}`;
    const inX = sql`x.line between ${b.firstLine} and ${b.lastLine}`;
    const and = (a: RawBuilder<unknown>, c: RawBuilder<unknown>) => sql`${a} and ${c}`;
    await prepared(insertTaxonomies(TX, inX));
    await prepared(insertOtherNames(NM, inX));
    count(await prepared(insertOrganizations(m, S, and(FIRST_LOAD_ORGS.insert, inS))));
    await prepared(insertOrgOtherNames(S, NM, and(FIRST_LOAD_ORGS.written, and(inS, inX))));
  };

  return {
    direct,
    async add(b) {
      if (failure) throw failure;
      for (const npi of b.npis) if (!npis.add(npi)) throw new ReadAgain('an NPI is listed twice');
      queue = queue
        .then(() => (failure ? undefined : mergeBatch(b)))
        .catch((e) => {
          failure ??= e;
        });
      queued.push(queue);
      if (queued.length > 2) await queued.shift();
    },
    async stop() {
      failure ??= new Error('the read stopped');
      await queue;
    },
    async finish(staged) {
      await queue;
      if (failure) throw failure;
      if (!staged.allInMarket) return null;
      await trigger(tx, 'ins', true);
      await buildTokenKeys(tx);
      await rebuild();
      await sql`release savepoint first_load`.execute(tx);
      // every staged row was inserted: none updated or unchanged
      return { inserted, updated: 0, unchanged: 0, deactivated: 0 };
    },
    async undo() {
      await sql`rollback to savepoint first_load`.execute(tx);
    },
  };
}
