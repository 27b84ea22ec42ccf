import { describe, expect, it } from 'vitest';
import { drainOutbox, memoryOutbox, type OutboxItem, type ServerResult, type Transport } from './syncEngine';

const item = (n: number): OutboxItem => ({
  idempotencyKey: `key-${String(n).padStart(4, '0')}`,
  kind: 'task',
  payload: { title: `t${n}` },
  seq: n,
  createdAt: '2026-11-27T08:00:00Z',
  label: `Task ${n}`,
  state: 'pending',
  attempts: 0,
});
const answer =
  (status: ServerResult['status'], extra: Partial<ServerResult> = {}) =>
  (k: string) => ({
    idempotencyKey: k,
    status,
    replayed: false,
    ...extra,
  });

describe('drainOutbox', () => {
  it('sends in seq order and batches, removes applied, keeps conflicts and rejections with the reason', async () => {
    const store = memoryOutbox([item(3), item(1), item(2), item(4)]);
    const sent: string[][] = [];
    const send: Transport = async (items) => {
      sent.push(items.map((i) => i.idempotencyKey));
      return {
        results: items.map((i) =>
          i.idempotencyKey === 'key-0002'
            ? answer('conflict', { detail: 'changed', current: { version: 3 }, changedFields: ['due_on'] })(
                i.idempotencyKey,
              )
            : i.idempotencyKey === 'key-0004'
              ? answer('rejected', { detail: 'payload.title: too long' })(i.idempotencyKey)
              : answer('applied')(i.idempotencyKey),
        ),
      };
    };
    const r = await drainOutbox(store, send, { batchSize: 3 });
    expect(sent).toEqual([['key-0001', 'key-0002', 'key-0003'], ['key-0004']]);
    expect(r).toEqual({ batches: 2, applied: 2, conflicts: 1, rejected: 1, stopped: null });
    expect(store.all().map((i) => [i.idempotencyKey, i.state, i.detail])).toEqual([
      ['key-0002', 'conflict', 'changed'],
      ['key-0004', 'rejected', 'payload.title: too long'],
    ]);
    expect(store.all()[0]!.current).toEqual({ version: 3 });
  });

  it('stops on a network failure or an item the server could not store, keeping everything pending', async () => {
    const store = memoryOutbox([item(1), item(2), item(3)]);
    const offline = await drainOutbox(store, async () => {
      throw new Error('Failed to fetch');
    });
    expect(offline).toMatchObject({ batches: 1, applied: 0, stopped: 'Failed to fetch' });
    expect((await store.pending()).map((i) => i.attempts)).toEqual([1, 1, 1]);
    const partial = await drainOutbox(store, async (items) => ({
      results: [
        answer('applied')(items[0]!.idempotencyKey),
        answer('error')(items[1]!.idempotencyKey),
        answer('skipped')(items[2]!.idempotencyKey),
      ],
    }));
    expect(partial.applied).toBe(1);
    expect(partial.stopped).toMatch(/sent again/);
    expect((await store.pending()).map((i) => i.idempotencyKey)).toEqual(['key-0002', 'key-0003']);
  });
});
