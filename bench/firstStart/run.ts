// First start, as a person trying Rounds meets it: `rounds serve` on an empty data folder generates
// the synthetic demo market and loads it. Measures (median of --runs): seconds until the login page
// answers, until a signed-in API call returns demo providers, until the background referral history is
// complete, and the slowest API answer and /healthz answer while it loads. Baseline in the same run: an empty start
// (ROUNDS_DEMO=0). The web build (`npm run build:web`, part of `npm start`) is timed once beside it.
// Usage: npm run bench:first-start [-- --runs 3]
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 1;
const port = 3391;
const base = `http://127.0.0.1:${port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function until(ok: () => Promise<boolean>, limitS = 900) {
  const end = Date.now() + limitS * 1000;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error('timed out');
}

async function start(demo: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rounds-first-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  Object.assign(env, { ROUNDS_DEMO: demo ? '1' : '0', ROUNDS_DEMO_PASSWORD: 'Bench-first-start-1!' });
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['bin/rounds.js', 'serve'], { env, stdio: 'ignore' });
  await until(async () => (await fetch(`${base}/`)).ok);
  const login = (performance.now() - t0) / 1000;
  return { dir, child, t0, login };
}

async function demoRun() {
  const { dir, child, t0, login } = await start(true);
  const admin = readFileSync(path.join(dir, 'demo-logins.txt'), 'utf8').split('\n')[0]!.split('\t')[1]!;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin, password: 'Bench-first-start-1!' }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  let populated = 0;
  let worst = 0;
  // A second client that needs no database: /healthz every half second. The API loop above keeps a
  // request queued for the database's one connection most of the time, which hid what a person
  // opening the page meets — the server stalled whole while a chain of statements ran (session 26).
  let worstHealth = 0;
  let loading = true;
  const health = (async () => {
    while (loading) {
      const s = performance.now();
      await fetch(`${base}/healthz`).catch(() => {});
      worstHealth = Math.max(worstHealth, performance.now() - s);
      await sleep(500);
    }
  })();
  // A third: the pages a liaison opens, each many statements (Today's panels, the phone's day bundle) —
  // on one connection shared with the loader each statement used to wait for a loader transaction (session 28)
  const pageMs: number[] = [];
  const pages = (async () => {
    for (let i = 0; loading; i++) {
      const s = performance.now();
      await fetch(`${base}${i % 2 ? '/api/field/bundle' : '/api/dashboards/today'}`, { headers: { cookie } })
        .then((r) => r.text())
        .catch(() => {});
      if (loading) pageMs.push(performance.now() - s);
      await sleep(500);
    }
  })();
  await until(async () => {
    const s = performance.now();
    const r = await fetch(`${base}/api/providers?limit=5`, { headers: { cookie } });
    const body = (await r.json()) as { items?: unknown[] };
    worst = Math.max(worst, performance.now() - s);
    if (!populated && body.items?.length) populated = (performance.now() - t0) / 1000;
    const info = (await (await fetch(`${base}/api/system/info`)).json()) as {
      demo?: { loading: string | null };
    };
    return !!info.demo && !info.demo.loading;
  });
  const complete = (performance.now() - t0) / 1000;
  loading = false;
  await health;
  await pages;
  child.kill('SIGTERM');
  await sleep(1500);
  rmSync(dir, { recursive: true, force: true });
  return {
    login,
    populated,
    complete,
    worstApiMs: worst,
    worstHealthMs: worstHealth,
    pageMedianMs: pageMs.length ? median(pageMs) : 0,
    worstPageMs: Math.max(0, ...pageMs),
  };
}

const t = performance.now();
execSync('npm run -s build:web', { stdio: 'ignore' });
const buildS = (performance.now() - t) / 1000;
const empty: number[] = [];
const demo: Awaited<ReturnType<typeof demoRun>>[] = [];
for (let i = 0; i < runs; i++) {
  const e = await start(false);
  empty.push(e.login);
  e.child.kill('SIGTERM');
  await sleep(1500);
  rmSync(e.dir, { recursive: true, force: true });
  demo.push(await demoRun());
}
const m = (k: keyof (typeof demo)[0]) => median(demo.map((d) => d[k]));
console.log(
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ${runs} run(s), medians`,
);
console.log(`web build (npm run build:web)            ${buildS.toFixed(1)} s`);
console.log(`empty start → login page (baseline)      ${median(empty).toFixed(1)} s`);
console.log(`demo start → login page                  ${m('login').toFixed(1)} s`);
console.log(`demo start → API returns demo providers  ${m('populated').toFixed(1)} s`);
console.log(`demo start → referral history complete   ${m('complete').toFixed(1)} s`);
console.log(`slowest API answer during the load       ${m('worstApiMs').toFixed(0)} ms`);
console.log(`slowest /healthz during the load         ${m('worstHealthMs').toFixed(0)} ms`);
console.log(
  `Today / field bundle during the load     median ${m('pageMedianMs').toFixed(0)} ms, slowest ${m('worstPageMs').toFixed(0)} ms`,
);
console.log(`install → populated app (build + start)  ${(buildS + m('populated')).toFixed(1)} s`);
