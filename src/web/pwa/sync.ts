// Runs the sync loop in the page: when the connection comes back, every 20 s while items wait, and right
// after something is saved. One run at a time per tab (and per device, through a Web Lock when the
// browser has them); the server's idempotency keys make an overlap harmless anyway.
import { api, setCsrfToken } from '../api/client';
import { hasPending, onOutboxChange, outboxFor } from './outbox';
import { type DrainReport, drainOutbox, type SyncResponse } from './syncEngine';

export type SyncState = {
  online: boolean;
  syncing: boolean;
  lastReport: DrainReport | null;
  lastSyncedAt: string | null;
};

let state: SyncState = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  lastReport: null,
  lastSyncedAt: null,
};
const listeners = new Set<() => void>();
const syncedListeners = new Set<(r: DrainReport) => void>();

function set(patch: Partial<SyncState>) {
  state = { ...state, ...patch };
  for (const fn of listeners) fn();
}
export const getSyncState = () => state;
export function subscribeSync(fn: () => void) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
/** Called after a run that stored something (pages refresh their data). */
export function onSynced(fn: (r: DrainReport) => void) {
  syncedListeners.add(fn);
  return () => syncedListeners.delete(fn);
}

async function runOnce(): Promise<void> {
  // No network call (and no session activity) unless something is waiting.
  if (!(await hasPending())) return;
  set({ syncing: true });
  const me = await api<{ user: { id: number } | null; csrfToken: string | null }>('/api/auth/me');
  if (!me.user) return;
  if (me.csrfToken) setCsrfToken(me.csrfToken);
  const store = outboxFor(me.user.id);
  if (!(await store.pending()).length) return;
  const report = await drainOutbox(
    store,
    (items) => api<SyncResponse>('/api/sync', { method: 'POST', body: { items } }),
    { batchSize: 25 },
  );
  set({ lastReport: report, lastSyncedAt: report.stopped ? state.lastSyncedAt : new Date().toISOString() });
  if (report.applied || report.conflicts || report.rejected) for (const fn of syncedListeners) fn(report);
}

let running: Promise<void> | null = null;
let again = false;

export function requestSync(): Promise<void> {
  if (!navigator.onLine) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  const locked = (fn: () => Promise<void>) =>
    'locks' in navigator ? navigator.locks.request('rounds-sync', fn) : fn();
  running = (async () => {
    try {
      do {
        again = false;
        await locked(runOnce);
      } while (again);
    } catch (e) {
      // Offline, server down, signed out: the items stay in the outbox for the next run.
      set({
        lastReport: { batches: 0, applied: 0, conflicts: 0, rejected: 0, stopped: (e as Error).message },
      });
    } finally {
      running = null;
      if (state.syncing) set({ syncing: false });
    }
  })();
  return running;
}

let started = false;
/** Listens for the network and the outbox now; the first look at the outbox waits for `firstRun`. */
export function startSync(firstRun: Promise<void> = Promise.resolve()) {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => {
    set({ online: true });
    void requestSync();
  });
  window.addEventListener('offline', () => set({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void requestSync();
  });
  setInterval(() => {
    if (navigator.onLine && !running) void requestSync();
  }, 20_000);
  onOutboxChange(() => {
    for (const fn of listeners) fn();
  });
  void firstRun.then(requestSync);
}
