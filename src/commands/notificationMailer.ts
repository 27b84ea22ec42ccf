// The e-mail loop inside `rounds serve` when SMTP_URL is set: every MAIL_CHECK_SECONDS it sends what
// is new (commands/notificationMail.ts) through nodemailer's SMTP transport.
import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import { deliverNotificationMail, type SendMail } from './notificationMail';
import { repeat } from './repeat';

type Log = { info: (o: object, m: string) => void; error: (o: object, m: string) => void };

/** The From of notification e-mail: MAIL_FROM, else rounds@ the PUBLIC_URL's host. */
export const mailFrom = (config: Config) =>
  config.MAIL_FROM ?? `Rounds <rounds@${new URL(config.PUBLIC_URL!).hostname}>`;

/** The sender for this server's SMTP_URL and MAIL_FROM. */
export function smtpSender(config: Config): SendMail {
  const transport = nodemailer.createTransport(config.SMTP_URL!);
  const from = mailFrom(config);
  return async (m) => {
    await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
  };
}

export function startNotificationMailer(
  database: Database,
  config: Config,
  log: Log,
  send?: SendMail,
): () => void {
  if (!config.SMTP_URL || !config.PUBLIC_URL) return () => {};
  const sender = send ?? smtpSender(config);
  return repeat(
    async () => {
      try {
        const r = await deliverNotificationMail(database.db, sender, {
          publicUrl: config.PUBLIC_URL!,
          digestHour: config.MAIL_DIGEST_HOUR,
        });
        if (r.sent || r.failed) log.info(r, 'notification e-mail');
      } catch (e) {
        log.error({ err: e }, 'notification e-mail check failed');
      }
    },
    { firstMs: config.MAIL_CHECK_SECONDS * 1000, everyMs: config.MAIL_CHECK_SECONDS * 1000 },
  );
}
