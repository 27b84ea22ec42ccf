// 100 concurrent conflicting edits of one record lose no update: each client reads the record,
// adds its own tag, PATCHes with the version it read, and on 409 reads again and retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedDirectory } from './factories';

const N = Number(process.env.CRM_CONCURRENCY_N ?? 100);

describe.each(backends)('optimistic concurrency on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let c: Client;
  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    await seedDirectory(database.db);
    c = await clientFor(app, database, 'liaison');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it(`${N} parallel tag additions to one provider all survive`, async () => {
    const url = `/api/relationships/${NPIS[0]}`;
    let conflicts = 0;
    const addTag = async (i: number) => {
      for (let attempt = 0; attempt < 10 * N; attempt++) {
        const cur = (await c.request('GET', url)).json();
        const res = await c.request('PATCH', url, { version: cur.version, tags: [...cur.tags, `t${i}`] });
        if (res.statusCode === 200) return;
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().changedFields ?? []).toEqual(res.json().current ? ['tags'] : []);
        conflicts++;
        // Exponential backoff with full jitter, as a real client retries: keeps total work ~n log n.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(4000, 25 * 2 ** attempt)));
      }
      throw new Error(`client ${i} never succeeded`);
    };
    const t0 = Date.now();
    await Promise.all(Array.from({ length: N }, (_, i) => addTag(i)));
    const final = (await c.request('GET', url)).json();
    expect([...final.tags].sort()).toEqual(Array.from({ length: N }, (_, i) => `t${i}`).sort());
    expect(final.version).toBe(N);
    console.log(`${database.kind}: ${N} edits, ${conflicts} conflicts retried, ${Date.now() - t0} ms`);
    expect(conflicts).toBeGreaterThan(0); // the test really did race
  }, 600_000);
});
