// The phone's sync loop, free of browser APIs so it runs in tests against the real endpoint: take the
// outbox in the order things were done, send in batches, settle each item by the server's answer.
// Applied → gone from the outbox. Conflict / rejected → kept, shown to the user (never dropped).
// A network failure, or an item the server could not store (error / skipped), stops the loop; the
// same items go again next time with the same idempotency keys, so nothing is written twice.

export type SyncKind = 'activity' | 'note' | 'task' | 'issue' | 'checkin';

export type OutboxItem = {
  idempotencyKey: string;
  kind: SyncKind;
  baseVersion?: number;
  payload: Record<string, unknown>;
  /** Order of creation on this device (sync applies in this order). */
  seq: number;
  createdAt: string;
  /** What the user sees in the unsynced list, e.g. "Visit · Lakeside Family Practice". */
  label: string;
  state: 'pending' | 'conflict' | 'rejected';
  attempts: number;
  detail?: string;
  /** For conflicts: the record as it is on the server now, and which fields changed since. */
  current?: unknown;
  changedFields?: unknown;
};

export type ServerResult = {
  idempotencyKey: string;
  status: 'applied' | 'conflict' | 'rejected' | 'error' | 'skipped';
  replayed: boolean;
  record?: { id: number; version: number | null; entity: string };
  detail?: string;
  current?: unknown;
  changedFields?: unknown;
};
export type SyncResponse = { results: ServerResult[] };

export interface OutboxStore {
  /** Items still to send, in seq order. */
  pending(): Promise<OutboxItem[]>;
  remove(key: string): Promise<void>;
  update(item: OutboxItem): Promise<void>;
}

export type Transport = (
  items: Pick<OutboxItem, 'idempotencyKey' | 'kind' | 'baseVersion' | 'payload'>[],
) => Promise<SyncResponse>;

export type DrainReport = {
  batches: number;
  applied: number;
  conflicts: number;
  rejected: number;
  /** Why the loop stopped before the outbox was empty (offline, server trouble), if it did. */
  stopped: string | null;
};

export async function drainOutbox(
  store: OutboxStore,
  send: Transport,
  opts: { batchSize?: number; maxBatches?: number } = {},
): Promise<DrainReport> {
  const size = opts.batchSize ?? 20;
  const report: DrainReport = { batches: 0, applied: 0, conflicts: 0, rejected: 0, stopped: null };
  while (report.batches < (opts.maxBatches ?? 50)) {
    const batch = (await store.pending()).slice(0, size);
    if (!batch.length) return report;
    report.batches++;
    let res: SyncResponse;
    try {
      res = await send(
        batch.map(({ idempotencyKey, kind, baseVersion, payload }) => ({
          idempotencyKey,
          kind,
          baseVersion,
          payload,
        })),
      );
    } catch (e) {
      for (const item of batch) await store.update({ ...item, attempts: item.attempts + 1 });
      report.stopped = (e as Error).message || 'network error';
      return report;
    }
    const byKey = new Map(res.results.map((r) => [r.idempotencyKey, r]));
    let incomplete = false;
    for (const item of batch) {
      const r = byKey.get(item.idempotencyKey);
      if (!r || r.status === 'error' || r.status === 'skipped') {
        incomplete = true;
        await store.update({ ...item, attempts: item.attempts + 1, detail: r?.detail });
      } else if (r.status === 'applied') {
        report.applied++;
        await store.remove(item.idempotencyKey);
      } else {
        if (r.status === 'conflict') report.conflicts++;
        else report.rejected++;
        await store.update({
          ...item,
          state: r.status,
          attempts: item.attempts + 1,
          detail: r.detail,
          current: r.current,
          changedFields: r.changedFields,
        });
      }
    }
    if (incomplete) {
      report.stopped = 'the server could not store every item; they will be sent again';
      return report;
    }
  }
  return report;
}

/** A memory outbox (tests, and the fallback when IndexedDB is unavailable). */
export function memoryOutbox(items: OutboxItem[] = []): OutboxStore & { all(): OutboxItem[] } {
  const map = new Map(items.map((i) => [i.idempotencyKey, i]));
  return {
    all: () => [...map.values()].sort((a, b) => a.seq - b.seq),
    pending: async () => [...map.values()].filter((i) => i.state === 'pending').sort((a, b) => a.seq - b.seq),
    remove: async (k) => {
      map.delete(k);
    },
    update: async (i) => {
      map.set(i.idempotencyKey, i);
    },
  };
}
