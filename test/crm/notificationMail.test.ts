// Notifications by e-mail through a real SMTP conversation (smtp-server receives, mailparser reads):
// one message holding what is new, at most once; nothing for what was read in the app or for
// "never"; daily digests once per day after MAIL_DIGEST_HOUR; a failed send is retried. Both backends.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverNotificationMail,
  mailQueueStatus,
  type SendMail,
  smtpServerLabel,
} from '../../src/commands/notificationMail';
import { smtpSender } from '../../src/commands/notificationMailer';
import type { Config } from '../../src/config';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedDirectory } from './factories';

const PUBLIC = 'https://rounds.example.org';

describe.each(backends)('notifications by e-mail on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let manager: Client;
  let smtp: SMTPServer;
  let send: SendMail;
  const inbox: ParsedMail[] = [];

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    await seedDirectory(database.db);
    liaison = await clientFor(app, database, 'liaison');
    manager = await clientFor(app, database, 'manager');
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        simpleParser(stream).then((m) => {
          inbox.push(m);
          done();
        }, done);
      },
    });
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
    const port = (smtp.server.address() as AddressInfo).port;
    send = smtpSender({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL: PUBLIC,
      MAIL_FROM: 'Rounds <rounds@example.org>',
    } as Config);
  });
  afterAll(async () => {
    await new Promise<void>((ok) => (smtp ? smtp.close(ok) : ok()));
    await app?.close();
    await database?.close();
  });

  const deliver = (now?: Date, sender = send) =>
    deliverNotificationMail(database.db, sender, { publicUrl: PUBLIC, digestHour: 7, now });
  const assign = async (title: string) => {
    const r = await manager.request('POST', '/api/tasks', {
      title,
      ownerId: liaison.userId,
      providerNpi: NPIS[0],
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };

  it('mails what is new in one message, once, with links back into Rounds', async () => {
    const id = await assign('Drop off the new imaging hours');
    expect(await deliver()).toMatchObject({ sent: 1, notices: 1, failed: 0 });
    const m = inbox.at(-1)!;
    expect(m.to && 'text' in m.to ? m.to.text : '').toBe('liaison@test.example');
    expect(m.from?.value).toEqual([{ name: 'Rounds', address: 'rounds@example.org' }]);
    expect(m.subject).toBe('Test manager assigned you a task: Drop off the new imaging hours');
    expect(m.text).toContain(`${PUBLIC}/tasks?task=${id}`);
    expect(m.text).toContain('Ana Alvarez, MD');
    expect(m.html).toContain(`href="${PUBLIC}/tasks?task=${id}"`);
    expect(await deliver()).toMatchObject({ sent: 0, notices: 0 });

    await assign('First');
    await assign('Second');
    expect(await deliver()).toMatchObject({ sent: 1, notices: 2 });
    expect(inbox.at(-1)!.subject).toBe('2 new notifications in Rounds');
    expect(inbox).toHaveLength(2);
  });

  it('sends nothing for a notice already read in the app, or to someone who chose never', async () => {
    await assign('Read it already');
    const box = (await liaison.request('GET', '/api/notifications')).json();
    await liaison.request('POST', '/api/notifications/read', { ids: [box.items[0].id] });
    expect(await deliver()).toMatchObject({ sent: 0, skipped: 1 });

    const off = await liaison.request('PUT', '/api/notifications/settings', { email: 'off' });
    expect(off.json()).toEqual({ email: 'off', mailConfigured: false, digestHour: 7 });
    await assign('Not by e-mail');
    expect(await deliver()).toMatchObject({ sent: 0, skipped: 1 });
    expect(inbox).toHaveLength(2);
  });

  it('retries a failed send, keeping the error until it goes', async () => {
    await liaison.request('PUT', '/api/notifications/settings', { email: 'immediate' });
    await assign('Bring the referral pads');
    const down: SendMail = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    };
    expect(await deliver(undefined, down)).toMatchObject({ sent: 0, failed: 1 });
    const row = await database.db
      .selectFrom('notifications')
      .select(['emailed_at', 'email_attempts', 'email_error'])
      .where('user_id', '=', liaison.userId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      emailed_at: null,
      email_attempts: 1,
      email_error: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(await mailQueueStatus(database.db)).toEqual({
      waiting: 1,
      failing: 1,
      gaveUp: 0,
      lastError: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(await deliver()).toMatchObject({ sent: 1, notices: 1 });
    expect(await mailQueueStatus(database.db)).toMatchObject({ waiting: 0, failing: 0 });
    expect(inbox.at(-1)!.subject).toBe('Test manager assigned you a task: Bring the referral pads');
  });

  it('sends a daily digest once a day, after the digest hour', async () => {
    expect((await liaison.request('PUT', '/api/notifications/settings', { email: 'daily' })).statusCode).toBe(
      200,
    );
    const at = (dayOffset: number, hour: number) => {
      const d = new Date();
      d.setDate(d.getDate() + dayOffset);
      d.setHours(hour, 0, 0, 0);
      return d;
    };
    await assign('Digest one');
    // never had a digest: owed at once
    expect(await deliver(at(1, 6))).toMatchObject({ sent: 1, notices: 1 });
    expect(inbox.at(-1)!.subject).toBe('Rounds daily digest: 1 notification');
    await assign('Digest two');
    await assign('Digest three');
    // the last digest (06:00) went before today's 07:00: owed again, once
    expect(await deliver(at(1, 8))).toMatchObject({ sent: 1, notices: 2 });
    expect(inbox.at(-1)!.subject).toBe('Rounds daily digest: 2 notifications');
    await assign('Digest four');
    expect(await deliver(at(1, 9))).toMatchObject({ sent: 0 });
    expect(await deliver(at(2, 6))).toMatchObject({ sent: 0 });
    expect(await deliver(at(2, 7))).toMatchObject({ sent: 1, notices: 1 });
    expect(inbox.at(-1)!.text).toContain('Digest four');
  });

  it('keeps the e-mail choice per user, audited, and refuses an unknown one by name', async () => {
    const got = await manager.request('GET', '/api/notifications/settings');
    expect(got.json()).toEqual({ email: 'immediate', mailConfigured: false, digestHour: 7 });
    const bad = await manager.request('PUT', '/api/notifications/settings', { email: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/email/);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('entity', '=', 'user_notification_settings')
      .where('entity_id', '=', String(liaison.userId))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => (a.detail as { after: { email: string } }).after.email)).toEqual([
      'off',
      'immediate',
      'daily',
    ]);
  });

  it('shows administrators the mail setup without the SMTP password', async () => {
    expect(smtpServerLabel('smtps://rounds:s3cret@mail.example.org:465')).toBe(
      'smtps://mail.example.org:465',
    );
    expect(smtpServerLabel('smtp://mail.example.org')).toBe('smtp://mail.example.org');
    const admin = await clientFor(app, database, 'admin');
    const r = await admin.request('GET', '/api/notifications/mail');
    expect(r.json()).toMatchObject({
      configured: false,
      server: null,
      from: null,
      digestHour: 7,
      failing: 0,
    });
    expect((await manager.request('GET', '/api/notifications/mail')).statusCode).toBe(403);
  });
});
