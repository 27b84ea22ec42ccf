// Loaded by index.html next to the app (added by the PWA build plugin): registers the service worker
// (production builds only; in dev Vite serves modules that must never be cached) once the first page has
// rendered, and starts the sync loop (its first look at the IndexedDB outbox also waits for the first
// render: opening the database costs ≈ 100 ms of main thread on a first visit). TanStack Query is told the network is always worth trying:
// offline, the service worker answers the cached field data, and a query that cannot be answered fails
// with a message instead of waiting silently for a connection.
import { onlineManager } from '@tanstack/react-query';
import { startSync } from './sync';

onlineManager.setEventListener((setOnline) => {
  setOnline(true);
  return () => {};
});

/** Once the worker controls the page, fetch who-am-I and today's bundle through it so they are cached. */
function warmOfflineData() {
  const d = new Date();
  const z = (n: number) => String(n).padStart(2, '0');
  const today = `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())}`;
  void fetch('/api/auth/me', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : null))
    .then((me: { user: { role: string } | null } | null) => {
      if (me?.user && me.user.role !== 'analyst')
        return fetch(`/api/field/bundle?date=${today}`, { credentials: 'same-origin' });
      return undefined;
    })
    .catch(() => {});
}

/**
 * Resolves once the page the app opened on has drawn its data (a `.page` not loading, no chart or map
 * holding the render gate, ui/renderGate.ts, no skeleton), or after `maxMs` for screens that do not
 * report it. Installing the worker downloads every built file; on a first visit that would compete with
 * the page's own requests and main thread.
 */
function afterFirstRender(maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const rendered = () =>
      !!document.querySelector('.page') &&
      !document.querySelector('.page[data-loaded="false"], .skel') &&
      (document.documentElement.dataset.renderPending ?? '0') === '0';
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => rendered() && done());
    const timer = setTimeout(done, maxMs);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    if (rendered()) done();
  });
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.addEventListener('controllerchange', warmOfflineData);
  window.addEventListener('load', () => {
    void afterFirstRender(3000)
      .then(() => navigator.serviceWorker.register('/sw.js', { scope: '/' }))
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        // A page whose navigation left before the worker activated, but loaded after its claim, stays
        // uncontrolled for its whole life (an SPA never navigates again): no offline data, no offline
        // start. The worker is asked to claim it.
        if (!navigator.serviceWorker.controller) reg.active?.postMessage('claim');
      })
      .catch((e: unknown) => {
        console.warn('Rounds: the offline service worker could not be registered', e);
      });
  });
}

startSync(afterFirstRender(3000));
