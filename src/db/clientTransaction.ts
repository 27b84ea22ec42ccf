// A transaction on one pooled PostgreSQL connection that Kysely queries and a COPY both use: a
// first load COPYs rows into the directory tables inside the import's transaction
// (import/nppes/firstLoad.ts), which Kysely's own transaction() cannot hand a COPY stream to.
// node-postgres runs one connection's queries in the order they were issued.
import { Kysely, PostgresDialect } from 'kysely';
import type { PoolClient } from 'pg';
import type { Database } from './connection';
import type { DB } from './schema';

export async function inClientTransaction<T>(
  database: Database,
  fn: (tx: Kysely<DB>, client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await database.pool.connect();
  const tx = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => ({ query: client.query.bind(client), release: () => {} }),
        end: async () => {},
      } as never,
    }),
  });
  let broken = false;
  try {
    await client.query('begin');
    const out = await fn(tx, client);
    await client.query('commit');
    return out;
  } catch (e) {
    // a connection that cannot even roll back is not given back to the pool
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw e;
  } finally {
    client.release(broken);
  }
}
