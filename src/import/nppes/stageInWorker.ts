// Runs the NPPES stager in a worker thread: parsing and validating (CPU-bound JavaScript) then
// overlaps the COPYs and the database's own work on the other core. Each batch is acknowledged
// once onBatch has finished with it, which lets the worker read on.
import { Worker } from 'node:worker_threads';
import { ImportRefused } from '../fileSource';
import type { StageBatch, StagerInput, StagerResult } from './stager';

type Message =
  | { kind: 'batch'; batch: StageBatch }
  | { kind: 'done'; result: StagerResult }
  | { kind: 'error'; message: string; expected: boolean };

export function stageInWorker(
  input: StagerInput,
  onBatch: (b: StageBatch) => Promise<void>,
): Promise<StagerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./stageWorkerBoot.mjs', import.meta.url), {
      workerData: { entry: new URL('./stageWorker.ts', import.meta.url).href, input },
      // a larger young generation: short-lived row strings die there instead of being promoted
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    const fail = (e: unknown) => settle(() => reject(e));
    let chain: Promise<void> = Promise.resolve();
    worker.on('message', (m: Message) => {
      if (m.kind === 'batch')
        chain = chain
          .then(() => onBatch(m.batch))
          .then(() => worker.postMessage('next'))
          .catch(fail);
      else if (m.kind === 'done') void chain.then(() => settle(() => resolve(m.result)));
      else fail(m.expected ? new ImportRefused(m.message) : new Error(m.message));
    });
    worker.on('error', fail);
    worker.on('exit', (code) =>
      fail(new Error(`the NPPES file reader stopped unexpectedly (exit code ${code})`)),
    );
  });
}
