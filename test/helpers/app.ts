// An in-process app on a test database, plus signed-in clients per role (fastify.inject).
import type { LightMyRequestResponse } from 'fastify';
import { addUser } from '../../src/commands/users';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/connection';
import type { Role } from '../../src/db/tables/foundation';
import { buildApp } from '../../src/server/app';
import type { App } from '../../src/server/context';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

export type Client = {
  role: Role;
  userId: number;
  email: string;
  request: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
};

export async function createTestApp(database: Database, env: Record<string, string> = {}): Promise<App> {
  const config = loadConfig({
    DATA_DIR: '/tmp/rounds-test',
    ROUNDS_DEMO: '0',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MIN: '100000',
    ...env,
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ database, config });
  await app.ready();
  return app;
}

export async function signIn(app: App, email: string, password = TEST_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rounds_session')!;
  return { cookie: `rounds_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export async function clientFor(
  app: App,
  database: Database,
  role: Role,
  email = `${role}@test.example`,
): Promise<Client> {
  const { user } = await addUser(
    database.db,
    { id: null, label: 'test' },
    { email, name: `Test ${role}`, role, password: TEST_PASSWORD },
  );
  const { cookie, csrf } = await signIn(app, email);
  return {
    role,
    userId: user.id,
    email,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? {
                payload: body,
                headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', ...headers },
              }
            : { payload: body as object }),
      }),
  };
}

export async function clientsForAllRoles(app: App, database: Database): Promise<Record<Role, Client>> {
  const out = {} as Record<Role, Client>;
  for (const role of ['admin', 'manager', 'liaison', 'analyst'] as Role[])
    out[role] = await clientFor(app, database, role);
  return out;
}
