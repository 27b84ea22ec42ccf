// Sessions live in the database so any number of server processes share them.
// The cookie holds a random token; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  opts: { absoluteHours: number; ip?: string; userAgent?: string },
) {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: tokenHash(token),
      user_id: userId,
      csrf_token: csrf,
      expires_at: new Date(Date.now() + opts.absoluteHours * 3600_000),
      ip: opts.ip ?? null,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrf };
}

export async function findActiveSession(db: Kysely<DB>, token: string, idleMinutes: number) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', tokenHash(token))
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now()` })
      .where('id', '=', row.session_id)
      .execute();
  }
  return row;
}

export const deleteSession = (db: Kysely<DB>, token: string) =>
  db.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();

export const deleteUserSessions = (db: Kysely<DB>, userId: number) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).execute();
