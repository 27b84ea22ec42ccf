// API tokens for machine clients: shown once, stored as a SHA-256 hash, revocable.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit';
import type { DB } from '../db/schema';
import type { Role } from '../db/tables/foundation';

type Actor = { id: number | null; label: string; ip?: string };

export async function createApiToken(db: Kysely<DB>, actor: Actor, input: { name: string; role: Role }) {
  const token = `rnd_${randomBytes(30).toString('base64url')}`;
  const row = await db
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
  await recordAudit(db, {
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: 'create',
    entity: 'api_token',
    entityId: row.id,
    ip: actor.ip,
    detail: { after: { name: row.name, role: row.role } },
  });
  return { ...row, token };
}

export async function revokeApiToken(db: Kysely<DB>, actor: Actor, id: number) {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (r)
    await recordAudit(db, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'revoke',
      entity: 'api_token',
      entityId: id,
      ip: actor.ip,
    });
  return !!r;
}

export function listApiTokens(db: Kysely<DB>) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .orderBy('id')
    .execute();
}
