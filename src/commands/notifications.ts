// In-app notifications: written by the commands that assign work to someone else, in their
// transaction; listed and marked read by their recipient only. Marking read is not audited: it
// changes no shared record, only what the recipient has seen (like reading a page).
import type { Kysely } from 'kysely';
import { personName } from '../core/directory/personName';
import type { NotificationText } from '../core/notifications';
import { recordAudit } from '../db/audit';
import type { DB } from '../db/schema';

export type Notification = {
  id: number;
  kind: string;
  title: string;
  detail: string;
  link: string;
  actorName: string | null;
  createdAt: Date;
  read: boolean;
};

/** The row of a notification to `userId` about what `actorId` did (null: Rounds itself). */
export const notificationRow = (userId: number, actorId: number | null, n: NotificationText) => ({
  user_id: userId,
  actor_id: actorId,
  kind: n.kind,
  title: n.title,
  detail: n.detail,
  link: n.link,
  entity: n.entity,
  entity_id: n.entityId,
});

/**
 * Tells `userId` what `actorId` did. Nothing when there is no recipient, when people act on their
 * own records (nobody needs telling what they did themselves), or when the recipient is disabled.
 */
export async function notify(
  db: Kysely<DB>,
  userId: number | null | undefined,
  actorId: number | null,
  n: NotificationText,
): Promise<void> {
  if (userId == null || userId === actorId) return;
  const user = await db.selectFrom('users').select('disabled').where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled) return;
  await db
    .insertInto('notifications')
    .values(notificationRow(userId, actorId, n))
    .execute();
}

/** The name a notification uses for who acted: the user's name, else the actor's label (an API token). */
export async function actorName(
  db: Kysely<DB>,
  actor: { id: number | null; label: string },
): Promise<string> {
  if (actor.id == null) return actor.label;
  const u = await db.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirst();
  return u?.name || actor.label;
}

/** "Whitney Li, MD", as every screen writes a physician; the NPI when the directory has no such provider. */
export async function physicianName(db: Kysely<DB>, npi: string | null | undefined): Promise<string | null> {
  if (!npi) return null;
  const p = await db
    .selectFrom('providers')
    .select(['first_name', 'last_name', 'credential'])
    .where('npi', '=', npi)
    .executeTakeFirst();
  return p ? personName({ first: p.first_name, last: p.last_name, credential: p.credential }) : `NPI ${npi}`;
}

export async function unreadCount(db: Kysely<DB>, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The recipient's notifications, newest first (keyset on id: `before` is the last id already shown). */
export async function listNotifications(
  db: Kysely<DB>,
  userId: number,
  opts: { limit: number; before?: number; unreadOnly?: boolean },
): Promise<{ items: Notification[]; unread: number; more: boolean }> {
  const rows = await db
    .selectFrom('notifications as n')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.title',
      'n.detail',
      'n.link',
      'n.created_at',
      'n.read_at',
      'a.name as actor_name',
    ])
    .where('n.user_id', '=', userId)
    .$if(opts.before !== undefined, (q) => q.where('n.id', '<', opts.before!))
    .$if(!!opts.unreadOnly, (q) => q.where('n.read_at', 'is', null))
    .orderBy('n.id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  return {
    items: rows.slice(0, opts.limit).map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      title: r.title,
      detail: r.detail,
      link: r.link,
      actorName: r.actor_name,
      createdAt: r.created_at,
      read: r.read_at !== null,
    })),
    unread: await unreadCount(db, userId),
    more: rows.length > opts.limit,
  };
}

/** Marks the recipient's notifications read (the ids given, or all); others' ids are ignored. */
export async function markRead(
  db: Kysely<DB>,
  userId: number,
  which: { ids?: number[]; all?: boolean },
): Promise<{ marked: number; unread: number }> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (!which.all) {
    if (!which.ids?.length) return { marked: 0, unread: await unreadCount(db, userId) };
    q = q.where('id', 'in', which.ids);
  }
  const r = await q.executeTakeFirst();
  return { marked: Number(r.numUpdatedRows), unread: await unreadCount(db, userId) };
}

/** What a task or issue is about, as a notification names it: its physician, else its organization. */
export async function aboutRecord(
  db: Kysely<DB>,
  row: { provider_npi?: unknown; organization_id?: unknown },
): Promise<string | null> {
  const npi = (row.provider_npi as string | null | undefined) ?? null;
  if (npi) return physicianName(db, npi);
  const orgId = row.organization_id as number | null | undefined;
  if (orgId == null) return null;
  const o = await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
  return o?.name ?? null;
}

/** A date column as YYYY-MM-DD whichever way the driver returned it. */
export const dayOf = (d: unknown): string | null =>
  d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

/**
 * Tells a task's or issue's owner that someone else gave it to them (in the write's transaction):
 * `text` composes the words from the actor's name and what the record is about.
 */
export async function tellNewOwner(
  db: Kysely<DB>,
  actor: { id: number | null; label: string },
  row: Record<string, unknown>,
  text: (actor: string, about: string | null) => NotificationText,
): Promise<void> {
  const ownerId = row.owner_id as number | null;
  if (ownerId == null || ownerId === actor.id) return;
  await notify(db, ownerId, actor.id, text(await actorName(db, actor), await aboutRecord(db, row)));
}

export type EmailChoice = 'immediate' | 'daily' | 'off';

export async function getEmailChoice(db: Kysely<DB>, userId: number): Promise<EmailChoice> {
  const u = await db
    .selectFrom('users')
    .select('email_notifications')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return u.email_notifications;
}

/** How the user wants notifications by e-mail; audited like any change to a user. */
export async function setEmailChoice(
  db: Kysely<DB>,
  actor: { id: number; label: string; ip?: string },
  choice: EmailChoice,
): Promise<EmailChoice> {
  return db.transaction().execute(async (trx) => {
    const before = await getEmailChoice(trx, actor.id);
    if (before === choice) return choice;
    await trx
      .updateTable('users')
      .set({ email_notifications: choice, updated_at: new Date() })
      .where('id', '=', actor.id)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'user_notification_settings',
      entityId: String(actor.id),
      ip: actor.ip,
      detail: { before: { email: before }, after: { email: choice } },
    });
    return choice;
  });
}

/** Read notifications are kept this long, then removed by the daily job (unread ones stay). */
export const KEEP_READ_DAYS = 180;

export async function pruneReadNotifications(db: Kysely<DB>, now = new Date()): Promise<number> {
  const r = await db
    .deleteFrom('notifications')
    .where('read_at', 'is not', null)
    .where('created_at', '<', new Date(now.getTime() - KEEP_READ_DAYS * 86_400_000))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
