// PostgreSQL restarted under a running `rounds serve`: while the database is down every request
// gets a clean 503 problem+json (no crash, no 500); once it is back the same process serves
// reads and writes again without being restarted. Uses a private cluster (see privatePostgres.ts),
// and like the other PostgreSQL fault tests runs only when TEST_DATABASE_URL is set.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/commands/users';
import { connectDatabase } from '../../src/db/connection';
import { TEST_PASSWORD } from '../helpers/app';
import { type PrivatePostgres, privatePostgresAvailable, startPrivatePostgres } from './privatePostgres';
import { call, login, type ServeProcess, startServe, stopAllServes } from './serverProcess';

const enabled = !!process.env.TEST_DATABASE_URL && privatePostgresAvailable();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(enabled)('PostgreSQL restarted mid-run', () => {
  let cluster: PrivatePostgres | undefined;
  let server: ServeProcess;
  afterAll(async () => {
    await stopAllServes();
    cluster?.destroy();
  });

  it('fails cleanly with 503 while it is down and recovers without restarting Rounds', {
    timeout: 180_000,
  }, async () => {
    cluster = await startPrivatePostgres();
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('create database rounds');
    await admin.end();
    server = await startServe(cluster.url('rounds')); // migrates on start
    const d = await connectDatabase({ databaseUrl: cluster.url('rounds'), poolSize: 1 });
    await addUser(
      d.db,
      { id: null, label: 'test' },
      { email: 'liaison@test.example', name: 'L', role: 'liaison', password: TEST_PASSWORD },
    );
    await d.close();
    const s = await login(server.base, 'liaison@test.example', TEST_PASSWORD);
    const write = (n: string) =>
      call(server.base, s, 'POST', '/api/activities', { type: 'call', subject: n, clientId: n });
    expect((await write('before')).status).toBe(201);

    // Traffic while the database goes down and stays down for a moment.
    const seen: { status: number; type: string }[] = [];
    let stop = false;
    const traffic = (async () => {
      for (let i = 0; !stop; i++) {
        const r =
          i % 2 ? await call(server.base, s, 'GET', '/api/activities?limit=5') : await write(`during-${i}`);
        seen.push({ status: r.status, type: r.type });
        await sleep(20);
      }
    })();
    await sleep(300);
    cluster.stop();
    await sleep(1500);
    const down = await call(server.base, s, 'GET', '/api/auth/me');
    stop = true;
    await traffic;

    expect(down.status).toBe(503);
    expect(down.type).toContain('application/problem+json');
    expect((down.json as { status: number }).status).toBe(503);
    const failures = seen.filter((r) => r.status >= 400);
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) {
      expect(f.status).toBe(503);
      expect(f.type).toContain('application/problem+json');
    }
    expect(seen.every((r) => r.status !== 0)).toBe(true); // the server never dropped a connection
    expect(server.child.exitCode).toBeNull();

    // The database comes back; the same process recovers by itself.
    cluster.start();
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      recovered = (await call(server.base, s, 'GET', '/api/auth/me')).status === 200;
      if (!recovered) await sleep(500);
    }
    expect(recovered).toBe(true);
    expect((await write('after')).status).toBe(201);
    expect((await call(server.base, s, 'GET', '/api/activities?limit=100')).status).toBe(200);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
  });
});
