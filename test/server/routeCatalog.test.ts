// Table-driven checks over every API route the app registers: who may call it, and what bad input
// gets back. New routes are covered automatically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { Role } from '../../src/db/tables/foundation';
import type { App } from '../../src/server/context';
import { type Client, clientsForAllRoles, createTestApp, signIn } from '../helpers/app';
import { createPgliteDatabase } from '../helpers/db';

const ROLES: Role[] = ['admin', 'manager', 'liaison', 'analyst'];
// Routes that are public on purpose, and nothing else.
const PUBLIC = new Set([
  'POST /api/auth/login',
  'GET /api/system/info',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /fhir/metadata',
  'GET /api/calendar/feed/:token/rounds.ics', // the private token in the URL is the credential
]);
// A concrete URL for each parameter (ids that do not exist are fine: we check the access layer).
const fill = (url: string) =>
  url
    .replace(/:npi\b/g, '1234567893')
    .replace(/:id\b/g, '999999')
    .replace(/:[a-zA-Z]+/g, 'x')
    .replace(/\*$/, 'x');

let database: Database;
let app: App;
let clients: Record<Role, Client>;

beforeAll(async () => {
  database = await createPgliteDatabase();
  app = await createTestApp(database);
  clients = await clientsForAllRoles(app, database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

// Routes that end the caller's session: call them with a throw-away session.
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);
async function clientForRoute(role: Role, method: string, url: string): Promise<Client> {
  const base = clients[role];
  if (!SESSION_ENDING.has(`${method} ${url}`)) return base;
  const { cookie, csrf } = await signIn(app, base.email);
  return {
    ...base,
    request: (m, u, body, headers = {}) =>
      app.inject({
        method: m as 'GET',
        url: u,
        headers: {
          cookie,
          'x-csrf-token': csrf,
          ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: body as string }),
      }),
  };
}

const noStack = (body: string) => {
  expect(body).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(body).not.toMatch(/node_modules|\/src\//);
};

describe('access control on every route', () => {
  it('has routes to check, each declaring roles or public', () => {
    expect(app.routeCatalog.length).toBeGreaterThan(5);
    for (const r of app.routeCatalog)
      if (r.roles === 'public') expect(PUBLIC.has(`${r.method} ${r.url}`)).toBe(true);
  });

  it('no session → 401; a role without the right → 403; an allowed role passes the guard', async () => {
    for (const r of app.routeCatalog) {
      if (r.roles === 'public') continue;
      const url = fill(r.url);
      const anon = await app.inject({ method: r.method as 'GET', url, payload: r.hasBody ? {} : undefined });
      expect(anon.statusCode, `${r.method} ${r.url} without session`).toBe(401);
      for (const role of ROLES) {
        const res = await (await clientForRoute(role, r.method, r.url)).request(
          r.method,
          url,
          r.hasBody ? {} : undefined,
        );
        if (r.roles.includes(role)) {
          expect([401, 403], `${r.method} ${r.url} as ${role}: ${res.body}`).not.toContain(res.statusCode);
          expect(res.statusCode, `${r.method} ${r.url} as ${role}: ${res.body}`).toBeLessThan(500);
        } else {
          expect(res.statusCode, `${r.method} ${r.url} as ${role}`).toBe(403);
        }
      }
    }
  });
});

describe('bad requests never get a 500 or a stack trace', () => {
  const hostile = [
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '"; drop table users; --',
    '\u0000',
    '%00',
    '../../etc/passwd',
    'x'.repeat(5000),
  ];

  it('malformed JSON, wrong types, unknown fields and oversized bodies get 4xx naming the problem', async () => {
    for (const r of app.routeCatalog.filter((x) => x.hasBody)) {
      const allowed = r.roles === 'public' ? 'admin' : r.roles[0]!;
      const c = await clientForRoute(allowed, r.method, r.url);
      const url = fill(r.url);
      const cases: [string, string | unknown][] = [
        ['malformed', '{"a":'],
        ['array', '[]'],
        ['string', '"text"'],
        ['unknown field', { __unknown_field__: 1 }],
        ['wrong types', { email: 5, name: [], role: {}, id: 'x', count: 'many' }],
      ];
      for (const [label, body] of cases) {
        const res = await c.request(r.method, url, typeof body === 'string' ? body : body, {
          'content-type': 'application/json',
        });
        expect(res.statusCode, `${r.method} ${r.url} ${label}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${r.method} ${r.url} ${label}: ${res.body}`).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.json().detail, `${r.method} ${r.url} ${label}`).toMatch(/body/);
        noStack(res.body);
      }
      const big = await c.request(r.method, url, JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }), {
        'content-type': 'application/json',
      });
      expect(big.statusCode, `${r.method} ${r.url} oversized`).toBe(413);
    }
  });

  it('bad ids and hostile strings in paths and queries get 4xx or a normal answer, never 500', async () => {
    for (const r of app.routeCatalog) {
      const allowed = r.roles === 'public' ? 'admin' : r.roles[0]!;
      const c = await clientForRoute(allowed, r.method, r.url);
      const urls: string[] = [];
      if (r.hasParams)
        for (const bad of ['abc', '-1', '0', '1.5', '99999999999999999999999', "1'--"])
          urls.push(r.url.replace(/:[a-zA-Z]+/g, encodeURIComponent(bad)));
      for (const h of hostile)
        urls.push(
          `${fill(r.url)}?q=${encodeURIComponent(h)}&limit=${encodeURIComponent(h)}&sort=${encodeURIComponent(h)}`,
        );
      for (const url of urls) {
        const res = await c.request(r.method, url, r.hasBody ? {} : undefined);
        expect(res.statusCode, `${r.method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        noStack(res.body);
      }
    }
  });

  it('unknown routes get a problem+json 404', async () => {
    const res = await clients.admin.request('GET', '/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().status).toBe(404);
  });
});
