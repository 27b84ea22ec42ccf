// API tokens: created by admins (secret shown once, only a hash stored), Bearer on /api, role
// limits apply (analyst cannot write), revocation takes effect on the next request.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';

describe.each(backends)('API tokens on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let admin: Client;
  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    admin = await clientFor(app, database, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const bearer = (token: string, method = 'GET', url = '/api/auth/me', payload?: object) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  it('creates a token shown once; stores only its hash; lists without the secret', async () => {
    const res = await admin.request('POST', '/api/tokens', { name: 'EHR sync', role: 'analyst' });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t.token).toMatch(/^rnd_[\w-]{40}$/);
    const row = await database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', t.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(t.token).digest('hex'));
    const list = await admin.request('GET', '/api/tokens');
    expect(list.body).not.toContain(t.token);
    expect(list.body).not.toContain(row.token_hash);
    expect(list.json().items[0]).toMatchObject({
      name: 'EHR sync',
      role: 'analyst',
      prefix: t.token.slice(0, 8),
    });
  });

  it('an analyst token reads but cannot write; CSRF is not needed for Bearer; revoked tokens stop working', async () => {
    const t = (await admin.request('POST', '/api/tokens', { name: 'reader', role: 'analyst' })).json();
    const me = await bearer(t.token);
    expect(me.json().user).toMatchObject({ role: 'analyst', email: 'token:reader' });
    expect((await bearer(t.token, 'POST', '/api/tokens', { name: 'x', role: 'admin' })).statusCode).toBe(403);
    expect((await bearer(t.token, 'GET', '/api/audit')).statusCode).toBe(403);
    const w = (await admin.request('POST', '/api/tokens', { name: 'writer', role: 'admin' })).json();
    expect(
      (await bearer(w.token, 'POST', '/api/tokens', { name: 'made-by-token', role: 'analyst' })).statusCode,
    ).toBe(201);
    const made = await database.db
      .selectFrom('audit_log')
      .select('actor_label')
      .where('action', '=', 'create')
      .where('entity', '=', 'api_token')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(made.actor_label).toBe('token:writer');
    expect((await admin.request('DELETE', `/api/tokens/${t.id}`)).statusCode).toBe(200);
    expect((await admin.request('DELETE', `/api/tokens/${t.id}`)).statusCode).toBe(404);
    const after = await bearer(t.token);
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toMatch(/revoked/);
    expect((await bearer('rnd_garbage')).statusCode).toBe(401);
  });
});
