// The device outbox in IndexedDB: every visit, note, task, issue or check-in made on the phone is stored
// here first, then synced. Items belong to the user who made them (another user signing in on the same
// device never sends them). Changes are announced to every open tab.
import type { OutboxItem, OutboxStore } from './syncEngine';

export type StoredItem = OutboxItem & { userId: number };

const DB_NAME = 'rounds-field';
const STORE = 'outbox';
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('rounds-outbox') : null;
const listeners = new Set<() => void>();

export function onOutboxChange(fn: () => void) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function changed(broadcast = true) {
  for (const fn of listeners) fn();
  if (broadcast) channel?.postMessage('changed');
}
if (channel) channel.onmessage = () => changed(false);

let dbPromise: Promise<IDBDatabase> | null = null;
function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const s = req.result.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
      s.createIndex('user', 'userId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return dbPromise;
}

async function tx<T>(
  mode: IDBTransactionMode,
  fn: (s: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = fn(t.objectStore(STORE));
    t.oncomplete = () => resolve(req?.result as T);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error ?? new Error('outbox transaction aborted'));
  });
}

let lastSeq = 0;
/** Creation order that survives reloads: milliseconds, made strictly increasing within a session. */
export function nextSeq() {
  lastSeq = Math.max(Date.now(), lastSeq + 1);
  return lastSeq;
}

export function newKey(prefix: string) {
  return `${prefix}-${crypto.randomUUID()}`;
}

export async function listOutbox(userId: number): Promise<StoredItem[]> {
  const all = await tx<StoredItem[]>('readonly', (s) => s.index('user').getAll(userId));
  return all.sort((a, b) => a.seq - b.seq);
}

/** Whether anything waits to be sent, for any user (checked before asking the server who is signed in). */
export async function hasPending(): Promise<boolean> {
  const all = await tx<StoredItem[]>('readonly', (st) => st.getAll());
  return all.some((i) => i.state === 'pending');
}

export async function addToOutbox(item: StoredItem) {
  await tx('readwrite', (s) => s.put(item));
  changed();
}

export async function removeFromOutbox(key: string) {
  await tx('readwrite', (s) => s.delete(key));
  changed();
}

/** The sync engine's view of one user's outbox. */
export function outboxFor(userId: number): OutboxStore {
  return {
    pending: async () => (await listOutbox(userId)).filter((i) => i.state === 'pending'),
    remove: removeFromOutbox,
    update: async (item) => {
      await tx('readwrite', (s) => s.put({ ...item, userId }));
      changed();
    },
  };
}
