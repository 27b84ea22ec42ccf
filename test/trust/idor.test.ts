// Insecure direct object references: a liaison who changes ids in URLs, filters or bodies can
// neither read nor change the owned CRM records (activities, tasks, physician issues) of another
// territory, nor another user's sessions. A colleague in the same territory may read (not edit);
// managers, analysts and admins read everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { NPIS, seedDirectory } from '../crm/factories';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';

type Ids = { activity: number; task: number; issue: number };

describe.each(backends)('IDOR and territory scoping ($name)', (backend) => {
  let database: Database;
  let app: App;
  let a: Client; // liaison, North territory
  let a2: Client; // liaison, North territory (A's colleague)
  let b: Client; // liaison, South territory
  let manager: Client;
  let analyst: Client;
  let mine: Ids; // A's records
  let theirs: Ids; // B's records

  async function recordsOf(c: Client, tag: string): Promise<Ids> {
    const act = await c.request('POST', '/api/activities', {
      type: 'in_person_visit',
      providerNpis: [NPIS[0]],
      subject: `visit ${tag}`,
      notes: `private note ${tag}`,
    });
    const task = await c.request('POST', '/api/tasks', { title: `task ${tag}`, providerNpi: NPIS[0] });
    const issue = await c.request('POST', '/api/issues', {
      category: 'access',
      title: `issue ${tag}`,
      description: `private issue ${tag}`,
      providerNpi: NPIS[0],
    });
    for (const r of [act, task, issue]) expect(r.statusCode, r.body).toBe(201);
    return { activity: act.json().id, task: task.json().id, issue: issue.json().id };
  }

  beforeAll(async () => {
    database = await backend.create();
    app = await createTestApp(database);
    await seedDirectory(database.db);
    a = await clientFor(app, database, 'liaison', 'north-a@test.example');
    a2 = await clientFor(app, database, 'liaison', 'north-a2@test.example');
    b = await clientFor(app, database, 'liaison', 'south-b@test.example');
    manager = await clientFor(app, database, 'manager');
    analyst = await clientFor(app, database, 'analyst');
    for (const [name, ids] of [
      ['North', [a.userId, a2.userId]],
      ['South', [b.userId]],
    ] as const) {
      const t = await manager.request('POST', '/api/territories', { name, zips: [], assigneeIds: ids });
      expect(t.statusCode, t.body).toBe(201);
    }
    mine = await recordsOf(a, 'of-a-zebra');
    theirs = await recordsOf(b, 'of-b');
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const paths = (ids: Ids) => ({
    activity: `/api/activities/${ids.activity}`,
    task: `/api/tasks/${ids.task}`,
    issue: `/api/issues/${ids.issue}`,
  });

  it("another territory's records: 404 on read and history by id", async () => {
    for (const url of Object.values(paths(mine))) {
      expect((await b.request('GET', url)).statusCode, url).toBe(404);
      expect((await b.request('GET', `${url}/history`)).statusCode, `${url}/history`).toBe(404);
    }
    // the same ids in B's own records are readable (the 404 is about scope, not the id)
    for (const url of Object.values(paths(theirs)))
      expect((await b.request('GET', url)).statusCode, url).toBe(200);
  });

  it("another territory's records cannot be changed, deleted or restored, and stay as they were", async () => {
    const before = await Promise.all(Object.values(paths(mine)).map((u) => a.request('GET', u)));
    for (const url of Object.values(paths(mine))) {
      const patch = url.includes('activities')
        ? { version: 1, subject: 'changed by B' }
        : { version: 1, title: 'changed by B' };
      for (const [method, u, body] of [
        ['PATCH', url, patch],
        ['DELETE', url, { version: 1 }],
        ['POST', `${url}/restore`, { version: 1 }],
      ] as const) {
        const r = await b.request(method, u, body);
        // restoring a live record is refused as a conflict before ownership matters; nothing changes
        const refused = method === 'POST' ? [403, 404, 409] : [403, 404];
        expect(refused, `${method} ${u}: ${r.body}`).toContain(r.statusCode);
      }
    }
    // … and a record A deleted cannot be brought back by B either.
    const extra = await a.request('POST', '/api/tasks', { title: 'deleted by A' });
    const del = await a.request('DELETE', `/api/tasks/${extra.json().id}`, { version: 1 });
    expect(del.statusCode, del.body).toBe(200);
    const restore = await b.request('POST', `/api/tasks/${extra.json().id}/restore`, {});
    expect([403, 404], restore.body).toContain(restore.statusCode);
    expect((await a.request('GET', `/api/tasks/${extra.json().id}`)).json().deleted_at).not.toBeNull();
    const after = await Promise.all(Object.values(paths(mine)).map((u) => a.request('GET', u)));
    expect(after.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(after.map((r) => r.json())).toEqual(before.map((r) => r.json()));
  });

  it("lists, filters, search and export never show another territory's records", async () => {
    const leaks = async (c: Client) => {
      const bodies = await Promise.all(
        [
          '/api/activities?scope=all',
          '/api/activities?scope=team',
          `/api/activities?providerNpi=${NPIS[0]}`,
          '/api/tasks?scope=all',
          `/api/tasks?providerNpi=${NPIS[0]}`,
          '/api/issues',
          '/api/issues?scope=all',
          `/api/issues?providerNpi=${NPIS[0]}`,
          '/api/notes/search?q=zebra',
          '/api/crm-export/activities?scope=all',
        ].map(async (u) => {
          const r = await c.request('GET', u);
          expect(r.statusCode, `${u}: ${r.body}`).toBe(200);
          return r.body;
        }),
      );
      return bodies.some((x) => x.includes('of-a-zebra'));
    };
    expect(await leaks(b)).toBe(false);
    expect(await leaks(a2)).toBe(true); // same territory
    expect(await leaks(a)).toBe(true);
  });

  it('a colleague in the same territory reads but cannot edit; managers and analysts read all', async () => {
    for (const url of Object.values(paths(mine))) {
      expect((await a2.request('GET', url)).statusCode, url).toBe(200);
      expect((await manager.request('GET', url)).statusCode, url).toBe(200);
      expect((await analyst.request('GET', url)).statusCode, url).toBe(200);
    }
    const r = await a2.request('PATCH', paths(mine).task, { version: 1, title: 'changed by colleague' });
    expect(r.statusCode).toBe(403);
  });

  it("another user's sessions cannot be listed or ended by changing userId", async () => {
    const list = await a.request('GET', '/api/sessions');
    const handle = (list.json() as { items: { handle: string }[] }).items[0]!.handle;
    expect((await b.request('GET', `/api/sessions?userId=${a.userId}`)).statusCode).toBe(403);
    expect((await b.request('DELETE', `/api/sessions/${handle}?userId=${a.userId}`)).statusCode).toBe(403);
    expect((await b.request('DELETE', `/api/sessions/${handle}`)).statusCode).toBe(404); // not B's
    expect(
      (await b.request('POST', '/api/sessions/revoke-all', { scope: 'all', userId: a.userId })).statusCode,
    ).toBe(403);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });
});
