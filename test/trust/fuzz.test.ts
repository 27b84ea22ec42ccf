// Property-based fuzzing of every operation in the OpenAPI document: paths, query strings and
// bodies built from each route's own schema, then bent with injection strings, path traversal,
// unicode (lone surrogates, RTL, emoji), huge numbers and deep JSON. Requests are sent as a signed-in
// admin with the CSRF header, so they reach validation and the handlers. The property: never a 5xx
// and never a stack trace; afterwards the server is healthy. FUZZ_SEED=<n> replays a run.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/commands/users';
import type { Database } from '../../src/db/connection';
import { createSession } from '../../src/db/queries/sessions';
import type { App } from '../../src/server/context';
import { seedDirectory } from '../crm/factories';
import { createTestApp, TEST_PASSWORD } from '../helpers/app';
import { createPgliteDatabase } from '../helpers/db';
import {
  hostileRawBody,
  hostileString,
  hostileValue,
  type JsonSchema,
  mutatedBody,
  schemaArb,
} from './fuzzArbitraries';

type Param = { name: string; in: 'path' | 'query' | 'header'; schema: JsonSchema };
type Operation = { method: string; path: string; params: Param[]; body: JsonSchema | null };
type FuzzRequest = {
  url: string;
  body: { raw: string } | { json: unknown } | null;
  contentType: string | null;
};

// Spread the 10,000-request budget (plus a margin) over however many operations there are.
const TOTAL_REQUESTS = 10_300;
// Operations whose every valid call does real work (a full database backup, a solver run):
// fewer runs, so the suite stays within its time budget; they still see hostile input.
const HEAVY = new Set(['POST /api/backups', 'POST /api/routes/team', 'POST /api/routes/plan']);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

let database: Database;
let app: App;
let session: { cookie: string; csrf: string };
let adminId = 0;
let sent = 0;
let sendMs = 0;

/**
 * The fuzzing admin's session. Fuzzing may log it out, revoke it, disable or demote the user:
 * then the user is put back (straight in the database) and given a new session, without the
 * password hash a real sign-in costs.
 */
async function restoreAdmin() {
  if (adminId === 0) {
    const { user } = await addUser(
      database.db,
      { id: null, label: 'test' },
      { email: 'fuzz-admin@test.example', name: 'Fuzz', role: 'admin', password: TEST_PASSWORD },
    );
    adminId = user.id;
  }
  await database.db
    .updateTable('users')
    .set({ role: 'admin', disabled: false, must_change_password: false })
    .where('id', '=', adminId)
    .execute();
  const { token, csrf } = await createSession(database.db, adminId, { absoluteHours: 1 });
  session = { cookie: `rounds_session=${token}`, csrf };
}

function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      out.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters as Param[] | undefined) ?? [],
        body: content?.['application/json']?.schema ?? null,
      });
    }
  return out;
}

/** Percent-encodes every byte outside the unreserved set (lone surrogates become U+FFFD). */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null'));

function requestArb(op: Operation): fc.Arbitrary<FuzzRequest> {
  const valueFor = (p: Param) =>
    fc.oneof(
      { weight: 3, arbitrary: schemaArb(p.schema).map(asText) },
      { weight: 2, arbitrary: hostileString },
    );
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const path = fc.tuple(
    fc.tuple(...pathParams.map(valueFor)),
    fc.constantFrom('encoded', 'encoded', 'encoded', 'raw-traversal'),
  );
  const query = fc.tuple(
    fc.tuple(...queryParams.map((p) => fc.option(fc.tuple(valueFor(p), fc.boolean()), { freq: 2 }))),
    fc.option(fc.tuple(hostileString, hostileString), { freq: 4 }),
  );
  const canHaveBody = op.method !== 'GET' && op.method !== 'HEAD';
  const body: fc.Arbitrary<FuzzRequest['body']> = !canHaveBody
    ? fc.constant(null)
    : op.body
      ? fc.oneof(
          { weight: 4, arbitrary: mutatedBody(op.body).map((json) => ({ json })) },
          { weight: 2, arbitrary: schemaArb(op.body).map((json) => ({ json })) },
          { weight: 2, arbitrary: hostileRawBody.map((raw) => ({ raw })) },
          { weight: 1, arbitrary: hostileValue.map((json) => ({ json })) },
        )
      : fc.oneof(
          fc.constant(null),
          hostileRawBody.map((raw) => ({ raw })),
        );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=fuzz',
    null,
  );
  return fc.tuple(path, query, body, contentType).map(([[values, mode], [qs, extra], b, ct]) => {
    let i = 0;
    const url = op.path.replace(/\{[^}]+\}/g, () => {
      const v = values[i++]!;
      // "raw-traversal" leaves dots and slashes as typed (../../etc/passwd reaches the router).
      return mode === 'raw-traversal' ? v.replace(/[^A-Za-z0-9\-._~/]/g, (c) => encode(c)) : encode(v);
    });
    const pairs: string[] = [];
    queryParams.forEach((p, k) => {
      const q = qs[k];
      if (!q) return;
      pairs.push(`${encode(p.name)}=${encode(q[0])}`);
      if (q[1]) pairs.push(`${encode(p.name)}=${encode(q[0])}`); // the same key twice
    });
    if (extra) pairs.push(`${encode(extra[0])}=${encode(extra[1])}`);
    return { url: pairs.length ? `${url}?${pairs.join('&')}` : url, body: b, contentType: b ? ct : null };
  });
}

async function send(op: Operation, r: FuzzRequest): Promise<LightMyRequestResponse> {
  sent++;
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  if (r.contentType) headers['content-type'] = r.contentType;
  const payload = r.body === null ? undefined : 'raw' in r.body ? r.body.raw : JSON.stringify(r.body.json);
  return app.inject({ method: op.method as 'POST', url: r.url, headers, payload });
}

const STACK = /\n\s+at .+:\d+:\d+|node_modules\/|\/src\/[\w/]+\.ts/;

beforeAll(async () => {
  database = await createPgliteDatabase();
  app = await createTestApp(database, {
    RATE_LIMIT_WRITES_PER_MIN: '1000000',
    RATE_LIMIT_EXPORTS_PER_MIN: '1000000',
    RATE_LIMIT_UPLOADS_PER_MIN: '1000000',
  });
  await seedDirectory(database.db);
  await restoreAdmin();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('hostile-input fuzzing of every OpenAPI operation', () => {
  it(`≥ 10,000 generated requests, no 5xx, no stack trace, healthy afterwards (seed ${SEED})`, {
    timeout: 1_200_000,
  }, async () => {
    const ops = operations(app.swagger() as never);
    expect(ops.length).toBeGreaterThan(100);
    const runsPerOperation = Number(process.env.FUZZ_RUNS ?? Math.ceil(TOTAL_REQUESTS / ops.length));
    const statusCounts = new Map<number, number>();
    const failures: string[] = [];
    const timings: [string, number][] = [];
    for (const [k, op] of ops.entries()) {
      const t0 = performance.now();
      const runs = HEAVY.has(`${op.method} ${op.path}`) ? 2 : runsPerOperation;
      // One failing operation does not stop the others: every failure is listed at the end.
      await fc
        .assert(
          fc.asyncProperty(requestArb(op), async (r) => {
            const s0 = performance.now();
            const res = await send(op, r);
            sendMs += performance.now() - s0;
            statusCounts.set(res.statusCode, (statusCounts.get(res.statusCode) ?? 0) + 1);
            const where = `${op.method} ${op.path} → ${r.url.slice(0, 200)}`;
            expect(res.statusCode, `${where}: ${res.body.slice(0, 400)}`).toBeLessThan(500);
            expect(res.body, where).not.toMatch(STACK);
            if (res.statusCode === 401 || res.statusCode === 403) {
              const me = await app.inject({
                method: 'GET',
                url: '/api/auth/me',
                headers: { cookie: session.cookie },
              });
              if (me.statusCode !== 200) await restoreAdmin();
            }
          }),
          { numRuns: runs, seed: SEED + k, endOnFailure: true },
        )
        .catch((e: Error) =>
          failures.push(e.message.split('\n').find((l) => l.includes('expected')) ?? e.message),
        );
      timings.push([`${op.method} ${op.path}`, performance.now() - t0]);
    }
    if (process.env.FUZZ_PROFILE)
      writeFileSync(
        process.env.FUZZ_PROFILE,
        `send total ${Math.round(sendMs)} ms\n` +
          timings
            .sort((a, b) => b[1] - a[1])
            .map(([o, ms]) => `${Math.round(ms)} ms ${o}`)
            .join('\n'),
      );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    // Still healthy: the health check, a fresh sign-in and a database-backed read all work.
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await restoreAdmin();
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    const providers = await app.inject({
      method: 'GET',
      url: '/api/providers?q=alvarez',
      headers: { cookie: session.cookie },
    });
    expect(providers.statusCode).toBe(200);
    console.info(
      `fuzz: ${sent} requests over ${ops.length} operations, seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries([...statusCounts].sort((a, b) => a[0] - b[0])))}`,
    );
  });
});
