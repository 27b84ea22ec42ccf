// Main-thread CPU of one cold visit: the renderer's main thread, thread time (not wall time) summed over
// its tasks from navigation start until the page's render signal, from a Chromium trace. On a shared
// machine wall-clock render times stretch with the load; this is the work the page itself made the
// browser do, and moves only when the page's code does.
import type { Browser, Page } from 'playwright-core';

type TraceEvent = {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
};

export async function mainThreadCpuMs(
  browser: Browser,
  url: string,
  cookie: string | null,
  waitRendered: (page: Page) => Promise<number>,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  try {
    if (cookie) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url }]);
    }
    const page = await context.newPage();
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
    });
    await page.goto(url, { waitUntil: 'commit' });
    const renderedMs = await waitRendered(page);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    return cpuUntil(trace.traceEvents, new URL(url).host, renderedMs);
  } finally {
    await context.close();
  }
}

/** Thread time of the page's main-thread tasks from its navigation start to `renderedMs` after it. */
export function cpuUntil(events: TraceEvent[], host: string, renderedMs: number): number {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Chromium has other renderers (its own UI pages): the page's is the one whose events name `host`.
  const mentions = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && e.args && JSON.stringify(e.args).includes(host))
      mentions.set(key, (mentions.get(key) ?? 0) + 1);
  }
  const main = [...mentions].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error(`no renderer for ${host} in the trace`);
  const own = events.filter((e) => `${e.pid}:${e.tid}` === main);
  const nav = own.find(
    (e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').includes(host),
  );
  const start = nav?.ts ?? Math.min(...own.filter((e) => e.ts > 0).map((e) => e.ts));
  const end = start + renderedMs * 1000;
  let us = 0;
  for (const e of own)
    if (e.ph === 'X' && e.name === 'RunTask' && e.ts >= start && e.ts <= end) us += e.tdur ?? 0;
  return us / 1000;
}
