// Append-only, tamper-evident audit trail: each row's hash covers its content and the previous
// row's hash, so editing or deleting any row breaks the chain (`rounds audit verify`).
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

export type AuditEntry = {
  actorUserId?: number | null;
  actorLabel: string;
  action: string; // e.g. 'create', 'update', 'delete', 'export', 'import', 'login', 'login_failed'
  entity?: string | null;
  entityId?: string | number | null;
  ip?: string | null;
  detail?: unknown;
};

const GENESIS = '0'.repeat(64);

// jsonb does not keep key order, so hash a canonical form (keys sorted at every level).
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

export function auditHash(
  prev: string,
  row: {
    at: string;
    actor_label: string;
    action: string;
    entity: string | null;
    entity_id: string | null;
    ip: string | null;
    detail: unknown;
  },
): string {
  const body = JSON.stringify([
    prev,
    row.at,
    row.actor_label,
    row.action,
    row.entity,
    row.entity_id,
    row.ip,
    canonical(row.detail ?? null),
  ]);
  return createHash('sha256').update(body).digest('hex');
}

async function append(db: Kysely<DB>, e: AuditEntry) {
  // One writer at a time extends the chain (held until the surrounding transaction ends).
  await sql`select pg_advisory_xact_lock(7310001)`.execute(db);
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prev = last?.hash ?? GENESIS;
  const at = new Date().toISOString();
  const row = {
    at,
    actor_label: e.actorLabel,
    action: e.action,
    entity: e.entity ?? null,
    entity_id: e.entityId == null ? null : String(e.entityId),
    ip: e.ip ?? null,
    detail: e.detail === undefined ? null : JSON.parse(JSON.stringify(e.detail)),
  };
  await db
    .insertInto('audit_log')
    .values({
      ...row,
      at: new Date(at),
      actor_user_id: e.actorUserId ?? null,
      detail: JSON.stringify(row.detail),
      prev_hash: prev,
      hash: auditHash(prev, row),
    })
    .execute();
}

export async function recordAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  if (db.isTransaction) return append(db, e);
  await db.transaction().execute((trx) => append(trx, e));
}

export type AuditVerification = {
  ok: boolean;
  rows: number;
  /** Hash of the last row checked: keep it somewhere else to detect truncation of the tail later. */
  head: string;
  brokenAt?: number;
  reason?: string;
};

/** Walk the chain oldest → newest; stop at the first row whose links or content do not match. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerification> {
  let prev = GENESIS;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (batch.length === 0) return { ok: true, rows, head: prev };
    for (const r of batch) {
      const expected = auditHash(prev, {
        at: new Date(r.at).toISOString(),
        actor_label: r.actor_label,
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        ip: r.ip,
        detail: r.detail,
      });
      if (r.prev_hash !== prev)
        return {
          ok: false,
          rows,
          head: prev,
          brokenAt: r.id,
          reason:
            'prev_hash does not match the previous row (a row before it was deleted, inserted or re-hashed)',
        };
      if (r.hash !== expected)
        return {
          ok: false,
          rows,
          head: prev,
          brokenAt: r.id,
          reason: 'content does not match its hash (row edited)',
        };
      prev = r.hash;
      rows++;
      after = r.id;
    }
  }
}
