// The daily reminder on both backends: open tasks past due and issues open more than 30 days, per
// owner (old issues nobody owns: to managers), once a day, worked out by hand on a small fixture (day 2026-06-01).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReminders } from '../../src/commands/reminders';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedDirectory } from './factories';

describe.each(backends)('daily reminders on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let other: Client;
  let gone: Client;
  let manager: Client;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    await seedDirectory(database.db);
    liaison = await clientFor(app, database, 'liaison');
    other = await clientFor(app, database, 'liaison', 'other@test.example');
    gone = await clientFor(app, database, 'liaison', 'gone@test.example');
    manager = await clientFor(app, database, 'manager');
    const task = async (c: Client, title: string, dueOn: string, status = 'open') => {
      const r = await c.request('POST', '/api/tasks', { title, dueOn, status });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: number; version: number };
    };
    const issue = async (c: Client, title: string, openedOn: string, resolved = false) => {
      const r = await c.request('POST', '/api/issues', {
        providerNpi: NPIS[0],
        category: 'access',
        title,
        openedOn,
        ...(resolved ? { status: 'resolved', resolution: 'done' } : {}),
      });
      expect(r.statusCode, r.body).toBe(201);
    };
    await task(liaison, 'Send the pads', '2026-05-20');
    await task(liaison, 'Call the office manager', '2026-05-25', 'in_progress');
    await task(liaison, 'Due today', '2026-06-01');
    await task(liaison, 'Done already', '2026-05-01', 'done');
    const dropped = await task(liaison, 'Deleted', '2026-04-01');
    expect(
      (await liaison.request('DELETE', `/api/tasks/${dropped.id}`, { version: dropped.version })).statusCode,
    ).toBeLessThan(300);
    await issue(liaison, 'MRI wait', '2026-04-01'); // 61 days
    await issue(liaison, 'Fax lost', '2026-05-10'); // 22 days
    await issue(liaison, 'Old and resolved', '2026-03-01', true);
    await issue(other, 'Scheduling line busy', '2026-04-15'); // 47 days
    // reported with nobody to own it: 42 days old, it reaches the managers
    const orphan = await manager.request('POST', '/api/issues', {
      providerNpi: NPIS[1],
      category: 'billing',
      title: 'Statements to the wrong address',
      openedOn: '2026-04-20',
      ownerId: null,
    });
    expect(orphan.statusCode, orphan.body).toBe(201);
    await task(gone, 'Never reminded', '2026-05-01');
    await database.db.updateTable('users').set({ disabled: true }).where('id', '=', gone.userId).execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const reminders = async (c: Client) =>
    (await c.request('GET', '/api/notifications'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'reminder');

  it('counts what is late per owner and names the oldest', async () => {
    expect(await writeReminders(database.db, '2026-06-01')).toBe(3);
    expect(await reminders(liaison)).toMatchObject([
      {
        title: 'You have 2 overdue tasks and 1 physician issue open more than 30 days',
        detail: 'Oldest: Send the pads · Call the office manager · MRI wait',
        link: '/tasks?overdue=true',
      },
    ]);
    expect(await reminders(other)).toMatchObject([
      {
        title: 'You have 1 physician issue open more than 30 days',
        detail: 'Oldest: Scheduling line busy',
        link: '/issues',
      },
    ]);
    expect(await reminders(manager)).toMatchObject([
      {
        title: '1 physician issue open more than 30 days has no owner',
        detail: 'Oldest: Statements to the wrong address',
        link: '/issues',
      },
    ]);
    const goneRows = await database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', gone.userId)
      .execute();
    expect(goneRows).toEqual([]);
  });

  it('writes one a day, and the next day counts again', async () => {
    expect(await writeReminders(database.db, '2026-06-01')).toBe(0);
    expect(await writeReminders(database.db, '2026-06-02')).toBe(3);
    expect((await reminders(liaison)).map((n: { title: string }) => n.title)).toEqual([
      'You have 3 overdue tasks and 1 physician issue open more than 30 days',
      'You have 2 overdue tasks and 1 physician issue open more than 30 days',
    ]);
  });

  it('removes read notifications after 180 days, never unread ones', async () => {
    const { pruneReadNotifications } = await import('../../src/commands/notifications');
    const mine = await database.db
      .selectFrom('notifications')
      .select(['id'])
      .where('user_id', '=', liaison.userId)
      .orderBy('id')
      .execute();
    expect(mine).toHaveLength(2);
    const [first, second] = mine.map((n) => Number(n.id));
    // both written 200 days ago; only the first has been read
    await database.db
      .updateTable('notifications')
      .set({ created_at: new Date(Date.now() - 200 * 86_400_000) })
      .where('id', 'in', [first!, second!])
      .execute();
    await database.db
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('id', '=', first!)
      .execute();
    expect(await pruneReadNotifications(database.db)).toBe(1);
    const left = await database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', liaison.userId)
      .execute();
    expect(left.map((n) => Number(n.id))).toEqual([second]);
  });
});
