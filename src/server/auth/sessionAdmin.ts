// Listing and revoking sessions. A session is named by a HANDLE (the first 16 hex digits of the
// stored SHA-256 of its cookie token): enough to pick it, useless as a credential.
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../db/audit';
import { tokenHash } from '../../db/queries/sessions';
import type { DB } from '../../db/schema';

export const handleOf = (sessionId: string) => sessionId.slice(0, 16);
export const currentSessionId = (cookieToken: string | undefined) =>
  cookieToken ? tokenHash(cookieToken) : null;

type Actor = { id: number | null; label: string; ip?: string };

export async function listSessions(db: Kysely<DB>, userId: number, currentId: string | null) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map(({ id, ...r }) => ({ handle: handleOf(id), current: id === currentId, ...r }));
}

/** Revoke one session by handle; only sessions of `userId`. Returns whether one was ended. */
export async function revokeSession(db: Kysely<DB>, actor: Actor, userId: number, handle: string) {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where(sql<boolean>`left(id, 16) = ${handle}`)
      .returning(['ip', 'user_agent'])
      .execute();
    if (gone.length)
      await recordAudit(trx, {
        actorUserId: actor.id,
        actorLabel: actor.label,
        action: 'revoke',
        entity: 'session',
        entityId: handle,
        ip: actor.ip,
        detail: { user_id: userId, before: gone[0] },
      });
    return gone.length > 0;
  });
}

/** End all of a user's sessions (optionally keeping one, e.g. the caller's own). */
export async function revokeAllSessions(db: Kysely<DB>, actor: Actor, userId: number, keepId: string | null) {
  return db.transaction().execute(async (trx) => {
    let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepId) q = q.where('id', '!=', keepId);
    const n = Number((await q.executeTakeFirst()).numDeletedRows);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'revoke_all',
      entity: 'session',
      entityId: userId,
      ip: actor.ip,
      detail: { user_id: userId, ended: n, kept_current: !!keepId },
    });
    return n;
  });
}
