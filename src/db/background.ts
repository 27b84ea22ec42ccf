// Work started without waiting for it (e.g. refreshing the stored dashboard views after a FHIR referral
// arrives), tracked per database: closing the database first marks it closing (long refreshes stop
// between steps) and waits for that work, instead of pulling the connection out from under it.
import { asBackground } from './backgroundPriority';

type State = { closing: boolean; tasks: Set<Promise<void>>; queued: Map<string, QueuedRun> };
type QueuedRun = { running: boolean; again: boolean };
// Keyed by the Kysely instance (any object: the state is per database handle).
const states = new WeakMap<object, State>();

function stateOf(db: object): State {
  let s = states.get(db);
  if (!s) {
    s = { closing: false, tasks: new Set(), queued: new Map() };
    states.set(db, s);
  }
  return s;
}

/** True once closeBackground(db) was called: background work should stop at its next step. */
export const isClosing = (db: object) => states.get(db)?.closing ?? false;

/**
 * Runs `task` without waiting for it, one run per `key` at a time: a call while one runs queues exactly
 * one more (any number of calls during a run cause one rerun). Nothing starts once the database is
 * closing. Errors go to `onError`.
 */
export function runInBackground(
  db: object,
  key: string,
  task: () => Promise<unknown>,
  onError: (e: unknown) => void,
) {
  const s = stateOf(db);
  if (s.closing) return;
  const q = s.queued.get(key) ?? { running: false, again: false };
  s.queued.set(key, q);
  if (q.running) {
    q.again = true;
    return;
  }
  q.running = true;
  const p: Promise<void> = asBackground(task)
    .then(() => {}, onError)
    .finally(() => {
      s.tasks.delete(p);
      q.running = false;
      if (q.again && !s.closing) {
        q.again = false;
        runInBackground(db, key, task, onError);
      }
    });
  s.tasks.add(p);
}

/** Marks the database closing and waits for its background work (call before destroying it). */
export async function closeBackground(db: object) {
  const s = states.get(db);
  if (!s) return;
  s.closing = true;
  while (s.tasks.size) await Promise.allSettled([...s.tasks]);
}
