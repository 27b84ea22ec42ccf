// Runs the NPPES stager in worker threads: parsing and validating (CPU-bound JavaScript) then
// overlaps the COPYs and the database's own work. A large file is read by two workers, one per
// half (the split is checked: the first worker must end exactly where the second began). Each
// batch is acknowledged once onBatch has finished with it, which lets that worker read on.
import { Worker } from 'node:worker_threads';
import { ImportRefused } from '../fileSource';
import { RangeMismatch } from './scan';
import { splitFile } from './split';
import type { StageBatch, StagerInput, StagerResult } from './stager';

type Message =
  | { kind: 'batch'; batch: StageBatch }
  | { kind: 'done'; result: StagerResult }
  | { kind: 'error'; message: string; expected: boolean; mismatch: boolean };

function runWorker(
  input: StagerInput,
  youngMb: number,
  onBatch: (b: StageBatch) => Promise<void>,
  failed: Promise<never>,
): Promise<StagerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./stageWorkerBoot.mjs', import.meta.url), {
      workerData: { entry: new URL('./stageWorker.ts', import.meta.url).href, input },
      // a larger young generation: short-lived row strings die there instead of being promoted
      // (two readers get a third of it each, which kept them as fast and 40 MB smaller at 1M rows)
      resourceLimits: { maxYoungGenerationSizeMb: youngMb },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    const fail = (e: unknown) => settle(() => reject(e));
    failed.catch(fail); // the other worker (or a COPY) failed: stop this one too
    let chain: Promise<void> = Promise.resolve();
    worker.on('message', (m: Message) => {
      if (m.kind === 'batch')
        chain = chain
          .then(() => onBatch(m.batch))
          .then(() => worker.postMessage('next'))
          .catch(fail);
      else if (m.kind === 'done') void chain.then(() => settle(() => resolve(m.result)));
      else
        fail(
          m.mismatch ? new RangeMismatch() : m.expected ? new ImportRefused(m.message) : new Error(m.message),
        );
    });
    worker.on('error', fail);
    worker.on('exit', (code) =>
      fail(new Error(`the NPPES file reader stopped unexpectedly (exit code ${code})`)),
    );
  });
}

/** Stages the file in one or two workers; onBatch calls never overlap and see running totals. */
export async function stageInWorkers(
  input: StagerInput,
  onBatch: (b: StageBatch) => Promise<void>,
  opts: { split: boolean; minBytes?: number },
): Promise<StagerResult> {
  let serial: Promise<void> = Promise.resolve();
  let stop: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    stop = reject;
  });
  failed.catch(() => {});
  const parts = opts.split ? await splitFile(input.file, input.label, opts.minBytes) : null;
  if (!parts) return runWorker(input, 48, (b) => onBatch(b), failed);
  const progress = [
    { bytesRead: parts.header.end, read: 0 },
    { bytesRead: 0, read: 0 },
  ];
  const run = (k: 0 | 1) =>
    runWorker(
      { ...input, part: { header: parts.header.fields, range: parts.ranges[k] } },
      16,
      (b) => {
        progress[k] = { bytesRead: (k === 0 ? parts.header.end : 0) + b.bytesRead, read: b.read };
        const total = {
          ...b,
          bytesRead: progress[0]!.bytesRead + progress[1]!.bytesRead,
          read: progress[0]!.read + progress[1]!.read,
        };
        const mine = serial.then(() => onBatch(total));
        serial = mine.catch(() => {});
        return mine;
      },
      failed,
    ).catch((e) => {
      stop(e);
      throw e;
    });
  const [a, b] = await Promise.all([run(0), run(1)]);
  const errors = [...a.errors, ...b.errors].sort((x, y) => x.line - y.line);
  return {
    read: a.read + b.read,
    rejected: a.rejected + b.rejected,
    outside: a.outside + b.outside,
    allInMarket: a.allInMarket && b.allInMarket,
    maxUpdate: [a.maxUpdate, b.maxUpdate].reduce((m, d) => (d && (!m || d > m) ? d : m), null),
    errors, // each part kept its first errors; the caller keeps the first of these by line
    errorCount: a.errorCount + b.errorCount,
    layout: a.layout,
  };
}
