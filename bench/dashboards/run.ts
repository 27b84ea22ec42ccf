// npm run bench:dashboards — how long each dashboard takes to render from the demo market in headless
// Chromium, against the login page as a baseline in the same run. Starts Rounds on PostgreSQL with the
// demo market (loopback only), imports the demo's goals.csv when the loader has not, then measures each
// page BENCH_LOADS times, each time in a fresh browser context (a signed-in user with an empty HTTP
// cache and no service worker): "cold" is that first visit; "warm" is the same page opened again in a new
// tab of that context once the service worker is installed (a returning user: hashed assets from cache).
// "Rendered" = the page's own signal (src/web/ui/renderGate.ts): `.page[data-loaded="true"]` (every query
// behind the page answered) and no chart, map or panel still holding the render gate (charts drawn with
// their data), checked every animation frame; the time is performance.now() then (ms since navigation
// start). The very first visit of each page after the server started is reported apart ("first").
// Also: the server time of each dashboard API call (median of BENCH_LOADS, from Node, same session) and
// the bytes the cold visit transferred. Results → docs/benchmarks.md (between the bench:dashboards
// markers) and stdout.
// Env: BENCH_LOADS (default 7), BENCH_CPU_LOADS (default 3), BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
//      BENCH_PORT (default 3911), BENCH_KEEP_DOC=1 to leave docs/benchmarks.md alone.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Page as PwPage } from 'playwright-core';
import { connectDatabase } from '../../src/db/connection';
import { importGoalsCsv } from '../../src/import/goals/importGoalsCsv';
import { chromiumArgs, keepBrowserUi } from './chromiumArgs';
import { mainThreadCpuMs } from './mainThread';

const loads = Number(process.env.BENCH_LOADS ?? 7);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3911);
const dbName = `rounds_benchdash_${process.pid}`;
// BENCH_REUSE_DATABASE_URL + BENCH_REUSE_DATA_DIR (+ BENCH_PORT): measure a demo server already running
// there instead of starting one (for quick iterations; the documented numbers come from a fresh start).
const reuse = process.env.BENCH_REUSE_DATA_DIR && process.env.BENCH_REUSE_DATABASE_URL;
const dbUrl =
  process.env.BENCH_REUSE_DATABASE_URL ??
  Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const dataDir = process.env.BENCH_REUSE_DATA_DIR ?? path.join(os.tmpdir(), `rounds-benchdash-${process.pid}`);
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

type Page = { name: string; path: string; role: string | null; panels: number; apis: string[] };
const today = new Date().toISOString().slice(0, 10);
// Panels each page shows when fully rendered (today: goals + 5 panels + calendar; goals: table + return on
// visit), a sanity check beside the render signal; and the API calls the page makes for its data.
const PAGES: Page[] = [
  { name: 'login page (baseline)', path: '/login', role: null, panels: 0, apis: [] },
  {
    name: 'Today (liaison)',
    path: '/today',
    role: 'liaison',
    panels: 7,
    apis: [`/api/dashboards/today?date=${today}`, `/api/goals?activeOn=${today}`, '/api/calendar'],
  },
  {
    name: 'Team (manager)',
    path: '/team',
    role: 'manager',
    panels: 8,
    apis: ['/api/dashboards/team?weeks=12'],
  },
  {
    name: 'Market overview (manager)',
    path: '/executive',
    role: 'manager',
    panels: 6,
    apis: ['/api/dashboards/executive?months=24'],
  },
  {
    name: 'Goals (manager)',
    path: '/goals',
    role: 'manager',
    panels: 3,
    apis: [`/api/goals?activeOn=${today}`, '/api/dashboards/return-on-visit?by=liaison&windowMonths=3'],
  },
];

type Sample = { ms: number; kb: number };
let chromiumVersion = '';

/**
 * Waits for the page's own "rendered" signal (see the header), or the sign-in form on the login page,
 * checked every animation frame, and returns performance.now() of the frame that first showed it (read
 * in the page, so the bench's own round trip to learn of it is not counted).
 */
async function waitRendered(page: PwPage, p: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const ready =
        n < 0
          ? !!document.querySelector('input[name="email"]')
          : document.querySelector('.page[data-loaded="true"]') &&
            (document.documentElement.dataset.renderPending ?? '0') === '0' &&
            document.querySelectorAll('.dash-panel').length >= n &&
            !document.querySelector('.skel');
      return ready ? performance.now() : 0;
    },
    p.role ? p.panels : -1,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Opens the page in a new tab of `context` and resolves with the render time and bytes transferred. */
async function visit(context: BrowserContext, p: Page, awaitServiceWorker = false): Promise<Sample> {
  const page = await context.newPage();
  try {
    await page.goto(base + p.path, { waitUntil: 'commit' });
    const ms = await waitRendered(page, p);
    const sample = await page.evaluate(() => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      const bytes = entries.reduce((s, e) => s + (e.transferSize ?? 0), 0);
      return { kb: bytes / 1024 };
    });
    // A returning user has the service worker installed (it precaches the built assets at install).
    if (awaitServiceWorker)
      await page.evaluate(() =>
        Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 15_000))]),
      );
    return { ms, kb: sample.kb };
  } finally {
    await page.close();
  }
}

/** A fresh context (empty cache, no service worker), signed in: the cold visit, then a warm one. */
async function coldAndWarm(browser: Browser, p: Page, cookies: Map<string, string>) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  try {
    if (p.role) {
      const [name, value] = cookies.get(p.role)!.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
    }
    const cold = await visit(context, p, true);
    const warm = await visit(context, p);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/** Main-thread CPU of BENCH_CPU_LOADS (default 3) more cold visits, each traced (apart from the timed ones). */
async function cpuSamples(browser: Browser, p: Page, cookies: Map<string, string>) {
  const out: number[] = [];
  for (let i = 0; i < Number(process.env.BENCH_CPU_LOADS ?? 3); i++)
    out.push(
      await mainThreadCpuMs(browser, base + p.path, p.role ? cookies.get(p.role)! : null, (page) =>
        waitRendered(page, p),
      ),
    );
  return out;
}

/** Median server time of each API call the page makes (Node fetch, same session as the browser). */
async function apiMs(p: Page, cookies: Map<string, string>) {
  if (!p.role) return null;
  const out: number[] = [];
  for (let i = 0; i < loads; i++) {
    let total = 0;
    for (const url of p.apis) {
      const t = performance.now();
      const res = await fetch(base + url, { headers: { cookie: cookies.get(p.role)! } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      total += performance.now() - t;
    }
    out.push(total);
  }
  return median(out);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  if (!reuse) await admin(`create database ${dbName}`);
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    log('Starting Rounds and loading the demo market (a few minutes)…');
    const t0 = performance.now();
    if (!reuse) server = await startServer();
    log(`demo market loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const database = await connectDatabase({ databaseUrl: dbUrl, poolSize: 1 });
    const goals = await database.db.selectFrom('goals').select('id').limit(1).execute();
    // The demo folder is DATA_DIR/demo/seed-<seed>-through-<date>/; its goals.csv, unless the loader imported it already.
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
      args: chromiumArgs,
    });
    chromiumVersion = browser.version();
    const rows: Row[] = [];
    // BENCH_PAGES=/login,/team: only those pages (quick iterations; the documented run measures all).
    const only = process.env.BENCH_PAGES?.split(',');
    for (const p of PAGES.filter((x) => !only || only.includes(x.path))) {
      const first = await coldAndWarm(browser, p, cookies);
      const cold: Sample[] = [];
      const warm: Sample[] = [];
      for (let i = 0; i < loads; i++) {
        const r = await coldAndWarm(browser, p, cookies);
        cold.push(r.cold);
        warm.push(r.warm);
      }
      const row: Row = {
        name: p.name,
        path: p.path,
        first: first.cold.ms,
        cold: median(cold.map((s) => s.ms)),
        coldMax: Math.max(...cold.map((s) => s.ms)),
        warm: median(warm.map((s) => s.ms)),
        warmMax: Math.max(...warm.map((s) => s.ms)),
        coldKb: median(cold.map((s) => s.kb)),
        warmKb: median(warm.map((s) => s.kb)),
        api: await apiMs(p, cookies),
        cpu: median(await cpuSamples(browser, p, cookies)),
      };
      rows.push(row);
      log(
        `${p.name}: first ${row.first.toFixed(0)} ms, cold ${row.cold.toFixed(0)} ms, warm ${row.warm.toFixed(0)} ms (medians of ${loads}), API ${row.api?.toFixed(0) ?? '—'} ms, main-thread CPU ${row.cpu.toFixed(0)} ms`,
      );
    }
    const views = await stored();
    report(rows, goalCount, views);
  } finally {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    if (!reuse) {
      await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

type Row = {
  name: string;
  path: string;
  first: number;
  cold: number;
  coldMax: number;
  warm: number;
  warmMax: number;
  coldKb: number;
  warmKb: number;
  api: number | null;
  cpu: number;
};

/** How long the stored dashboard views took to compute at the end of the demo load. */
async function stored() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const r = await c.query<{ name: string; variant: string; compute_ms: number }>(
      'select name, variant, compute_ms from dashboard_views order by name, variant',
    );
    return r.rows;
  } finally {
    await c.end();
  }
}

function report(rows: Row[], goals: number, views: { name: string; variant: string; compute_ms: number }[]) {
  const login = rows[0]!;
  const dash = rows.slice(1);
  const ok = dash.every((r) => r.cold < 1000 && r.warm < 1000);
  const x = (v: number, b: number) => (v / b).toFixed(2);
  const market = views.filter((v) => v.name === 'market');
  const goalViews = views.filter((v) => v.name === 'goal-referrals');
  const lines = [
    '<!-- bench:dashboards:start -->',
    '## Dashboards render time (`npm run bench:dashboards`)',
    '',
    `Run ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'} (shared machine, load average ${os.loadavg()[0]!.toFixed(1)} at the end), Node ${process.version}, PostgreSQL, the synthetic demo market (${goals} goals), headless Debian Chromium ${chromiumVersion} (${keepBrowserUi ? 'with its own defaults' : 'its hidden omnibox WebUI preloading switched off: bench/dashboards/chromiumArgs.ts'}), 1360×860, plain HTTP on loopback (so gzip, not brotli).`,
    '',
    `**Rendered** = from navigation start until the page's own signal: every query behind it has answered (\`.page[data-loaded="true"]\`) and no chart, map or panel still holds the render gate (\`src/web/ui/renderGate.ts\`: an ECharts chart releases it when setOption returns, which paints the data synchronously (charts have no entry animation, so that frame is the data), a map once its outlines and choropleth are drawn). **Cold** = a signed-in user's first visit (fresh browser context: empty HTTP cache, no service worker). **Warm** = the same page opened again in a new tab of that context once the service worker is installed (a returning user; hashed assets are served with \`Cache-Control: immutable\`). Medians of ${loads} fresh contexts per page; ×baseline = the dashboard's median ÷ the login page's median in this run (the machine is shared, so ratios travel better than milliseconds). **first** = the first visit of the page after the server started. **API** = median server time of the page's data calls, made one after another from Node in the same session. **Main-thread CPU** = thread time of the renderer's main thread from navigation start to the render signal, median of \`BENCH_CPU_LOADS\` (3) more cold visits traced apart from the timed ones (\`bench/dashboards/mainThread.ts\`): the work the page makes the browser do, which a busy machine does not stretch the way it stretches wall time.`,
    '',
    '| page | path | cold median ms | ×baseline | warm median ms | ×baseline | cold max / warm max ms | first ms | API ms | main-thread CPU ms | cold / warm KB transferred |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.cold.toFixed(0)} | ${x(r.cold, login.cold)} | ${r.warm.toFixed(0)} | ${x(r.warm, login.warm)} | ${r.coldMax.toFixed(0)} / ${r.warmMax.toFixed(0)} | ${r.first.toFixed(0)} | ${r.api === null ? '—' : r.api.toFixed(0)} | ${r.cpu.toFixed(0)} | ${r.coldKb.toFixed(0)} / ${r.warmKb.toFixed(0)} |`,
    ),
    '',
    `Stored views computed by the demo load's referral import (\`dashboard_views\`): market overview ${market.length} variants (all lines + each offered line) in ${market.reduce((s, v) => s + v.compute_ms, 0)} ms in all; return on visit ${
      views
        .filter((v) => v.name === 'return-on-visit')
        .map((v) => `${v.compute_ms} ms`)
        .join(', ') || '—'
    }; referral goal measurements ${goalViews.length} (${goalViews.reduce((s, v) => s + v.compute_ms, 0)} ms in all).`,
    '',
    "What keeps them fast: the app's HTML names what a dashboard opened by a signed-in browser will ask for — the session, the system info, the page's data URLs and its code chunks (`src/server/lib/startHints.ts`, URLs from `src/core/dashboards/startRequests.ts`, chunks from Vite's build manifest) — so the browser fetches them while it parses and evaluates the app; the app's first module (`src/web/app/earlyStart.ts`) asks who is signed in, the system info and, opened on a dashboard, the page's code and data before React's own code is evaluated (they used to wait for it: 150–300 ms of main thread on this machine, and the session check then held the page back further); charts are sized from a ResizeObserver, not by echarts.init reading their box (each read forced a layout of the whole page, one per chart); theme colours are read once per theme; the first look at the offline outbox (opening IndexedDB) waits for the first render; the service worker uses navigation preload (warm visits no longer wait for it to boot before the page is requested); the market overview and return on visit are read from stored views (`dashboard_views`) that each referral import refreshes (`src/commands/dashboards/marketView.ts`, `returnOnVisit.ts`), so no visitor waits for a computation (the previous timed warm-up is gone; before, the first overview after a start took 21 s); so are the referral goals' measurements (`src/commands/goals/referralMeasures.ts`: each scans the monthly rollup, 70–100 ms apiece on the demo; a request measures and stores only those missing), while CRM goals are small indexed counts measured on each request — no per-process goal cache, so a server restart costs the first visitor nothing; referral imports ANALYZE the facts and the rollup (without it a fresh import plans the market queries as nested loops over the whole rollup: 8–14 s for risers and fallers on the demo, 0.15–0.25 s after); the app opened on a dashboard fetches the page's code and data while it checks the session, and with that code its chart library (started from the page's own module, ECharts arrived after the Team data on a cold visit); charts draw without an entry animation (setOption then paints the data itself, not bars at zero, and no animation frames compete with the other panels for a second after) and a chart's ResizeObserver only resizes it when its box really changed; ECharts is built from the parts used (615 kB instead of 1.1 MB before compression), Team's county map is one SVG (`src/web/ui/ChoroplethMap.tsx`: d3-geo paths; the Leaflet map it replaced brought a 150 kB chunk and forced page layouts while it mounted) of only the counties of the market's states, whose outlines are fetched as soon as the Team data arrives; a chart draws in the ResizeObserver callback that sizes it, with no React render in between; skeletons pulse in opacity after half a second instead of repainting a moving gradient on every frame while the page loads; the service worker is registered once the first page has rendered (its install downloads every built file, which on a first visit competed with the page); tables under 80 rows run no virtualizer (it measured its box on mount: a forced page layout per table, eight on Team) and the bundle takes react-router's production build; hashed assets are sent precompressed with a one-year immutable Cache-Control.",
    '',
    'Before this work (commit 43e6740, the previous measure: cold visits only, rows on screen and no skeleton as the signal, a quiet machine): login 1 153 ms, Today 1 365 (1.18× the login page), Team 2 265 (1.96×), Market overview 1 876 (1.63×; first visit 21 291), Goals 2 000 (1.73×).',
    '',
    "Before the stored goal measurements (commit c66b435; its 08:59Z run, load average 3–7): cold / warm medians login page 996 / 967 ms, Today 843 / 713, Team 1 150 / 851, Market overview 929 / 776, Goals 853 / 744; Team's first visit after a start 2 451 ms (09:07Z run, load average 6–10), when goal progress was cached per process.",
    '',
    'Before the early start (commit c283b0e, 2026-11-27T12:4xZ, a quiet machine, load average 0.1–4.1): cold / warm medians login page 1 045 / 1 119 ms, Today 894 / 971, Team 1 058 / 1 094, Market overview 885 / 899, Goals 914 / 868.',
    '',
    `Target: each dashboard under 1 000 ms (median, cold and warm) — ${ok ? 'met' : 'NOT met'} in this run.`,
    '',
    'Reproduce: `BENCH_LOADS=7 npm run bench:dashboards` (env BENCH_LOADS, BENCH_PAGES, BENCH_DATABASE_URL, BENCH_PORT; BENCH_REUSE_DATABASE_URL + BENCH_REUSE_DATA_DIR measure an already running demo server, for quick iterations only).',
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
