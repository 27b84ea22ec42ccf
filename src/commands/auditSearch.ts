// Reading the audit trail: filtered pages (newest first, keyset cursor) and streaming export.
// Shared by `rounds audit export` and GET /api/audit(/export).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export type AuditFilter = {
  actor?: string; // matches actor_label (case-insensitive substring) or an exact user id
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date; // inclusive
  to?: Date; // exclusive
};

export type AuditRow = {
  id: number;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  ip: string | null;
  detail: unknown;
  hash: string | null; // null for a moment after the write, until the sealer links it
};

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .select([
      'id',
      'at',
      'actor_user_id',
      'actor_label',
      'action',
      'entity',
      'entity_id',
      'ip',
      'detail',
      'hash',
    ]);
  if (f.actor) {
    const id = /^\d{1,15}$/.test(f.actor) ? Number(f.actor) : null;
    const like = `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      id === null
        ? eb('actor_label', 'ilike', like)
        : eb.or([eb('actor_label', 'ilike', like), eb('actor_user_id', '=', id)]),
    );
  }
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  return q;
}

const toRow = (r: Omit<AuditRow, 'at'> & { at: Date }): AuditRow => ({
  ...r,
  at: new Date(r.at).toISOString(),
});

/** One page, newest first. `cursor` is the last id of the previous page. */
export async function searchAudit(db: Kysely<DB>, f: AuditFilter, page: { cursor?: number; limit: number }) {
  let q = filtered(db, f);
  if (page.cursor) q = q.where('id', '<', page.cursor);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map(toRow);
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

/** Every matching row, oldest first, in batches (constant memory for any size of trail). */
export async function* iterateAudit(db: Kysely<DB>, f: AuditFilter, batch = 2000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, f).where('id', '>', after).orderBy('id').limit(batch).execute();
    for (const r of rows) yield toRow(r);
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor_user_id',
  'actor_label',
  'action',
  'entity',
  'entity_id',
  'ip',
  'detail',
  'hash',
] as const;

/** One CSV line (RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with '). */
export function auditCsvLine(values: readonly unknown[]): string {
  return `${values
    .map((v) => {
      let s = v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}

export async function* auditExportLines(
  db: Kysely<DB>,
  f: AuditFilter,
  format: 'csv' | 'jsonl',
): AsyncGenerator<string> {
  if (format === 'csv') yield auditCsvLine(AUDIT_CSV_COLUMNS);
  for await (const r of iterateAudit(db, f))
    yield format === 'csv' ? auditCsvLine(AUDIT_CSV_COLUMNS.map((c) => r[c])) : `${JSON.stringify(r)}\n`;
}
