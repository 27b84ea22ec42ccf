// Single sign-on against a real OpenID Provider running inside the test: Authorization Code + PKCE,
// role from a claim, just-in-time users, role sync, refusals, one-time state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/connection';
import { buildApp } from '../../src/server/app';
import type { App } from '../../src/server/context';
import { backends } from '../helpers/db';
import { signInAtProvider, startOidcProvider, type TestAccount } from './oidcProvider';

const REDIRECT = 'http://rounds.test/api/auth/oidc/callback';
const accounts: Record<string, TestAccount> = {
  'u-ada': { email: 'ada@hospital.example', name: 'Ada Admin', role: ['staff', 'rounds-admin'] },
  'u-lee': { email: 'lee@hospital.example', name: 'Lee Liaison', role: 'liaison' },
  'u-none': { email: 'nobody@hospital.example', name: 'No Role' },
};
let provider: Awaited<ReturnType<typeof startOidcProvider>>;
beforeAll(async () => {
  provider = await startOidcProvider({ redirectUri: REDIRECT, accounts });
});
afterAll(() => provider.close());

describe.each(backends)('OpenID Connect sign-in on $name', ({ create }) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await create();
    const config = loadConfig({
      DATA_DIR: '/tmp/rounds-test',
      LOG_LEVEL: 'silent',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'rounds',
      OIDC_CLIENT_SECRET: 'rounds-test-secret-0123456789abcdef',
      OIDC_REDIRECT_URL: REDIRECT,
    } as NodeJS.ProcessEnv);
    app = await buildApp({ database, config });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** The whole browser journey; returns the final redirect from Rounds and any session cookie. */
  async function ssoLogin(accountId: string, returnTo = '/') {
    const start = await app.inject({
      method: 'GET',
      url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
    });
    expect(start.statusCode, start.body).toBe(302);
    const auth = new URL(start.headers.location as string);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const back = await signInAtProvider(auth.toString(), accountId, REDIRECT);
    const cb = await app.inject({ method: 'GET', url: back.pathname + back.search });
    const cookie = cb.cookies.find((c) => c.name === 'rounds_session');
    return { cb, back, cookie };
  }

  it('advertises SSO to the login page', async () => {
    const info = (await app.inject({ method: 'GET', url: '/api/system/info' })).json();
    expect(info.sso).toBe(true);
  });

  it('creates the user just in time with the role from the claim, and the session works', async () => {
    const { cb, cookie } = await ssoLogin('u-ada', '/crm/tasks');
    expect(cb.statusCode, cb.body).toBe(302);
    expect(cb.headers.location).toBe('/crm/tasks');
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `rounds_session=${cookie!.value}` },
    });
    expect(me.json().user).toMatchObject({ email: 'ada@hospital.example', name: 'Ada Admin', role: 'admin' });
    const user = await database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ada@hospital.example')
      .executeTakeFirstOrThrow();
    expect(user.oidc_subject).toBe(`${provider.issuer}|u-ada`);
    expect(user.password_hash).toBeNull();
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('actor_user_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'login']);
    expect(audit[0]!.detail).toMatchObject({ via: 'sso', after: { role: 'admin' } });
  });

  it('follows the identity provider when a role changes, and audits it', async () => {
    accounts['u-lee']!.role = 'liaison';
    await ssoLogin('u-lee');
    accounts['u-lee']!.role = 'analyst';
    const { cookie } = await ssoLogin('u-lee');
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `rounds_session=${cookie!.value}` },
    });
    expect(me.json().user.role).toBe('analyst');
    const change = await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'role_change')
      .executeTakeFirstOrThrow();
    expect(change.detail).toMatchObject({ before: { role: 'liaison' }, after: { role: 'analyst' } });
    expect(
      await database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'lee@hospital.example')
        .execute(),
    ).toHaveLength(1);
  });

  it('refuses a user without a role claim (OIDC_DEFAULT_ROLE=none): no user, no session, a reason', async () => {
    const { cb, cookie } = await ssoLogin('u-none');
    expect(cb.statusCode).toBe(302);
    expect(decodeURIComponent(String(cb.headers.location))).toMatch(/^\/login\?sso_error=.*no Rounds role/);
    expect(cookie).toBeUndefined();
    expect(
      await database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'nobody@hospital.example')
        .execute(),
    ).toHaveLength(0);
    const failed = await database.db
      .selectFrom('audit_log')
      .select('actor_label')
      .where('action', '=', 'login_failed')
      .execute();
    expect(failed.map((f) => f.actor_label)).toContain('nobody@hospital.example');
  });

  it('a callback cannot be replayed, and a forged state or code is refused', async () => {
    const { back } = await ssoLogin('u-ada');
    const replay = await app.inject({ method: 'GET', url: back.pathname + back.search });
    expect(decodeURIComponent(String(replay.headers.location))).toMatch(/expired or was already used/);
    const forged = await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?state=forged&code=abc' });
    expect(forged.statusCode).toBe(302);
    expect(forged.cookies.find((c) => c.name === 'rounds_session')).toBeUndefined();
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const state = new URL(start.headers.location as string).searchParams.get('state');
    const badCode = await app.inject({
      method: 'GET',
      url: `/api/auth/oidc/callback?state=${state}&code=not-a-real-code`,
    });
    expect(decodeURIComponent(String(badCode.headers.location))).toMatch(/could not be verified/);
  });

  it('never redirects outside the app after sign-in', async () => {
    const { cb } = await ssoLogin('u-ada', '//evil.example/x');
    expect(cb.headers.location).toBe('/');
  });
});
