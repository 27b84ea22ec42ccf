// Real `rounds serve` processes for the fault tests: spawn on a free port, wait until listening,
// talk to them over HTTP, kill them. Every process started is tracked so a failed test can stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export type ServeProcess = { port: number; base: string; child: ChildProcess; output: () => string };

const started = new Set<ChildProcess>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `node bin/rounds.js serve` on DATABASE_URL; resolves once it prints that it is running. */
export async function startServe(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve('bin/rounds.js'), 'serve'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ROUNDS_DEMO: '0',
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join('/tmp', `rounds-fault-${port}`),
      LOGIN_RATE_LIMIT_PER_MIN: '10000',
      RATE_LIMIT_WRITES_PER_MIN: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.on('exit', () => started.delete(child));
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      if (out.includes('Rounds is running')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code} before listening:\n${out}`));
    });
  });
  return { port, base: `http://127.0.0.1:${port}`, child, output: () => out };
}

/** SIGKILL one process and wait until it is gone. */
export function killHard(p: ServeProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.child.once('exit', () => resolve());
    p.child.kill('SIGKILL');
  });
}

/** Stops every process these helpers started and that is still running (test teardown). */
export async function stopAllServes(): Promise<void> {
  await Promise.all(
    [...started].map(
      (c) =>
        new Promise<void>((resolve) => {
          c.once('exit', () => resolve());
          c.kill('SIGKILL');
        }),
    ),
  );
}

export type Session = { cookie: string; csrf: string };

export async function login(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login on ${base} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('rounds_session='))!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** One authenticated request; a network failure comes back as status 0 instead of throwing. */
export async function call(
  base: string,
  s: Session,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; type: string; json: unknown }> {
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, type: res.headers.get('content-type') ?? '', json };
  } catch {
    return { status: 0, type: '', json: null };
  }
}
