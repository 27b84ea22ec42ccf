// Append-only, tamper-evident audit trail: each row's hash covers its content and the previous
// row's hash, so editing or deleting any row breaks the chain (`rounds audit verify`).
import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { CHANGE_CHANNEL, type ChangeSignal, changePayload, changesOfAudit, noteChanged } from './changes';
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
  // Content only: the sealer links the row into the chain after this transaction commits, so
  // concurrent writers never wait on each other here.
  await db
    .insertInto('audit_log')
    .values({
      at: new Date(),
      actor_user_id: e.actorUserId ?? null,
      actor_label: e.actorLabel,
      action: e.action,
      entity: e.entity ?? null,
      entity_id: e.entityId == null ? null : String(e.entityId),
      ip: e.ip ?? null,
      detail: e.detail === undefined ? null : JSON.stringify(e.detail),
    })
    .execute();
  noteChanged(
    changesOfAudit({
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      action: e.action,
      detail: e.detail,
    }),
  );
}

export async function recordAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  if (db.isTransaction) return append(db, e);
  await db.transaction().execute((trx) => append(trx, e));
}

const SEAL_LOCK = 7310001;
const SEAL_BATCH = 2000;

type StoredRow = Selectable<DB['audit_log']>;
// A stored row's hash as the sealer writes it and verify recomputes it (from what the database holds).
const hashOfStored = (prev: string, r: StoredRow) =>
  auditHash(prev, {
    at: new Date(r.at).toISOString(),
    actor_label: r.actor_label,
    action: r.action,
    entity: r.entity,
    entity_id: r.entity_id,
    ip: r.ip,
    detail: r.detail,
  });

/**
 * Links committed, unsealed rows into the chain (oldest id first), one sealer at a time across all
 * processes. Returns how many rows it sealed, or null when another sealer holds the lock and
 * `wait` is false (that sealer, or the next call, will take these rows).
 */
export async function sealAudit(db: Kysely<DB>, opts: { wait?: boolean } = {}): Promise<number | null> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      if (opts.wait) await sql`select pg_advisory_xact_lock(${SEAL_LOCK})`.execute(trx);
      else {
        const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`.execute(
          trx,
        );
        if (!got.rows[0]?.ok) return null;
      }
      // The chain's current end and the rows to link, in one round trip. A statement after the one
      // that took the lock: its snapshot sees every seal committed before.
      const found = await sql<StoredRow>`
        (select * from audit_log where seq is not null order by seq desc limit 1)
        union all
        (select * from audit_log where seq is null order by id limit ${SEAL_BATCH})`.execute(trx);
      const end = found.rows[0]?.seq != null ? found.rows[0] : null;
      const rows = end ? found.rows.slice(1) : found.rows;
      if (!rows.length) return 0;
      let prev = end?.hash ?? GENESIS;
      let seq = end?.seq ?? 0;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      const changed = new Set<ChangeSignal>();
      for (const r of rows) {
        for (const d of changesOfAudit({ ...r, entityId: r.entity_id })) changed.add(d);
        const hash = hashOfStored(prev, r);
        ids.push(r.id);
        seqs.push(++seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      // Link the rows, and tell every server process what these writes changed (its cached
      // answers for those kinds of data are dropped when this commits).
      // (No notification when the rows change nothing cached: token use, sessions.)
      const link = sql`
          update audit_log a set seq = u.seq, prev_hash = u.prev, hash = u.hash
          from unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) u(id, seq, prev, hash)
          where a.id = u.id`;
      await (changed.size
        ? sql`with sealed as (${link} returning 1)
            select pg_notify(${CHANGE_CHANNEL}, ${changePayload(changed)}) from (select count(*) from sealed) c`
        : link
      ).execute(trx);
      return rows.length;
    });
    if (n === null) return total || null;
    total += n;
    if (n < SEAL_BATCH) return total;
  }
}

export type AuditVerification = {
  ok: boolean;
  rows: number;
  /** Hash of the last row checked: keep it somewhere else to detect truncation of the tail later. */
  head: string;
  brokenAt?: number;
  reason?: string;
};

/** Seal what is committed, then walk the chain oldest → newest; stop at the first row whose links or
 * content do not match. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerification> {
  await sealAudit(db, { wait: true });
  let prev = GENESIS;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (batch.length === 0) return { ok: true, rows, head: prev };
    for (const r of batch) {
      const expected = hashOfStored(prev, r);
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
      after = r.seq!;
    }
  }
}
