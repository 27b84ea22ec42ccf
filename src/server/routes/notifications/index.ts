// A user's in-app notifications (commands/notifications.ts): the bell's list and unread count,
// and marking them read. Only the recipient sees or marks them; not in the read cache (per user).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { mailQueueStatus, smtpServerLabel } from '../../../commands/notificationMail';
import { mailFrom } from '../../../commands/notificationMailer';
import { getEmailChoice, listNotifications, markRead, setEmailChoice } from '../../../commands/notifications';
import { ADMIN, ALL_ROLES, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';

const recipient = (req: FastifyRequest): number => {
  const id = actorOf(req).id;
  if (id === null)
    throw new HttpError(403, 'notifications belong to a signed-in user; an API token has none');
  return id;
};

export default async function notificationRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  const mail = () => ({ mailConfigured: !!config.SMTP_URL, digestHour: config.MAIL_DIGEST_HOUR });

  app.get('/api/notifications', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Your notifications, newest first, and how many are unread',
      querystring: z.strictObject({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        before: z.coerce.number().int().positive().optional(),
        unread: z.enum(['true', 'false']).optional(),
      }),
    },
    handler: async (req) =>
      listNotifications(db, recipient(req), {
        limit: req.query.limit,
        before: req.query.before,
        unreadOnly: req.query.unread === 'true',
      }),
  });

  app.post('/api/notifications/read', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Mark your notifications read: the ids given, or all of them',
      body: z.union([
        z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(500) }),
        z.strictObject({ all: z.literal(true) }),
      ]),
    },
    handler: async (req) => markRead(db, recipient(req), req.body),
  });

  app.get('/api/notifications/settings', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'How you get notifications by e-mail, and whether this server sends e-mail at all (SMTP_URL)',
    },
    handler: async (req) => ({ email: await getEmailChoice(db, recipient(req)), ...mail() }),
  });

  app.put('/api/notifications/settings', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Choose notifications by e-mail: immediately, a daily digest, or never (audited)',
      body: z.strictObject({ email: z.enum(['immediate', 'daily', 'off']) }),
    },
    handler: async (req) => {
      const a = actorOf(req);
      const email = await setEmailChoice(
        db,
        { id: recipient(req), label: a.email, ip: req.ip },
        req.body.email,
      );
      return { email, ...mail() };
    },
  });

  app.get('/api/notifications/mail', {
    config: { roles: ADMIN },
    schema: {
      tags: ['notifications'],
      summary:
        'Notifications by e-mail on this server: configured or not, the SMTP server (no password), what waits and what fails',
    },
    handler: async () => ({
      configured: !!config.SMTP_URL,
      server: config.SMTP_URL ? smtpServerLabel(config.SMTP_URL) : null,
      from: config.SMTP_URL ? mailFrom(config) : null,
      digestHour: config.MAIL_DIGEST_HOUR,
      ...(await mailQueueStatus(db)),
    }),
  });
}
