// The embedded database runs each statement on this thread and answers as a microtask: without a
// turn of the event loop between statements, a long chain of them (an import's finalize, the alert
// run) kept the server from accepting any request — /healthz included — for 80 s
// (db/connection.ts yieldBeforeStatements).
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/connection';

let d: Database;
let lite: PGlite;
beforeAll(async () => {
  lite = await PGlite.create();
  d = await connectDatabase({ pglite: lite });
});
afterAll(async () => {
  await d.close();
  await lite.close();
});

const busy = () => sql`select count(*) from generate_series(1, 100000)`.execute(d.db);

it('lets a timer run between the statements of a chain', async () => {
  const order: string[] = [];
  await busy(); // the connection is open
  setTimeout(() => order.push('timer'), 0);
  for (let i = 0; i < 10; i++) await busy();
  order.push('chain done');
  expect(order).toEqual(['timer', 'chain done']);
});

it('and inside a transaction, whose statements keep the one connection', async () => {
  const order: string[] = [];
  await d.db.transaction().execute(async (trx) => {
    await sql`create temp table t (n int)`.execute(trx);
    setTimeout(() => order.push('timer'), 0);
    for (let i = 0; i < 10; i++) await sql`insert into t select generate_series(1, 20000)`.execute(trx);
    order.push('transaction done');
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from t`.execute(trx)).rows[0]!.n)).toBe(
      200_000,
    );
  });
  expect(order).toEqual(['timer', 'transaction done']);
});

it('keeps streaming queries (COPY) and prepared statements working', async () => {
  await sql`create table c (a int, b text)`.execute(d.db);
  await lite.query(`COPY c FROM '/dev/blob'`, [], { blob: new Blob(['1\tx\n2\ty\n']) });
  const r = await sql<{ n: number }>`/* prepared */ select count(*)::int as n from c where a > ${0}`.execute(
    d.db,
  );
  expect(r.rows[0]!.n).toBe(2);
});
