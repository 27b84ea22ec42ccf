// Token use is audited as the FIRST use of each token in each hour (action 'token_use', with IP,
// method and path), not every request: machine clients poll, and one audit row per request would
// bury everything else. Every write a token makes is still audited by the command it calls
// (actor label `token:<name>`). last_used_at is refreshed at most once a minute (and a process
// that just refreshed it does not ask the database again within that minute: tokenCache.ts).

import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/connection';
import { markNoted, notedRecently } from '../../db/queries/tokenCache';

export const TOKEN_USE_AUDIT_MINUTES = 60;

export async function noteTokenUse(
  database: Database,
  tok: { id: number; name: string },
  req: FastifyRequest,
) {
  if (notedRecently(database.db, tok.id)) return;
  const db = database.db;
  // Returns the previous last_used_at, and only when we actually moved it (PostgreSQL 15 has no RETURNING OLD).
  const moved = await sql<{ prev: Date | null }>`
    update api_tokens t set last_used_at = now()
    from (select id, last_used_at as prev from api_tokens where id = ${tok.id}) o
    where t.id = o.id and (t.last_used_at is null or t.last_used_at < now() - interval '1 minute')
    returning o.prev`.execute(db);
  const prev = moved.rows[0]?.prev;
  if (!moved.rows.length) return;
  markNoted(database.db, tok.id);
  if (prev && Date.now() - new Date(prev).getTime() < TOKEN_USE_AUDIT_MINUTES * 60_000) return;
  await recordAudit(db, {
    actorUserId: null,
    actorLabel: `token:${tok.name}`,
    action: 'token_use',
    entity: 'api_token',
    entityId: tok.id,
    ip: req.ip,
    detail: {
      method: req.method,
      path: req.url.split('?')[0]!.slice(0, 300),
      first_in_minutes: TOKEN_USE_AUDIT_MINUTES,
    },
  });
}
