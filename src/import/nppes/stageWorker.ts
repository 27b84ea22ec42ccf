// Worker-thread entry: runs the stager and posts each batch (its bytes transferred, not copied)
// to the main thread, which COPYs it. At most two batches are in flight, so memory stays flat
// however far the reader gets ahead of the database.
import { parentPort, workerData } from 'node:worker_threads';
import { RangeMismatch } from './scan';
import { type StagerInput, stageNppesFile } from './stager';

const port = parentPort!;
let credits = 2;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

try {
  const result = await stageNppesFile(workerData.input as StagerInput, async (b) => {
    while (credits === 0) await new Promise<void>((r) => (wake = r));
    credits--;
    port.postMessage({ kind: 'batch', batch: b }, [
      b.rows.buffer as ArrayBuffer,
      b.taxonomies.buffer as ArrayBuffer,
      b.names.buffer as ArrayBuffer,
      b.providers.buffer as ArrayBuffer,
      b.tokens.buffer as ArrayBuffer,
      b.npis.buffer as ArrayBuffer,
    ]);
  });
  port.postMessage({ kind: 'done', result });
} catch (e) {
  const err = e as Error & { expected?: boolean };
  port.postMessage({
    kind: 'error',
    message: err.message,
    expected: !!err.expected,
    mismatch: e instanceof RangeMismatch,
  });
}
