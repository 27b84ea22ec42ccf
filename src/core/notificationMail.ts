// The e-mail of notifications (commands/notificationMail.ts sends it): one message holding what is
// new, or a daily digest; plain text and simple HTML, every entry with a link back into Rounds.
// Notifications name no patient, so neither does the mail.

export type MailItem = { title: string; detail: string; link: string; createdAt: Date };
export type ComposedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An absolute link: the server's public address and the notification's path. */
export const absoluteLink = (publicUrl: string, link: string) =>
  `${publicUrl.replace(/\/+$/, '')}${link.startsWith('/') ? link : `/${link}`}`;

export function composeMail(
  items: MailItem[],
  opts: { userName: string; publicUrl: string; kind: 'immediate' | 'digest' },
): ComposedMail {
  const n = items.length;
  const subject =
    opts.kind === 'digest'
      ? `Rounds daily digest: ${n} ${n === 1 ? 'notification' : 'notifications'}`
      : n === 1
        ? items[0]!.title
        : `${n} new notifications in Rounds`;
  const settings = absoluteLink(opts.publicUrl, '/account#notifications');
  const first = opts.userName.split(/\s+/)[0] || opts.userName;
  const text = [
    `Hello ${first},`,
    '',
    ...items.flatMap((i) => [
      `• ${i.title}`,
      ...(i.detail ? [`  ${i.detail}`] : []),
      `  ${absoluteLink(opts.publicUrl, i.link)}`,
      '',
    ]),
    `You get these e-mails ${opts.kind === 'digest' ? 'once a day' : 'when something is new'}; change it under Your account: ${settings}`,
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(first)},</p>`,
    '<ul>',
    ...items.map(
      (i) =>
        `<li><a href="${escapeHtml(absoluteLink(opts.publicUrl, i.link))}">${escapeHtml(i.title)}</a>${
          i.detail ? `<br><span style="color:#4a525c">${escapeHtml(i.detail)}</span>` : ''
        }</li>`,
    ),
    '</ul>',
    `<p style="color:#646c76;font-size:13px">You get these e-mails ${
      opts.kind === 'digest' ? 'once a day' : 'when something is new'
    }; <a href="${escapeHtml(settings)}">change it under Your account</a>.</p>`,
  ].join('\n');
  return { subject, text, html };
}

/**
 * The most recent time a daily digest was due (today at `hour`, or yesterday when it is earlier than
 * that), in the server's local time; a digest is owed when the last one went out before it.
 */
export function lastDigestDue(now: Date, hour: number): Date {
  const t = new Date(now);
  t.setHours(hour, 0, 0, 0);
  if (t > now) t.setDate(t.getDate() - 1);
  return t;
}

export const digestOwed = (now: Date, hour: number, last: Date | null) =>
  last === null || last < lastDigestDue(now, hour);
