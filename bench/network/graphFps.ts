// Graph fluidity at 5,000 nodes in headless Debian Chromium (--disable-gpu, as the e2e config):
// bundles the Network page's renderers with a synthetic graph (bench/network/graph/harness.tsx),
// pans by dragging, and reports the interval between animation frames while panning (what a
// user feels) and, for sigma.js, how long each render call takes.
//   tsx bench/network/graphFps.ts [--nodes 5000] [--edges 25000] [--renderer sigma|canvas|both]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const nodes = Number(arg('nodes', '5000'));
const edges = Number(arg('edges', '25000'));
const which = arg('renderer', 'both');
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? +s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!.toFixed(1) : null;
};

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-graph-bench-'));
await build({
  entryPoints: [new URL('./graph/harness.tsx', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'iife', // a classic script: Chromium refuses module scripts from file://
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: path.join(dir, 'bench.js'),
  logLevel: 'warning',
});
writeFileSync(
  path.join(dir, 'index.html'),
  `<!doctype html><meta charset="utf-8"><style>body{margin:0}.network-canvas{width:1280px;height:760px;display:block}</style>
   <div id="root"></div><script src="bench.js"></script>`,
);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const results: Record<string, unknown> = {};
try {
  for (const renderer of which === 'both' ? ['sigma', 'canvas'] : [which]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    const t0 = Date.now();
    page.setDefaultTimeout(180_000);
    // tsx compiles the evaluate() callbacks below with esbuild's keepNames helper
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`file://${dir}/index.html?nodes=${nodes}&edges=${edges}&renderer=${renderer}`, {
      waitUntil: 'commit',
    });
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady);
    const el = page.locator('.network-canvas');
    await el.waitFor();
    // first full draw: two animation frames after the component mounted
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
    );
    const firstDrawMs = Date.now() - t0;
    const webgl = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const dbg = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && dbg ? String(gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL)) : null;
    });
    await page.evaluate(() => {
      const w = window as unknown as {
        frames: number[];
        renders: number[];
        __roundsSigma?: { on: (e: string, f: () => void) => void };
      };
      w.frames = [];
      w.renders = [];
      const tick = (t: number) => {
        w.frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      let start = 0;
      w.__roundsSigma?.on('beforeRender', () => {
        start = performance.now();
      });
      w.__roundsSigma?.on('afterRender', () => w.renders.push(performance.now() - start));
    });
    const box = (await el.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const panStart = await page.evaluate(() => performance.now());
    const s0 = Date.now();
    for (let i = 1; i <= 90; i++)
      await page.mouse.move(cx + 200 * Math.sin(i / 9), cy + 120 * Math.cos(i / 9) - 120);
    const panWallMs = Date.now() - s0;
    const panEnd = await page.evaluate(() => performance.now());
    await page.mouse.up();
    await page.waitForTimeout(600); // the settled frame (edges drawn again)
    const { frames, renders } = await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; renders: number[] };
      return { frames: w.frames, renders: w.renders };
    });
    const during = frames.filter((t) => t >= panStart && t <= panEnd);
    const intervals = during.slice(1).map((t, i) => t - during[i]!);
    results[renderer] = {
      webglRenderer: webgl,
      firstDrawMs,
      pan: {
        pointerMoves: 90,
        wallMs: panWallMs,
        frames: during.length,
        fps: +((during.length / (panEnd - panStart)) * 1000).toFixed(1),
        frameIntervalMs: { p50: q(intervals, 0.5), p95: q(intervals, 0.95), max: q(intervals, 1) },
      },
      ...(renderer === 'sigma'
        ? { renderCallMs: { p50: q(renders, 0.5), p95: q(renders, 0.95), count: renders.length } }
        : {}),
    };
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(
  `${JSON.stringify({ nodes, edges, loadAvg1m: +loadavg()[0]!.toFixed(1), ...results }, null, 2)}\n`,
);
