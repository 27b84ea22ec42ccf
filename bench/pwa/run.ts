// npm run bench:pwa — the Lighthouse-style PWA checks (bench/pwa/checks.ts) against a running Rounds
// server, in Debian's Chromium on a 360×740 touch viewport, plus timings: service worker ready, offline
// cold start of start_url, and the precache size. Prints a JSON report; exits 1 when a check fails.
//   PWA_URL=http://127.0.0.1:3000 PWA_EMAIL=… PWA_PASSWORD=… [PWA_SEED_STOPS=3] npm run bench:pwa
import { chromium } from '@playwright/test';
import { installability, offlineStart, phoneAccessibility } from './checks';
import { seedFieldDay, waitForOfflineReady } from './seed';

const url = process.env.PWA_URL ?? 'http://127.0.0.1:3000';
const email = process.env.PWA_EMAIL;
const password = process.env.PWA_PASSWORD;
const seedStops = Number(process.env.PWA_SEED_STOPS ?? 3);
if (!email || !password) {
  console.error(
    'PWA_EMAIL and PWA_PASSWORD: a staff user (admin, manager or liaison) on the server at PWA_URL',
  );
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; functions handed to
  // page.evaluate run in the page, where that helper does not exist.
  await context.addInitScript('globalThis.__name ??= (f) => f;');
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  if (seedStops > 0) await seedFieldDay(page.request, `Bench PWA ${Date.now()}`, seedStops);
  const t0 = Date.now();
  await page.goto('/field');
  await waitForOfflineReady(page);
  const swReadyMs = Date.now() - t0;
  const { checks, manifest } = await installability(page);
  const precache = await page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.startsWith('rounds-shell-'));
    if (!name) return { files: 0, bytes: 0 };
    const c = await caches.open(name);
    let bytes = 0;
    const keys = await c.keys();
    for (const k of keys) bytes += (await (await c.match(k))!.arrayBuffer()).byteLength;
    return { files: keys.length, bytes };
  });
  const t1 = Date.now();
  const offline = await offlineStart(
    page,
    context,
    manifest?.start_url ?? '/',
    /Next stop|done or logged|No route planned/,
  );
  const offlineStartMs = Date.now() - t1;
  const a11y = await phoneAccessibility(page);
  const all = [...checks, ...offline, ...a11y];
  const report = {
    url,
    viewport: '360x740 touch',
    passed: all.filter((c) => c.ok).length,
    failed: all.filter((c) => !c.ok).length,
    timings: { serviceWorkerAndDataCachedMs: swReadyMs, offlineStartMs },
    precache: { files: precache.files, kB: Math.round(precache.bytes / 1024) },
    checks: all,
  };
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.failed ? 1 : 0;
} finally {
  await browser.close();
}
