// npm run bench:dashboards — how long each dashboard takes to render from the demo market in headless
// Chromium, against the login page as a baseline in the same run. Starts Rounds on PostgreSQL with the
// demo market (loopback only), imports the demo's goals.csv when the loader has not, then loads each
// page BENCH_LOADS times (after one first load, reported apart: it fills the server's caches) and takes
// the median. "Rendered" = every panel of the page is on screen with its rows and no skeleton is left
// (charts drawn). Results → docs/benchmarks.md (between the bench:dashboards markers) and stdout.
// Env: BENCH_LOADS (default 7), BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
//      BENCH_PORT (default 3911), BENCH_KEEP_DOC=1 to leave docs/benchmarks.md alone.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Browser, chromium } from 'playwright-core';
import { connectDatabase } from '../../src/db/connection';
import { importGoalsCsv } from '../../src/import/goals/importGoalsCsv';

const loads = Number(process.env.BENCH_LOADS ?? 7);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3911);
const dbName = `rounds_benchdash_${process.pid}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const dataDir = path.join(os.tmpdir(), `rounds-benchdash-${process.pid}`);
const base = `http://127.0.0.1:${port}`;
const log = (s: string) => process.stderr.write(`${s}\n`);

async function admin(q: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(q).finally(() => c.end());
}

/** Starts `rounds serve` with the demo market and resolves once the referral history has loaded. */
function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      ROUNDS_DEMO: '1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      COOKIE_SECURE: 'false',
      ROUNDS_REPORT_SCHEDULE: 'off', // no background report run in the middle of the measurements
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('Demo market complete')) resolve(server);
      if (out.includes('did not load')) reject(new Error(out.slice(-400)));
    });
    server.on('exit', (code) => reject(new Error(`Rounds exited while starting (${code})`)));
  });
}

type Page = { name: string; path: string; role: string | null; panels: number };
// Panels each page shows when fully rendered (today: goals + 5 panels + calendar; goals: table + return on visit).
const PAGES: Page[] = [
  { name: 'login page (baseline)', path: '/login', role: null, panels: 0 },
  { name: 'Today (liaison)', path: '/today', role: 'liaison', panels: 7 },
  { name: 'Team (manager)', path: '/team', role: 'manager', panels: 8 },
  { name: 'Market overview (manager)', path: '/executive', role: 'manager', panels: 6 },
  { name: 'Goals (manager)', path: '/goals', role: 'manager', panels: 3 },
];

async function renderMs(browser: Browser, p: Page, cookies: Map<string, string>): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  try {
    if (p.role) {
      const [name, value] = cookies.get(p.role)!.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
    }
    const page = await context.newPage();
    await page.goto(base + p.path, { waitUntil: 'commit' });
    if (!p.role) await page.getByLabel('E-mail').waitFor();
    else
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('.dash-panel').length >= n &&
          !document.querySelector('.skel') &&
          !document.querySelector('.chart .skel'),
        p.panels,
        { polling: 'raf', timeout: 60_000 },
      );
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  await admin(`create database ${dbName}`);
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    log('Starting Rounds and loading the demo market (a few minutes)…');
    const t0 = performance.now();
    server = await startServer();
    log(`demo market loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const database = await connectDatabase({ databaseUrl: dbUrl, poolSize: 1 });
    const goals = await database.db.selectFrom('goals').select('id').limit(1).execute();
    // The demo folder is DATA_DIR/demo/seed-<seed>/; its goals.csv, unless the loader imported it already.
    const seedDir = path.join(dataDir, 'demo');
    if (!goals.length && existsSync(seedDir)) {
      const dir = path.join(seedDir, readdirSync(seedDir)[0]!);
      const r = await importGoalsCsv(database.db, path.join(dir, 'goals.csv'), { actorLabel: 'bench' });
      log(`goals.csv: ${r.inserted} goals imported`);
    }
    const goalCount = (await database.db.selectFrom('goals').select('id').execute()).length;
    await database.close();
    const logins = readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t') as [string, string, string]);
    const cookies = new Map<string, string>();
    for (const role of ['liaison', 'manager']) {
      const [, email, password] = logins.find(([r]) => r === role)!;
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
      cookies.set(role, res.headers.get('set-cookie')!.split(';')[0]!);
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const rows: { name: string; path: string; first: number; median: number; min: number; max: number }[] =
      [];
    for (const p of PAGES) {
      const first = await renderMs(browser, p, cookies);
      const ms: number[] = [];
      for (let i = 0; i < loads; i++) ms.push(await renderMs(browser, p, cookies));
      rows.push({
        name: p.name,
        path: p.path,
        first,
        median: median(ms),
        min: Math.min(...ms),
        max: Math.max(...ms),
      });
      log(`${p.name}: first ${first.toFixed(0)} ms, median ${median(ms).toFixed(0)} ms of ${loads}`);
    }
    report(rows, goalCount);
  } finally {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(
  rows: { name: string; path: string; first: number; median: number; min: number; max: number }[],
  goals: number,
) {
  const baseline = rows[0]!.median;
  const dash = rows.slice(1);
  const ok = dash.every((r) => r.median < 1000);
  const lines = [
    '<!-- bench:dashboards:start -->',
    '## Dashboards render time (`npm run bench:dashboards`)',
    '',
    `Run ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'} (shared machine), Node ${process.version}, PostgreSQL, the synthetic demo market (${goals} goals), headless Debian Chromium, 1360×860. Time from navigation start until every panel of the page shows its rows and charts (no skeleton left); ${loads} loads per page after one first load (which fills the server's market and return-on-visit caches), each in a fresh browser context.`,
    '',
    '| page | path | first load ms | median ms | min ms | max ms | median − baseline ms |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.first.toFixed(0)} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.max.toFixed(0)} | ${(r.median - baseline).toFixed(0)} |`,
    ),
    '',
    `Target: each dashboard under 1 000 ms (median) — ${ok ? 'met' : 'NOT met'}.`,
    '',
    'Reproduce: `npm run bench:dashboards` (env BENCH_LOADS, BENCH_DATABASE_URL, BENCH_PORT).',
    '<!-- bench:dashboards:end -->',
  ].join('\n');
  process.stdout.write(`${lines}\n`);
  if (process.env.BENCH_KEEP_DOC === '1') return;
  const file = 'docs/benchmarks.md';
  const doc = readFileSync(file, 'utf8');
  const re = /<!-- bench:dashboards:start -->[\s\S]*?<!-- bench:dashboards:end -->/;
  writeFileSync(file, re.test(doc) ? doc.replace(re, lines) : `${doc.trimEnd()}\n\n${lines}\n`);
}

main().catch((e) => {
  log(`bench:dashboards failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
