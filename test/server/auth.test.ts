import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { clientFor, createTestApp, signIn, TEST_PASSWORD } from '../helpers/app';
import { backends } from '../helpers/db';

describe.each(backends)('auth and users on $name', ({ create }) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('signs in, reports me, and signs out', async () => {
    const admin = await clientFor(app, database, 'admin', 'boss@test.example');
    const me = await admin.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: 'boss@test.example', role: 'admin' });
    expect((await admin.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite cookie and stores only a hash of the token', async () => {
    await clientFor(app, database, 'liaison', 'cookie@test.example');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'cookie@test.example', password: TEST_PASSWORD },
    });
    const c = res.cookies.find((x) => x.name === 'rounds_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const stored = await database.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(c.value);
  });

  it('names every bad field of a request: wrong types, bad values, unknown fields', async () => {
    const admin = await clientFor(app, database, 'admin', 'fields@test.example');
    const res = await admin.request('POST', '/api/users', {
      email: 5,
      name: 'X',
      role: 'boss',
      shoeSize: 44,
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['body.email', 'body.role', 'body.shoeSize']);
    expect(res.json().detail).toMatch(/^body\.\w+: /);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const { cookie } = await signIn(app, 'cookie@test.example');
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/CSRF/);
  });

  it('locks an account after 5 failed sign-ins and audits the failures', async () => {
    await clientFor(app, database, 'analyst', 'lock@test.example');
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'lock@test.example', password: 'wrong-password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lock@test.example', password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    const failures = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'login_failed')
      .where('actor_label', '=', 'lock@test.example')
      .execute();
    expect(failures.length).toBe(6);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('lets an admin add a user with a one-time password, change the role, and disable them', async () => {
    const admin = await clientFor(app, database, 'admin', 'root@test.example');
    const add = await admin.request('POST', '/api/users', {
      email: 'New.Person@Test.example',
      name: 'New Person',
      role: 'liaison',
    });
    expect(add.statusCode).toBe(201);
    const { user, oneTimePassword } = add.json();
    expect(user.email).toBe('new.person@test.example');
    expect(oneTimePassword).toHaveLength(16);
    const session = await signIn(app, 'new.person@test.example', oneTimePassword);
    expect(session.csrf).toBeTruthy();
    const dup = await admin.request('POST', '/api/users', {
      email: 'new.person@test.example',
      name: 'Again',
      role: 'liaison',
    });
    expect(dup.statusCode).toBe(409);
    const role = await admin.request('PATCH', `/api/users/${user.id}`, { role: 'manager' });
    expect(role.json().role).toBe('manager');
    // a role change ends the user's sessions
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    await admin.request('PATCH', `/api/users/${user.id}`, { disabled: true });
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new.person@test.example', password: oneTimePassword },
    });
    expect(again.statusCode).toBe(401);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(user.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'login', 'role_change', 'update', 'login_failed']);
    expect(audit[2]!.detail).toMatchObject({ before: { role: 'liaison' }, after: { role: 'manager' } });
  });

  it('rejects weak passwords with a message naming the field', async () => {
    const admin = await clientFor(app, database, 'admin', 'pw@test.example');
    const r = await admin.request('POST', '/api/users', {
      email: 'weak@test.example',
      name: 'Weak',
      role: 'analyst',
      password: 'password1234',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toMatch(/^password: /);
  });

  it('accepts an API token as Bearer and refuses a revoked one', async () => {
    const { createApiToken, revokeApiToken } = await import('../../src/commands/apiTokens');
    const t = await createApiToken(
      database.db,
      { id: null, label: 'test' },
      { name: 'reader', role: 'analyst' },
    );
    const ok = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.role).toBe('analyst');
    await revokeApiToken(database.db, { id: null, label: 'test' }, t.id);
    const no = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(no.statusCode).toBe(401);
  });
});
