// Rounds service worker (plain JS: the build injects PRECACHE and VERSION; see vitePlugin.ts).
// - The app shell (index.html and every built asset) is precached at install, so the app starts offline.
// - Page loads go to the network first and fall back to the cached shell; with navigation preload the
//   browser starts that request while it boots this worker instead of after.
// - A few GET APIs the field app needs offline (who am I, the day's bundle, system info) are network-first
//   with the last answer kept; every other API call goes straight to the network (nothing else is stored
//   on the device). Signing out clears the stored answers.
// - Writes are never handled here: the app keeps them in its IndexedDB outbox and syncs them itself.
/* global self, caches, fetch, Response, URL */
const PRECACHE = self.__PRECACHE__;
const VERSION = self.__VERSION__;
const SHELL = `rounds-shell-${VERSION}`;
const DATA = 'rounds-data-v1';
const OFFLINE_APIS = [/^\/api\/auth\/me$/, /^\/api\/field\/bundle$/, /^\/api\/system\/info$/];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(['/', ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('rounds-shell-') && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.registration.navigationPreload?.enable())
      .then(() => self.clients.claim()),
  );
});

// register.ts asks for this when its page loaded uncontrolled after the worker's own claim had run.
self.addEventListener('message', (event) => {
  if (event.data === 'claim') event.waitUntil(self.clients.claim());
});

async function shellPage(event) {
  try {
    const res = (await event.preloadResponse) ?? (await fetch(event.request));
    if (res.ok) return res;
    throw new Error(`status ${res.status}`);
  } catch {
    const cached = await caches.match('/', { cacheName: SHELL });
    return cached ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) (await caches.open(SHELL)).put(request, res.clone());
  return res;
}

async function networkFirstApi(request) {
  const cache = await caches.open(DATA);
  try {
    // Fetched apart from the page's request, and stored only once read in full: when the page stops
    // waiting (it navigates, a query is cancelled) Chromium aborts a fetch made with the page's request,
    // and an aborted cache write would drop the answer already stored — the one the phone needs offline.
    const res = await fetch(request.url, { credentials: 'same-origin', headers: request.headers });
    if (res.ok) {
      const body = await res.clone().arrayBuffer();
      await cache.put(request.url, new Response(body, { status: res.status, headers: res.headers }));
    } else if (res.status === 401) await caches.delete(DATA);
    return res;
  } catch (e) {
    const cached = await cache.match(request.url);
    if (!cached) throw e;
    const headers = new Headers(cached.headers);
    headers.set('x-rounds-cached', cached.headers.get('date') ?? 'yes');
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    event.respondWith(caches.delete(DATA).then(() => fetch(request)));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(shellPage(event));
    return;
  }
  if (OFFLINE_APIS.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirstApi(request));
    return;
  }
  // built files; county outlines per state (geo/) join the cache the first time a map draws them
  if (PRECACHE.includes(url.pathname) || url.pathname.startsWith('/geo/counties-'))
    event.respondWith(cacheFirst(request));
});
