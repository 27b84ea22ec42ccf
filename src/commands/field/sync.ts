// Server side of offline sync: a batch of client mutations applied in order, each exactly once.
// Each item runs in its own transaction together with the insert of its idempotency key, so either
// both the write and the key are stored or neither is; a replay (the phone never saw the answer, or
// sent the batch twice) finds the key and gets the stored result. Conflicts and rejections are stored
// too, so a replay gets the same answer and nothing is silently dropped.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { SyncStatus } from '../../db/tables/field';
import { type Actor, CrmError } from '../crm/errors';
import { RouteError } from '../routes/types';
import { type Applied, applyMutation } from './apply';
import { PAYLOADS, type SyncItem } from './payloads';

export type SyncResult = {
  idempotencyKey: string;
  kind: string;
  /** applied | conflict | rejected: final. error: not stored, send again later. skipped: not tried. */
  status: SyncStatus | 'error' | 'skipped';
  /** True when this answer is the stored one from an earlier delivery of the same item. */
  replayed: boolean;
  record?: Applied;
  detail?: string;
  current?: unknown;
  changedFields?: unknown;
  yourVersion?: number;
};

export type SyncHooks = {
  /** Tests: runs inside each item's transaction after the write (throw to simulate a crash before commit). */
  beforeCommit?: (item: SyncItem, index: number) => void | Promise<void>;
};

class Outcome extends Error {
  constructor(readonly result: SyncResult) {
    super(result.detail);
  }
}

function finalOutcome(e: unknown, item: SyncItem): SyncResult | null {
  const base = { idempotencyKey: item.idempotencyKey, kind: item.kind, replayed: false };
  if (e instanceof CrmError) {
    if (e.status === 409 && 'current' in e.extra)
      return { ...base, status: 'conflict', detail: e.message, ...(e.extra as object) };
    return { ...base, status: 'rejected', detail: e.message };
  }
  if (e instanceof RouteError) return { ...base, status: 'rejected', detail: e.message };
  if (e instanceof z.ZodError) {
    const first = e.issues[0]!;
    const field = ['payload', ...first.path].join('.');
    return { ...base, status: 'rejected', detail: `${field}: ${first.message}` };
  }
  return null;
}

async function stored(db: Kysely<DB>, userId: number, key: string): Promise<SyncResult | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select('result')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { ...(row.result as SyncResult), replayed: true } : null;
}

async function store(db: Kysely<DB>, userId: number, r: SyncResult) {
  const ins = await db
    .insertInto('idempotency_keys')
    .values({
      key: r.idempotencyKey,
      user_id: userId,
      kind: r.kind,
      status: r.status as SyncStatus,
      result: JSON.stringify(r),
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!ins;
}

async function applyOne(db: Kysely<DB>, actor: Actor, item: SyncItem, i: number, hooks: SyncHooks) {
  const userId = actor.id!;
  const prior = await stored(db, userId, item.idempotencyKey);
  if (prior) return prior;
  try {
    return await db.transaction().execute(async (trx) => {
      // Claim the key first: a concurrent delivery of the same item waits here, then sees the key taken.
      const claimed = await store(trx, userId, {
        idempotencyKey: item.idempotencyKey,
        kind: item.kind,
        status: 'applied',
        replayed: false,
      });
      if (!claimed) throw new Outcome((await stored(trx, userId, item.idempotencyKey))!);
      const payload = PAYLOADS[item.kind].parse(item.payload);
      const record = await applyMutation(
        trx,
        actor,
        item.idempotencyKey,
        item.kind,
        payload,
        item.baseVersion,
      );
      const result: SyncResult = {
        ...{ idempotencyKey: item.idempotencyKey, kind: item.kind },
        status: 'applied',
        replayed: false,
        record,
      };
      await trx
        .updateTable('idempotency_keys')
        .set({ result: JSON.stringify(result) })
        .where('user_id', '=', userId)
        .where('key', '=', item.idempotencyKey)
        .execute();
      await hooks.beforeCommit?.(item, i);
      return result;
    });
  } catch (e) {
    if (e instanceof Outcome) return e.result;
    const final = finalOutcome(e, item);
    if (!final) throw e;
    // The write rolled back; keep the answer so a replay gets it without trying again.
    if (!(await store(db, userId, final))) return (await stored(db, userId, item.idempotencyKey))!;
    return final;
  }
}

/**
 * Applies `items` in order. An unexpected failure (database gone, a bug) stops the batch: that item
 * and the rest come back as error/skipped and the phone sends them again, in the same order.
 */
export async function applySyncBatch(
  db: Kysely<DB>,
  actor: Actor,
  items: SyncItem[],
  hooks: SyncHooks = {},
): Promise<{
  results: SyncResult[];
  applied: number;
  replayed: number;
  conflicts: number;
  rejected: number;
}> {
  if (actor.id === null) throw new CrmError('sync needs a signed-in user', 400);
  const results: SyncResult[] = [];
  const seen = new Set<string>();
  let failed = false;
  for (const [i, item] of items.entries()) {
    const base = { idempotencyKey: item.idempotencyKey, kind: item.kind, replayed: false };
    if (failed) {
      results.push({
        ...base,
        status: 'skipped',
        detail: 'not tried: an earlier item failed; it will be sent again',
      });
      continue;
    }
    if (seen.has(item.idempotencyKey)) {
      results.push({
        ...base,
        status: 'rejected',
        detail: `items[${i}].idempotencyKey: repeated in this batch`,
      });
      continue;
    }
    seen.add(item.idempotencyKey);
    try {
      results.push(await applyOne(db, actor, item, i, hooks));
    } catch (e) {
      failed = true;
      results.push({ ...base, status: 'error', detail: `not stored, will retry: ${(e as Error).message}` });
    }
  }
  const count = (f: (r: SyncResult) => boolean) => results.filter(f).length;
  return {
    results,
    applied: count((r) => r.status === 'applied' && !r.replayed),
    replayed: count((r) => r.replayed),
    conflicts: count((r) => r.status === 'conflict'),
    rejected: count((r) => r.status === 'rejected'),
  };
}

/** Drops keys older than `days` (visits stay deduplicated by their client id; other kinds could be stored again if replayed later). */
export async function pruneIdempotencyKeys(db: Kysely<DB>, days = 90) {
  const r = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
