// Listens for the database's change notifications (src/db/changes.ts) on a connection of its own.
// PostgreSQL: a dedicated client that reconnects with back-off; while it is down the caller is told
// (onState(false)) so nothing is served from a cache that may have missed a change. PGlite: the
// embedded database's own listen().
import pg from 'pg';
import { CHANGE_CHANNEL, type ChangeSignal, parseChangePayload } from '../../db/changes';
import type { Database } from '../../db/connection';

type Handlers = { onChange: (changes: ChangeSignal[]) => void; onState: (listening: boolean) => void };

export async function listenForChanges(database: Database, h: Handlers): Promise<() => Promise<void>> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(CHANGE_CHANNEL, (p) => h.onChange(parseChangePayload(p)));
    h.onState(true);
    return async () => {
      h.onState(false);
      await unlisten().catch(() => {});
    };
  }
  const options = database.pool.options as pg.ClientConfig;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client({ ...options, application_name: 'rounds-change-listener' } as pg.ClientConfig);
    const lost = () => {
      if (client !== c) return;
      client = null;
      h.onState(false);
      if (!closed) retry = setTimeout(connect, 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => h.onChange(parseChangePayload(n.payload)));
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${CHANGE_CHANNEL}`);
      if (closed || client !== c) return void c.end().catch(() => {});
      h.onState(true);
    } catch {
      c.end().catch(() => {});
      lost();
    }
  };
  await connect();
  return async () => {
    closed = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    h.onState(false);
    await c?.end().catch(() => {});
  };
}
