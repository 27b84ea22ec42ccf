// Start hints: the app's HTML, when a browser opens an address directly (a bookmark, a reload, a link),
// names what the app will ask for first, so the browser fetches it while it parses and evaluates the
// app instead of after: the session and system info (every page), and on a dashboard, for a browser
// that carries a session cookie, the page's own code (modulepreload, from Vite's build manifest) and
// its data (preload as fetch: the app's own fetch of the same URL takes the preloaded answer).
// On a 2-core machine the app's code takes ≈ 150–250 ms to evaluate; the data used to wait for it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dashboardStartRequests, utcToday } from '../../core/dashboards/startRequests';

type ManifestChunk = { file: string; imports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;

/** The modules each dashboard loads at once (routes.tsx's DASHBOARDS: the page and its chart library). */
const PAGE_MODULES: Record<string, string[]> = {
  '/today': ['pages/Today/index.tsx'],
  '/team': ['pages/Team/index.tsx', 'ui/echartsModular.ts'],
  '/executive': ['pages/Executive/index.tsx', 'ui/echartsModular.ts'],
  '/goals': ['pages/Goals/index.tsx', 'ui/echartsModular.ts'],
};
const EVERY_PAGE = ['/api/auth/me', '/api/system/info'];

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const fetchHint = (url: string) => `<link rel="preload" as="fetch" crossorigin href="${escapeAttr(url)}">`;

/** The files (JS, CSS) a manifest entry needs, its static imports included, in load order. */
export function chunkFiles(manifest: Manifest, entries: string[]) {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || js.has(c.file)) return;
    js.add(c.file);
    for (const i of c.imports ?? []) visit(i);
    for (const f of c.css ?? []) css.add(f);
  };
  for (const e of entries) visit(e);
  return { js: [...js], css: [...css] };
}

export type StartHints = (url: string, signedIn: boolean, today?: string) => string;

/** Builds the HTML for an address from the built index.html (and its manifest, when there is one). */
export function startHints(indexHtml: string, manifest: Manifest | null): StartHints {
  // What index.html loads already is not named twice.
  const entry = manifest ? chunkFiles(manifest, ['index.html']) : { js: [], css: [] };
  const loaded = new Set([...entry.js, ...entry.css]);
  const codeHints: Record<string, string[]> = {};
  for (const [page, entries] of Object.entries(PAGE_MODULES)) {
    if (!manifest || !entries.every((e) => manifest[e])) continue;
    const { js, css } = chunkFiles(manifest, entries);
    codeHints[page] = [
      ...js.filter((f) => !loaded.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
      ...css
        .filter((f) => !loaded.has(f))
        .map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
    ];
  }
  const common = EVERY_PAGE.map(fetchHint);
  // Before the line that closes the head.
  const close = indexHtml.indexOf('</head>');
  if (close < 0) return () => indexHtml;
  const at = indexHtml.lastIndexOf('\n', close) + 1;
  return (url, signedIn, today = utcToday()) => {
    const u = new URL(url, 'http://x');
    const page = signedIn
      ? [
          ...dashboardStartRequests(u.pathname, u.searchParams, today).map(fetchHint),
          ...(codeHints[u.pathname] ?? []),
        ]
      : [];
    const hints = [...common, ...page].map((h) => `    ${h}\n`).join('');
    return `${indexHtml.slice(0, at)}${hints}${indexHtml.slice(at)}`;
  };
}

/** Reads dist/web's index.html and build manifest; null when the web app is not built. */
export function loadStartHints(webDist: string): StartHints | null {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return null;
  const manifestFile = path.join(webDist, '.vite', 'manifest.json');
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest)
    : null;
  return startHints(readFileSync(index, 'utf8'), manifest);
}
