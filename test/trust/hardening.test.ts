// Hardening: security headers and CSP, Secure cookies behind TLS (direct and via a proxy), no
// secrets in logs, session revocation, per-route rate limits, database loss → 503 and recovery.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/commands/users';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/connection';
import { buildApp, createLogger } from '../../src/server/app';
import type { App } from '../../src/server/context';
import { clientFor, createTestApp, signIn, TEST_PASSWORD } from '../helpers/app';
import { backends, createPgliteDatabase } from '../helpers/db';

const env = (extra: Record<string, string> = {}) =>
  loadConfig({
    DATA_DIR: '/tmp/rounds-test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MIN: '1000',
    ...extra,
  } as NodeJS.ProcessEnv);

describe('security headers and cookies', () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await createPgliteDatabase();
    app = await createTestApp(database);
    await addUser(
      database.db,
      { id: null, label: 't' },
      { email: 'a@x.example', name: 'A', role: 'admin', password: TEST_PASSWORD },
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('sends a strict CSP and the usual security headers on API and page responses', async () => {
    for (const url of ['/api/system/info', '/some/page', '/api/nope']) {
      const h = (await app.inject({ method: 'GET', url })).headers;
      const csp = String(h['content-security-policy']);
      for (const d of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ])
        expect(csp, url).toContain(d);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['x-frame-options']).toBe('SAMEORIGIN');
      expect(h['x-powered-by']).toBeUndefined();
    }
  });

  it('marks the session cookie Secure only for TLS requests (proxy headers only when TRUST_PROXY=true)', async () => {
    const login = (a: App, headers: Record<string, string> = {}) =>
      a.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { email: 'a@x.example', password: TEST_PASSWORD },
      });
    const plain = (await login(app, { 'x-forwarded-proto': 'https' })).cookies[0]!;
    expect(plain.secure).toBeFalsy();
    expect(plain.httpOnly).toBe(true);
    expect(plain.sameSite).toBe('Lax');
    const proxied = await buildApp({ database, config: env({ TRUST_PROXY: 'true' }) });
    const res = await login(proxied, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    expect(res.cookies[0]!.secure).toBe(true);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'login')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.ip).toBe('203.0.113.9');
    await proxied.close();
    const forced = await buildApp({ database, config: env({ COOKIE_SECURE: 'true' }) });
    expect((await login(forced)).cookies[0]!.secure).toBe(true);
    await forced.close();
  });

  it('serves direct TLS with a certificate and key (self-signed, made here) and sets Secure cookies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rounds-tls-'));
    const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    const tlsApp = await buildApp(
      { database, config: env() },
      { https: { cert: readFileSync(cert), key: readFileSync(key) } },
    );
    await tlsApp.listen({ port: 0, host: '127.0.0.1' });
    const port = (tlsApp.server.address() as AddressInfo).port;
    const body = JSON.stringify({ email: 'a@x.example', password: TEST_PASSWORD });
    const res = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/auth/login',
          method: 'POST',
          ca: readFileSync(cert),
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (r) => {
          r.resume();
          r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    await tlsApp.close();
    expect(res.status).toBe(200);
    const setCookie = String((res.headers['set-cookie'] as string[])[0]);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
  });

  it('never writes passwords, session cookies, CSRF or API tokens to the logs', async () => {
    let captured = '';
    const sink = new Writable({
      write: (c, _e, cb) => {
        captured += c.toString();
        cb();
      },
    });
    const logged = await buildApp({ database, config: env() }, { logger: createLogger('trace', sink) });
    const secret = 'Wrong-But-Secret-Pass-77';
    await logged.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@x.example', password: secret },
    });
    const ok = await logged.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@x.example', password: TEST_PASSWORD },
    });
    const token = ok.cookies[0]!.value;
    const csrf = ok.json().csrfToken as string;
    await logged.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `rounds_session=${token}` },
    });
    await logged.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: `rounds_session=${token}`, 'x-csrf-token': csrf },
      payload: { name: 'n', role: 'analyst' },
    });
    await logged.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer rnd_not-a-real-token-but-secret' },
    });
    // An error path with a body that carries a password must not leak it either.
    await logged.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: `rounds_session=${token}`, 'x-csrf-token': csrf },
      payload: { currentPassword: secret, newPassword: 'x' },
    });
    await logged.close();
    (logged.log as unknown as { flush?: () => void }).flush?.();
    expect(captured.length).toBeGreaterThan(200); // logging really happened
    for (const s of [secret, TEST_PASSWORD, token, csrf, 'rnd_not-a-real-token-but-secret'])
      expect(captured).not.toContain(s);
  });
});

describe.each(backends)('sessions, rate limits and database loss on $name', ({ name, create }) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await create();
    app = await buildApp({ database, config: env({ RATE_LIMIT_EXPORTS_PER_MIN: '2' }) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists sessions, ends one, signs out everywhere; admins manage others; others may not', async () => {
    const lee = await clientFor(app, database, 'liaison', 'lee@x.example');
    const second = await signIn(app, 'lee@x.example');
    const asSecond = (method: string, url: string, payload?: object) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: second.cookie, 'x-csrf-token': second.csrf },
        ...(payload ? { payload } : {}),
      });
    const list = (await lee.request('GET', '/api/sessions')).json().items as {
      handle: string;
      current: boolean;
    }[];
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await lee.request('DELETE', `/api/sessions/${other.handle}`)).statusCode).toBe(200);
    expect((await asSecond('GET', '/api/auth/me')).statusCode).toBe(401);
    // Sign out everywhere (keeping this one), then everything.
    const third = await signIn(app, 'lee@x.example');
    const r = (await lee.request('POST', '/api/sessions/revoke-all', { scope: 'others' })).json();
    expect(r.ended).toBe(1);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: third.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await lee.request('GET', '/api/auth/me')).statusCode).toBe(200);
    // Liaisons cannot look at other users' sessions; admins can, and can end them.
    const admin = await clientFor(app, database, 'admin', 'boss@x.example');
    expect((await lee.request('GET', `/api/sessions?userId=${admin.userId}`)).statusCode).toBe(403);
    const leeSessions = (await admin.request('GET', `/api/sessions?userId=${lee.userId}`)).json().items;
    expect(leeSessions).toHaveLength(1);
    expect(
      (await admin.request('POST', '/api/sessions/revoke-all', { scope: 'all', userId: lee.userId })).json()
        .ended,
    ).toBe(1);
    expect((await lee.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity', '=', 'session')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.actor_label}`)).toEqual([
      'revoke lee@x.example',
      'revoke_all lee@x.example',
      'revoke_all boss@x.example',
    ]);
  });

  it('rate-limits exports per caller with a problem+json 429', async () => {
    const admin = await clientFor(app, database, 'admin', 'exporter@x.example');
    const codes: number[] = [];
    for (let i = 0; i < 3; i++)
      codes.push((await admin.request('GET', '/api/audit/export?format=jsonl')).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const res = await admin.request('GET', '/api/audit/export');
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it.runIf(name === 'postgres')(
    'answers 503 when the database connection dies mid-request, then recovers',
    async () => {
      const admin = await clientFor(app, database, 'admin', 'dba@x.example');
      const pg = (await import('pg')).default;
      const url = (database.pool.options as { connectionString: string }).connectionString;
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      // Hold a lock on api_tokens (reads pass, inserts wait) so the write below waits inside the
      // database, then kill its backend.
      await blocker.query('begin');
      await blocker.query('lock table api_tokens in share mode');
      const pending = admin.request('POST', '/api/tokens', { name: 'will-fail', role: 'analyst' });
      await new Promise((r) => setTimeout(r, 300));
      await blocker.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
      );
      const res = await pending;
      await blocker.query('rollback');
      await blocker.end();
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['retry-after']).toBe('5');
      expect(
        await database.db.selectFrom('api_tokens').select('id').where('name', '=', 'will-fail').execute(),
      ).toHaveLength(0);
      const again = await admin.request('POST', '/api/tokens', { name: 'works', role: 'analyst' });
      expect(again.statusCode).toBe(201);
    },
  );
});
