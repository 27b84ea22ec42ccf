// Two `rounds serve` processes on one PostgreSQL: sessions are shared (they live in the database),
// and when one process is SIGKILLed under a write load the other keeps serving and every write
// that was acknowledged (201) is in the database. PostgreSQL only: skipped without TEST_DATABASE_URL.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/commands/users';
import type { Database } from '../../src/db/connection';
import { TEST_PASSWORD } from '../helpers/app';
import { createPostgresDatabase } from '../helpers/db';
import {
  call,
  killHard,
  login,
  type ServeProcess,
  type Session,
  startServe,
  stopAllServes,
} from './serverProcess';

const pgUrl = process.env.TEST_DATABASE_URL;

async function urlOf(d: Database) {
  const name = (await sql<{ n: string }>`select current_database() as n`.execute(d.db)).rows[0]!.n;
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

describe.runIf(!!pgUrl)('two server processes on one PostgreSQL', () => {
  let database: Database;
  let a: ServeProcess;
  let b: ServeProcess;
  afterAll(async () => {
    await stopAllServes();
    await database?.close();
  });

  it('share sessions; one SIGKILLed under load: the other keeps serving and no acknowledged write is lost', {
    timeout: 180_000,
  }, async () => {
    database = await createPostgresDatabase();
    await addUser(
      database.db,
      { id: null, label: 'test' },
      { email: 'liaison@test.example', name: 'L', role: 'liaison', password: TEST_PASSWORD },
    );
    const url = await urlOf(database);
    [a, b] = await Promise.all([startServe(url), startServe(url)]);

    // A session made by logging in on A is valid on B, for reads and CSRF-checked writes …
    const s: Session = await login(a.base, 'liaison@test.example', TEST_PASSWORD);
    const me = await call(b.base, s, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect((me.json as { user: { email: string } }).user.email).toBe('liaison@test.example');
    const w = await call(b.base, s, 'POST', '/api/activities', { type: 'call', subject: 'from B' });
    expect(w.status).toBe(201);
    // … and logging out on B ends it on A too.
    const s2 = await login(b.base, 'liaison@test.example', TEST_PASSWORD);
    expect((await call(a.base, s2, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await call(b.base, s2, 'POST', '/api/auth/logout', {})).status).toBeLessThan(300);
    expect((await call(a.base, s2, 'GET', '/api/auth/me')).status).toBe(401);

    // Write load on both; A dies mid-run. A writer whose request to A fails retries the same
    // write (same clientId, so at most once) on B.
    const acknowledged = new Map<string, number>();
    const failedOnA: string[] = [];
    let seq = 0;
    let stop = false;
    const writer = async (w: number) => {
      while (!stop) {
        const clientId = `w${w}-${seq++}`;
        const first = w % 2 === 0 ? a : b;
        let r = await call(first.base, s, 'POST', '/api/activities', {
          type: 'call',
          subject: clientId,
          clientId,
        });
        if (r.status === 0 && first === a) {
          failedOnA.push(clientId);
          r = await call(b.base, s, 'POST', '/api/activities', { type: 'call', subject: clientId, clientId });
        }
        if (r.status === 200 || r.status === 201) acknowledged.set(clientId, (r.json as { id: number }).id);
        else throw new Error(`write ${clientId} got ${r.status}: ${JSON.stringify(r.json)}`);
      }
    };
    const writers = Array.from({ length: 6 }, (_, i) => writer(i));
    await new Promise((r) => setTimeout(r, 1500));
    const beforeKill = acknowledged.size;
    await killHard(a);
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await Promise.all(writers);

    expect(beforeKill).toBeGreaterThan(10);
    expect(acknowledged.size).toBeGreaterThan(beforeKill); // B went on taking writes after the kill
    expect((await fetch(`${b.base}/healthz`)).status).toBe(200);
    expect((await call(b.base, s, 'GET', '/api/auth/me')).status).toBe(200);

    const ids = [...acknowledged.values()];
    const rows = await database.db
      .selectFrom('activities')
      .select(['id', 'client_id'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.length).toBe(ids.length);
    for (const r of rows) expect(acknowledged.get(r.client_id!)).toBe(r.id);
    // A retried write is stored once, never twice.
    const dupes = await sql<{ n: number }>`
      select count(*)::int as n from (select client_id from activities where client_id is not null
      group by client_id having count(*) > 1) d`.execute(database.db);
    expect(dupes.rows[0]!.n).toBe(0);
  });
});
