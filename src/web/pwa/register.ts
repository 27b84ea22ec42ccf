// Loaded by index.html next to the app (added by the PWA build plugin): registers the service worker
// (production builds only; in dev Vite serves modules that must never be cached) and starts the sync
// loop. TanStack Query is told the network is always worth trying: offline, the service worker answers
// the cached field data, and a query that cannot be answered fails with a message instead of waiting
// silently for a connection.
import { onlineManager } from '@tanstack/react-query';
import { startSync } from './sync';

onlineManager.setEventListener((setOnline) => {
  setOnline(true);
  return () => {};
});

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e: unknown) => {
      console.warn('Rounds: the offline service worker could not be registered', e);
    });
  });
}

startSync();
