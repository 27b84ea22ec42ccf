import { describe, expect, it } from 'vitest';
import { closeBackground, isClosing, runInBackground } from './background';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('background work per database', () => {
  it('runs one at a time per key; calls during a run cause exactly one more', async () => {
    const db = {};
    let runs = 0;
    let release: () => void = () => {};
    const task = () => {
      runs++;
      return new Promise<void>((r) => {
        release = r;
      });
    };
    runInBackground(db, 'k', task, () => {});
    runInBackground(db, 'k', task, () => {});
    runInBackground(db, 'k', task, () => {});
    expect(runs).toBe(1);
    release();
    await tick();
    expect(runs).toBe(2);
    release();
    await tick();
    expect(runs).toBe(2);
  });

  it('closing waits for running work, drops the queued rerun and starts nothing new', async () => {
    const db = {};
    const seen: string[] = [];
    runInBackground(
      db,
      'k',
      async () => {
        await tick();
        seen.push(isClosing(db) ? 'finished while closing' : 'finished');
      },
      () => {},
    );
    runInBackground(
      db,
      'k',
      async () => seen.push('rerun'),
      () => {},
    );
    await closeBackground(db);
    expect(seen).toEqual(['finished while closing']);
    runInBackground(
      db,
      'other',
      async () => seen.push('after close'),
      () => {},
    );
    await tick();
    expect(seen).toEqual(['finished while closing']);
  });

  it('passes errors to onError', async () => {
    const db = {};
    const errors: unknown[] = [];
    runInBackground(
      db,
      'k',
      async () => Promise.reject(new Error('boom')),
      (e) => errors.push(e),
    );
    await closeBackground(db);
    expect(errors.map(String)).toEqual(['Error: boom']);
  });
});
