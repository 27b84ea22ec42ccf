// A first load into an empty directory, merged while the file is still being read (PostgreSQL).
// Reading and validating is JavaScript on one core, and the database idles through most of it;
// the merge after the read (insert providers, name words, taxonomies, organizations: ≈ 15 s at
// 1M rows) can as well run batch by batch on that other core. The main thread COPYs each batch
// into the stage (committed, on a pool connection) and then queues its merge — the stage rows of
// its line range — on the import's own transaction, which stays open from before the read until
// the job is finished. Killing the process rolls it back like any merge.
//
// The same statements as the merge after the read (merge.ts) run, restricted to a line range.
// They are only equivalent when every staged row is an insert: the directory is empty (checked
// under a lock) and no NPI is staged twice (the reader counts repeats; the last row of an NPI
// would win). On a repeat the batch merges stop and everything they did is rolled back to a
// savepoint, and the usual merge runs over the complete stage instead.

import { type Kysely, type RawBuilder, sql } from 'kysely';
import { PREPARED } from '../../db/connection';
import type { DB } from '../../db/schema';
import { dropSecondaryIndexes } from '../bulkIndexes';
import { buildTokenKeys, dropTokenKeys, trigger, wordsFrom } from '../bulkNameTokens';
import {
  emptyTables,
  FIRST_LOAD_ORGS,
  FIRST_LOAD_PROVIDERS,
  insertOrganizations,
  insertOrgOtherNames,
  insertOtherNames,
  insertProviders,
  insertTaxonomies,
  type MergeCounts,
  type MergeInput,
  STATUS,
} from './merge';

export type FirstLoad = {
  /** Queues the merge of the staged rows of lines first..last (their COPYs have committed). */
  add(first: number, last: number): void;
  /** Throws the error of a batch merge that failed (so the read stops early). */
  check(): void;
  /**
   * The read failed: queued merges are skipped and the one running is waited for, so none runs
   * on the connection after the transaction has rolled back and gone back to the pool.
   */
  stop(): Promise<void>;
  /**
   * Waits for the queued merges, then builds what they deferred and returns the counts; or,
   * when the stage holds a repeated NPI, undoes them all and returns null (merge the stage then).
   */
  finish(staged: { duplicates: number; allInMarket: boolean }): Promise<MergeCounts | null>;
};

const DIRECTORY = ['providers', 'provider_taxonomies', 'provider_other_names', 'organizations'];

/** Starts a first load in tx, or returns null when the directory is not empty. */
export async function startFirstLoad(tx: Kysely<DB>, m: MergeInput): Promise<FirstLoad | null> {
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

  const S = sql.raw(m.tables.rows);
  const TX = sql.raw(m.tables.taxonomies);
  const NM = sql.raw(m.tables.names);
  let inserted = 0;
  let failure: unknown = null;
  let queue: Promise<void> = Promise.resolve();
  const count = (r: { numAffectedRows?: bigint }) => {
    inserted += Number(r.numAffectedRows ?? 0);
  };

  // the same statements for every batch, with its line range as parameters: parsed and planned once
  const P = (q: RawBuilder<unknown>) => sql`${sql.raw(PREPARED)}${q}`.execute(tx);
  const mergeRange = async (first: number, last: number) => {
    const inS = sql`s.line between ${first} and ${last}`;
    const inX = sql`x.line between ${first} and ${last}`;
    const and = (a: RawBuilder<unknown>, b: RawBuilder<unknown>) => sql`${a} and ${b}`;
    count(await P(insertProviders(m, S, and(FIRST_LOAD_PROVIDERS.insert, inS))));
    await P(
      sql`insert into provider_name_tokens (token, npi) ${wordsFrom(
        sql`(select s.npi, s.search_name from ${S} s where ${and(FIRST_LOAD_PROVIDERS.insert, inS)}
        and ${sql.raw(STATUS)} = 'active') p`,
        sql`true`,
      )}`,
    );
    await P(insertTaxonomies(TX, inX));
    await P(insertOtherNames(NM, inX));
    count(await P(insertOrganizations(m, S, and(FIRST_LOAD_ORGS.insert, inS))));
    await P(insertOrgOtherNames(S, NM, and(FIRST_LOAD_ORGS.written, and(inS, inX))));
  };

  return {
    add(first, last) {
      queue = queue
        .then(() => (failure ? undefined : mergeRange(first, last)))
        .catch((e) => {
          failure ??= e;
        });
    },
    check() {
      if (failure) throw failure;
    },
    async stop() {
      failure ??= new Error('the read stopped');
      await queue;
    },
    async finish(staged) {
      await queue;
      if (failure) throw failure;
      if (staged.duplicates > 0 || !staged.allInMarket) {
        await sql`rollback to savepoint first_load`.execute(tx);
        return null;
      }
      await trigger(tx, 'ins', true);
      await buildTokenKeys(tx);
      await rebuild();
      await sql`release savepoint first_load`.execute(tx);
      // every staged row was inserted: none updated or unchanged
      return { inserted, updated: 0, unchanged: 0, deactivated: 0 };
    },
  };
}
