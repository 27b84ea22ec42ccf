// Lighthouse-style checks that run locally in Playwright + Chromium (no Lighthouse download):
// installability (manifest fields, 192/512 PNG icons, a service worker controlling the page), offline
// start (start_url loads from the service worker with the network off), and phone accessibility basics
// (labels, accessible names, text contrast, touch target size). Used by e2e/field-pwa.spec.ts and by
// `npm run bench:pwa` against any running server.
import type { BrowserContext, Page } from '@playwright/test';

export type Check = { name: string; ok: boolean; detail: string };

type Manifest = {
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: { src: string; sizes: string; type?: string; purpose?: string }[];
};

/** PNG width × height from the IHDR chunk. */
function pngSize(buf: Buffer): [number, number] | null {
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47) return null;
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

export async function installability(page: Page): Promise<{ checks: Check[]; manifest: Manifest | null }> {
  const checks: Check[] = [];
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  checks.push({ name: 'manifest linked', ok: !!href, detail: href ?? 'no <link rel="manifest">' });
  if (!href) return { checks, manifest: null };
  const res = await page.request.get(new URL(href, page.url()).toString());
  const manifest = (await res.json().catch(() => null)) as Manifest | null;
  checks.push({
    name: 'manifest served as JSON',
    ok: res.ok() && !!manifest,
    detail: `${res.status()} ${res.headers()['content-type']}`,
  });
  if (!manifest) return { checks, manifest };
  const fields: [string, boolean][] = [
    ['name or short_name', !!(manifest.name || manifest.short_name)],
    ['start_url', !!manifest.start_url],
    [
      'display standalone/fullscreen/minimal-ui',
      ['standalone', 'fullscreen', 'minimal-ui'].includes(manifest.display ?? ''),
    ],
    ['theme_color', !!manifest.theme_color],
    ['background_color', !!manifest.background_color],
  ];
  for (const [f, ok] of fields)
    checks.push({ name: `manifest ${f}`, ok, detail: ok ? 'present' : 'missing or invalid' });
  for (const size of [192, 512]) {
    const icon = manifest.icons?.find(
      (i) => i.sizes.split(/\s+/).includes(`${size}x${size}`) && (i.purpose ?? 'any').includes('any'),
    );
    if (!icon) {
      checks.push({ name: `icon ${size}×${size}`, ok: false, detail: 'not in manifest' });
      continue;
    }
    const r = await page.request.get(new URL(icon.src, page.url()).toString());
    const dims = r.ok() ? pngSize(await r.body()) : null;
    checks.push({
      name: `icon ${size}×${size}`,
      ok:
        !!dims &&
        dims[0] === size &&
        dims[1] === size &&
        (r.headers()['content-type'] ?? '').includes('image/png'),
      detail: `${icon.src}: ${r.status()} ${dims ? dims.join('×') : 'not a PNG'}`,
    });
  }
  const sw = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return null;
    const reg = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
    ]);
    return reg
      ? {
          script: reg.active?.scriptURL ?? '',
          scope: reg.scope,
          controlled: !!navigator.serviceWorker.controller,
        }
      : null;
  });
  checks.push({
    name: 'service worker active',
    ok: !!sw?.script,
    detail: sw ? `${sw.script} scope ${sw.scope}` : 'none registered',
  });
  // Lighthouse's installability also wants a worker that handles fetch (what lets the app start offline).
  const swSource = sw?.script ? await (await page.request.get(sw.script)).text() : '';
  const fetchHandler = /addEventListener\(\s*['"]fetch['"]/.test(swSource);
  checks.push({
    name: 'service worker has a fetch handler',
    ok: fetchHandler,
    detail: fetchHandler ? 'addEventListener("fetch") found' : 'no fetch listener in the worker script',
  });
  checks.push(await precacheServed(page, swSource));
  checks.push({
    name: 'service worker controls the page',
    ok: !!sw?.controlled,
    detail: sw?.controlled ? 'navigator.serviceWorker.controller set' : 'page not controlled',
  });
  return { checks, manifest };
}

/**
 * Every file the worker precaches is served as itself: a missing one would fail the install on a real
 * 404 or, answered by the app's page, cache HTML under a script's name.
 */
async function precacheServed(page: Page, swSource: string): Promise<Check> {
  const list = swSource.match(/const PRECACHE = (\[[^\]]*\]);/)?.[1];
  if (!list) return { name: 'precached files served', ok: false, detail: 'no PRECACHE list in the worker' };
  const bad: string[] = [];
  for (const file of JSON.parse(list) as string[]) {
    const r = await page.request.get(new URL(file, page.url()).toString());
    const type = r.headers()['content-type'] ?? '';
    if (!r.ok() || type.includes('text/html')) bad.push(`${file}: ${r.status()} ${type}`);
  }
  const missing = await page.request.get(new URL('/assets/not-built.js', page.url()).toString());
  if (missing.status() !== 404) bad.push(`/assets/not-built.js: ${missing.status()}, not 404`);
  return {
    name: 'precached files served',
    ok: bad.length === 0,
    detail: bad.length ? bad.join('; ') : `${JSON.parse(list).length} files`,
  };
}

/** With the network off, start_url must load from the service worker and render the app. */
export async function offlineStart(
  page: Page,
  context: BrowserContext,
  startUrl: string,
  expectText: RegExp,
): Promise<Check[]> {
  await context.setOffline(true);
  try {
    const t0 = Date.now();
    const res = await page.goto(startUrl);
    const shown = await page
      .getByText(expectText)
      .first()
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    return [
      {
        name: 'start_url answers 200 offline',
        ok: res?.status() === 200,
        detail: `status ${res?.status() ?? 'none'}`,
      },
      {
        name: 'start_url served by the service worker',
        ok: !!res?.fromServiceWorker(),
        detail: res?.fromServiceWorker() ? 'yes' : 'no',
      },
      {
        name: 'app renders offline',
        ok: shown,
        detail: shown ? `"${expectText.source}" visible after ${Date.now() - t0} ms` : 'not visible',
      },
    ];
  } finally {
    await context.setOffline(false);
  }
}

/** Labels, accessible names, contrast (WCAG AA 4.5:1 for body text), 44 px touch targets, no sideways scroll. */
export async function phoneAccessibility(page: Page): Promise<Check[]> {
  const width = page.viewportSize()?.width ?? 360;
  const r = await page.evaluate(() => {
    const visible = (el: Element) => {
      const b = (el as HTMLElement).getBoundingClientRect();
      return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const root = document.querySelector('main') ?? document.body;
    const unlabeled = [...root.querySelectorAll('input, textarea, select')]
      .filter(visible)
      .filter((el) => {
        const i = el as HTMLInputElement;
        return (
          i.type !== 'hidden' &&
          !i.labels?.length &&
          !i.getAttribute('aria-label') &&
          !i.getAttribute('aria-labelledby')
        );
      })
      .map((el) => el.outerHTML.slice(0, 80));
    const nameless = [...root.querySelectorAll('button, a[href]')]
      .filter(visible)
      .filter(
        (el) => !(el.textContent ?? '').trim() && !el.getAttribute('aria-label') && !el.getAttribute('title'),
      )
      .map((el) => el.outerHTML.slice(0, 80));
    const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (c: number) => {
        const x = c / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const bgOf = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3]! > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const lowContrast: string[] = [];
    let textNodes = 0;
    for (const el of root.querySelectorAll(
      'h1, h2, h3, p, span, a, button, li, dt, dd, label, legend, strong',
    )) {
      if (!visible(el) || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        continue;
      textNodes++;
      const fg = rgb(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [lum(fg), lum(bgOf(el))].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      if (ratio < 4.5)
        lowContrast.push(
          `${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`,
        );
    }
    const small = [...root.querySelectorAll('button, a.btn, .fld-choice')]
      .filter(visible)
      .filter((el) => (el as HTMLElement).getBoundingClientRect().height < 43.5)
      .map(
        (el) =>
          `${(el.textContent ?? '').trim().slice(0, 30)} ${Math.round((el as HTMLElement).getBoundingClientRect().height)}px`,
      );
    return {
      unlabeled,
      nameless,
      lowContrast,
      textNodes,
      small,
      lang: document.documentElement.lang,
      pageWidth: document.documentElement.scrollWidth,
      viewport: !!document.querySelector('meta[name="viewport"]'),
    };
  });
  return [
    { name: 'html lang and viewport meta', ok: !!r.lang && r.viewport, detail: `lang=${r.lang || 'none'}` },
    {
      name: 'form controls have labels',
      ok: !r.unlabeled.length,
      detail: r.unlabeled.join('; ') || 'all labelled',
    },
    {
      name: 'buttons and links have names',
      ok: !r.nameless.length,
      detail: r.nameless.join('; ') || 'all named',
    },
    {
      name: 'text contrast ≥ 4.5:1',
      ok: !r.lowContrast.length,
      detail: r.lowContrast.join('; ') || `${r.textNodes} text elements checked`,
    },
    { name: 'touch targets ≥ 44 px', ok: !r.small.length, detail: r.small.join('; ') || 'all ≥ 44 px' },
    {
      // A phone widens its layout to fit overflowing content, which shrinks the page and shifts taps.
      name: 'no sideways scrolling',
      ok: r.pageWidth <= width,
      detail: `page ${r.pageWidth} px wide in a ${width} px viewport`,
    },
  ];
}
