// API tokens for machine clients: shown once, stored as a SHA-256 hash, revocable.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit';
import { forgetTokens } from '../db/queries/tokenCache';
import type { DB } from '../db/schema';
import type { Role } from '../db/tables/foundation';

type Actor = { id: number | null; label: string; ip?: string };

export async function createApiToken(db: Kysely<DB>, actor: Actor, input: { name: string; role: Role }) {
  const token = `rnd_${randomBytes(30).toString('base64url')}`;
  // Token and audit row commit together: no token exists without its audit entry.
  const row = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        name: input.name,
        role: input.role,
        token_hash: createHash('sha256').update(token).digest('hex'),
        prefix: token.slice(0, 8),
        created_by: actor.id,
      })
      .returning(['id', 'name', 'role', 'prefix', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      ip: actor.ip,
      detail: { after: { name: row.name, role: row.role } },
    });
    return row;
  });
  return { ...row, token };
}

export async function revokeApiToken(db: Kysely<DB>, actor: Actor, id: number) {
  const revoked = await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name', 'role'])
      .executeTakeFirst();
    if (r)
      await recordAudit(trx, {
        actorUserId: actor.id,
        actorLabel: actor.label,
        action: 'revoke',
        entity: 'api_token',
        entityId: id,
        ip: actor.ip,
        detail: { before: { name: r.name, role: r.role, revoked: false }, after: { revoked: true } },
      });
    return !!r;
  });
  forgetTokens(db); // this process stops accepting it at once (others within TOKEN_CACHE_MS)
  return revoked;
}

export function listApiTokens(db: Kysely<DB>) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .orderBy('id')
    .execute();
}
