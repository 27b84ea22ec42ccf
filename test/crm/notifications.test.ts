// Notifications on both backends: a task, an issue or physicians given to someone else tell them,
// in words worked out here by hand; acting on your own records tells nobody; a rolled-back write
// leaves no notice; only the recipient lists and marks theirs read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedDirectory } from './factories';

describe.each(backends)('notifications on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let other: Client;
  let manager: Client;
  let orgId: number;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    ({ orgId } = await seedDirectory(database.db));
    liaison = await clientFor(app, database, 'liaison');
    other = await clientFor(app, database, 'liaison', 'other.liaison@test.example');
    manager = await clientFor(app, database, 'manager');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const inbox = async (c: Client, query = '') => {
    const r = await c.request('GET', `/api/notifications${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      items: {
        id: number;
        kind: string;
        title: string;
        detail: string;
        link: string;
        actorName: string;
        read: boolean;
      }[];
      unread: number;
      more: boolean;
    };
  };

  it('tells the owner of a task someone else created or handed over, not the one who acted', async () => {
    const own = await liaison.request('POST', '/api/tasks', {
      title: 'Call back Dr Alvarez',
      providerNpi: NPIS[0],
    });
    expect(own.statusCode, own.body).toBe(201);
    expect((await inbox(liaison)).unread).toBe(0);

    const t = await manager.request('POST', '/api/tasks', {
      title: 'Bring the cardiology referral pads',
      ownerId: liaison.userId,
      dueOn: '2026-12-04',
      providerNpi: NPIS[1],
    });
    expect(t.statusCode, t.body).toBe(201);
    const box = await inbox(liaison);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({
      kind: 'task_assigned',
      title: 'Test manager assigned you a task: Bring the cardiology referral pads',
      detail: 'Ben Brooks, MD · due 2026-12-04',
      link: `/tasks?task=${t.json().id}`,
      actorName: 'Test manager',
      read: false,
    });
    expect((await inbox(manager)).unread).toBe(0);

    // the owner handing it over tells the new owner; a change that keeps the owner tells nobody again
    const moved = await liaison.request('PATCH', `/api/tasks/${t.json().id}`, {
      version: t.json().version,
      ownerId: other.userId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const retitled = await other.request('PATCH', `/api/tasks/${t.json().id}`, {
      version: moved.json().version,
      title: 'Bring the pads',
    });
    expect(retitled.statusCode, retitled.body).toBe(200);
    const o = await inbox(other);
    expect(o.items.map((n) => n.title)).toEqual([
      'Test liaison assigned you a task: Bring the cardiology referral pads',
    ]);
    expect((await inbox(liaison)).unread).toBe(1);
  });

  it('tells the owner of a physician issue, naming the organization when there is no physician', async () => {
    const i = await manager.request('POST', '/api/issues', {
      organizationId: orgId,
      category: 'scheduling',
      title: 'Fax orders lost',
      ownerId: other.userId,
    });
    expect(i.statusCode, i.body).toBe(201);
    expect((await inbox(other)).items[0]).toMatchObject({
      kind: 'issue_assigned',
      title: 'Test manager made you the owner of a physician issue: Fax orders lost',
      detail: 'Lakeside Family Practice · scheduling',
      link: `/issues?issue=${i.json().id}`,
    });
  });

  it('a write refused leaves no notice behind', async () => {
    const before = (await inbox(other)).unread;
    const bad = await manager.request('POST', '/api/issues', {
      providerNpi: '1234567893', // not in the directory: the insert fails
      category: 'access',
      title: 'Nowhere',
      ownerId: other.userId,
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect((await inbox(other)).unread).toBe(before);
  });

  it('tells a liaison once when physicians are put into their book, one or many at a time', async () => {
    const one = await manager.request('PATCH', `/api/relationships/${NPIS[0]}`, {
      version: 0,
      ownerId: liaison.userId,
    });
    expect(one.statusCode, one.body).toBe(200);
    expect((await inbox(liaison)).items[0]).toMatchObject({
      kind: 'book_assigned',
      title: 'Test manager added 1 physician to your book',
      detail: 'Ana Alvarez, MD',
      link: '/providers?owner=me',
    });
    // NPIS[0] is already theirs: the bulk change adds two, and says so once
    const bulk = await manager.request('POST', '/api/relationships/bulk', {
      npis: [...NPIS],
      ownerId: liaison.userId,
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const box = await inbox(liaison);
    expect(box.items[0]).toMatchObject({
      title: 'Test manager added 2 physicians to your book',
      detail: 'Ben Brooks, MD, Cy Chen, MD',
    });
    expect(box.items.filter((n) => n.kind === 'book_assigned')).toHaveLength(2);
    // a tier set in bulk moves no one's book
    const tier = await manager.request('POST', '/api/relationships/bulk', { npis: [...NPIS], tier: 'A' });
    expect(tier.statusCode, tier.body).toBe(200);
    expect((await inbox(liaison)).items.filter((n) => n.kind === 'book_assigned')).toHaveLength(2);
  });

  it('lists newest first with keyset paging; marks read only the caller’s own', async () => {
    const all = await inbox(liaison);
    expect(all.unread).toBe(3); // the task, the single book change, the bulk one
    const page1 = await inbox(liaison, '?limit=2');
    expect(page1.items.map((n) => n.id)).toEqual(all.items.slice(0, 2).map((n) => n.id));
    expect(page1.more).toBe(true);
    const page2 = await inbox(liaison, `?limit=2&before=${page1.items[1]!.id}`);
    expect(page2.items.map((n) => n.id)).toEqual([all.items[2]!.id]);
    expect(page2.more).toBe(false);

    const otherId = (await inbox(other)).items[0]!.id;
    const r = await liaison.request('POST', '/api/notifications/read', { ids: [all.items[0]!.id, otherId] });
    expect(r.json()).toEqual({ marked: 1, unread: 2 });
    expect((await inbox(other)).items[0]!.read).toBe(false);
    expect((await inbox(liaison, '?unread=true')).items.map((n) => n.id)).toEqual(
      all.items.slice(1).map((n) => n.id),
    );
    expect((await liaison.request('POST', '/api/notifications/read', { all: true })).json()).toEqual({
      marked: 2,
      unread: 0,
    });
    const bad = await liaison.request('POST', '/api/notifications/read', { ids: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/ids/);
    const bad2 = await liaison.request('GET', '/api/notifications?limit=0');
    expect(bad2.statusCode).toBe(400);
    expect(bad2.json().detail).toMatch(/limit/);
  });

  it('tells the reporter when someone else resolves their issue, not when they resolve it themselves', async () => {
    const i = await liaison.request('POST', '/api/issues', {
      providerNpi: NPIS[2],
      category: 'access',
      title: 'No MRI slots before January',
      ownerId: other.userId,
    });
    expect(i.statusCode, i.body).toBe(201);
    const before = (await inbox(liaison)).unread;
    const done = await other.request('PATCH', `/api/issues/${i.json().id}`, {
      version: i.json().version,
      status: 'resolved',
      resolution: 'Saturday MRI slots opened',
    });
    expect(done.statusCode, done.body).toBe(200);
    const box = await inbox(liaison);
    expect(box.unread).toBe(before + 1);
    expect(box.items[0]).toMatchObject({
      kind: 'issue_resolved',
      title: 'Test liaison resolved the physician issue you reported: No MRI slots before January',
      detail: 'Cy Chen, MD · Saturday MRI slots opened',
      link: `/issues?issue=${i.json().id}`,
    });
    const mine = await liaison.request('POST', '/api/issues', {
      providerNpi: NPIS[2],
      category: 'billing',
      title: 'Own',
    });
    await liaison.request('PATCH', `/api/issues/${mine.json().id}`, {
      version: mine.json().version,
      status: 'resolved',
      resolution: 'Fixed',
    });
    expect((await inbox(liaison)).unread).toBe(before + 1);
  });

  it('tells a liaison of a goal set for them, and of a change to its target, not of a note', async () => {
    const g = await manager.request('POST', '/api/goals', {
      scope: 'liaison',
      ownerId: other.userId,
      metric: 'a_tier_coverage',
      target: 0.9,
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
    });
    expect(g.statusCode, g.body).toBe(201);
    expect((await inbox(other)).items[0]).toMatchObject({
      kind: 'goal_set',
      title: 'Test manager set you a goal: A-tier coverage 90 %',
      detail: '2026-12-01 to 2026-12-31',
      link: '/goals',
    });
    const noted = await manager.request('PATCH', `/api/goals/${g.json().id}`, {
      version: g.json().version,
      note: 'Q4 push',
    });
    expect(noted.statusCode, noted.body).toBe(200);
    const raised = await manager.request('PATCH', `/api/goals/${g.json().id}`, {
      version: noted.json().version,
      target: 0.95,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const titles = (await inbox(other)).items.filter((n) => n.kind === 'goal_set').map((n) => n.title);
    expect(titles).toEqual([
      'Test manager changed your goal: A-tier coverage 95 %',
      'Test manager set you a goal: A-tier coverage 90 %',
    ]);
  });

  it('tells watchers of a physician what others do with them, and only while they watch', async () => {
    const watched = (c: Client) =>
      inbox(c).then((b) =>
        b.items.filter((n) => n.kind === 'watched').map((n) => [n.title, n.detail, n.link]),
      );
    expect((await liaison.request('PUT', '/api/watches/1234567893', { watching: true })).statusCode).toBe(
      404,
    );
    const w = await liaison.request('PUT', `/api/watches/${NPIS[0]}`, { watching: true });
    expect(w.json()).toEqual({ watching: true, watchers: 1 });
    expect((await manager.request('GET', `/api/watches/${NPIS[0]}`)).json()).toEqual({
      watching: false,
      watchers: 1,
    });
    expect((await liaison.request('GET', '/api/watches')).json().items).toMatchObject([
      { npi: NPIS[0], name: 'Ana Alvarez, MD' },
    ]);

    const visit = await manager.request('POST', '/api/activities', {
      type: 'lunch_and_learn',
      occurredAt: '2026-11-20T12:00:00Z',
      providerNpis: [NPIS[0], NPIS[1]],
      subject: 'Echo wait times',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    // their own activity tells them nothing
    await liaison.request('POST', '/api/activities', {
      type: 'call',
      occurredAt: '2026-11-21T12:00:00Z',
      providerNpis: [NPIS[0]],
    });
    const issue = await manager.request('POST', '/api/issues', {
      providerNpi: NPIS[0],
      category: 'access',
      title: 'No echo slots',
    });
    expect(issue.statusCode, issue.body).toBe(201);
    expect(await watched(liaison)).toEqual([
      [
        'Ana Alvarez, MD: Test manager reported a physician issue',
        'No echo slots · access',
        `/issues?issue=${issue.json().id}`,
      ],
      ['Ana Alvarez, MD: Test manager logged a lunch-and-learn', 'Echo wait times', `/providers/${NPIS[0]}`],
    ]);

    expect((await liaison.request('PUT', `/api/watches/${NPIS[0]}`, { watching: false })).json()).toEqual({
      watching: false,
      watchers: 0,
    });
    await manager.request('POST', '/api/activities', {
      type: 'drop_in',
      occurredAt: '2026-11-22T12:00:00Z',
      providerNpis: [NPIS[0]],
    });
    expect(await watched(liaison)).toHaveLength(2);
  });
});
