// Links new audit rows into the hash chain shortly after the writes that made them commit
// (src/db/audit.ts sealAudit): 100 ms after this process answers a write request (a busy server
// seals its writes in batches: one transaction for many rows), and every few seconds for rows
// other processes left (their own sealers normally take them first).
import type { FastifyBaseLogger } from 'fastify';
import { sealAudit } from '../../db/audit';
import type { Database } from '../../db/connection';

export function startAuditSealer(
  database: Database,
  log: FastifyBaseLogger,
  opts = { soonMs: 100, everyMs: 5000 },
) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = run().finally(() => {
        running = null;
      });
    }, ms);
  };
  const run = async () => {
    again = false;
    try {
      const sealed = await sealAudit(database.db);
      if (sealed === null) again = true; // another process is sealing: look again shortly
    } catch (err) {
      if (!stopped) log.warn({ err }, 'audit sealing failed; retrying');
      again = true;
    }
    if (again) schedule(200);
  };
  const every = setInterval(() => schedule(0), opts.everyMs);
  schedule(0);

  return {
    /** A write just finished here: seal its audit rows soon. */
    soon() {
      if (running) again = true;
      else schedule(opts.soonMs);
    },
    async stop() {
      stopped = true;
      clearInterval(every);
      clearTimeout(timer);
      await running;
    },
  };
}
