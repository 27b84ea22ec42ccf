// Versioned writes shared by every editable CRM record: create, update with optimistic
// concurrency (a stale version → 409 with the current record and the fields changed since),
// soft delete and restore, each recorded in the audit trail with before/after (the change history).
import { type Kysely, sql } from 'kysely';
import { type ChangeEntry, effectivePatch, fieldsChangedSince, snapshot } from '../../core/crm/concurrency';
import { recordAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { type Actor, CrmError } from './errors';

type Row = Record<string, unknown> & { version: number };
export type VersionedTable =
  | 'contacts'
  | 'activities'
  | 'tasks'
  | 'physician_issues'
  | 'spend_entries'
  | 'territories'
  | 'provider_relationships'
  | 'organizations'
  | 'locations';

export type Spec = {
  table: VersionedTable;
  entity: string;
  key?: string; // primary key column, default 'id'
  softDelete?: boolean; // has deleted_at, default true
};

/** Drop columns that never leave the server (stored search vectors). */
export function present<T extends Record<string, unknown>>(row: T): Omit<T, 'search'> {
  const { search: _s, ...rest } = row as T & { search?: unknown };
  return rest;
}

// Kysely cannot type a table chosen at run time; the spec constrains it to our tables instead.
// biome-ignore lint/suspicious/noExplicitAny: dynamic table name, values checked by zod upstream
const anyDb = (db: Kysely<DB>) => db as unknown as Kysely<any>;

export async function loadRow(db: Kysely<DB>, spec: Spec, id: string | number): Promise<Row | undefined> {
  const r = await anyDb(db)
    .selectFrom(spec.table)
    .selectAll()
    .where(spec.key ?? 'id', '=', id)
    .executeTakeFirst();
  return r ? (present(r) as Row) : undefined;
}

export async function changeHistory(db: Kysely<DB>, entity: string, id: string | number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_label', 'action', 'detail'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

async function conflict(db: Kysely<DB>, spec: Spec, id: string | number, current: Row, sent: number) {
  const hist = await changeHistory(db, spec.entity, id);
  const entries: ChangeEntry[] = hist
    .map((h) => h.detail as Partial<ChangeEntry> | null)
    .filter((d): d is ChangeEntry => !!d && typeof d.version === 'number' && !!d.before && !!d.after);
  return new CrmError(
    `${spec.entity} ${id} was changed by someone else (you edited version ${sent}, it is now version ${current.version}); review the current record and apply your change again`,
    409,
    { current, changedFields: fieldsChangedSince(entries, sent), yourVersion: sent },
  );
}

export async function createVersioned(
  db: Kysely<DB>,
  actor: Actor,
  spec: Spec,
  values: Record<string, unknown>,
): Promise<Row> {
  const row = present(
    await anyDb(db).insertInto(spec.table).values(values).returningAll().executeTakeFirstOrThrow(),
  ) as Row;
  await recordAudit(db, {
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: 'create',
    entity: spec.entity,
    entityId: String(row[spec.key ?? 'id']),
    ip: actor.ip,
    detail: { version: row.version, before: {}, after: row },
  });
  return row;
}

/**
 * Apply `patch` if the record is still at `version`. `authorize` sees the current row and throws
 * to refuse. Returns the updated row (or the unchanged row when the patch changes nothing).
 */
export async function updateVersioned(
  db: Kysely<DB>,
  actor: Actor,
  spec: Spec,
  id: string | number,
  version: number,
  patch: Record<string, unknown>,
  authorize?: (current: Row) => Promise<void> | void,
): Promise<Row> {
  const key = spec.key ?? 'id';
  const current = await loadRow(db, spec, id);
  if (!current || (spec.softDelete !== false && current.deleted_at && !('deleted_at' in patch)))
    throw new CrmError(`${spec.entity} ${id} not found`, 404);
  await authorize?.(current);
  if (current.version !== version) throw await conflict(db, spec, id, current, version);
  const eff = effectivePatch(current, patch);
  if (Object.keys(eff).length === 0) return current;
  const updated = await anyDb(db)
    .updateTable(spec.table)
    .set({ ...eff, version: sql`version + 1`, updated_at: new Date() })
    .where(key, '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  // Another writer got in between our read and our write: same answer as a stale version.
  if (!updated) throw await conflict(db, spec, id, (await loadRow(db, spec, id))!, version);
  const row = present(updated) as Row;
  const { before, after } = snapshot(current, eff);
  await recordAudit(db, {
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: 'deleted_at' in eff ? (eff.deleted_at ? 'delete' : 'restore') : 'update',
    entity: spec.entity,
    entityId: String(id),
    ip: actor.ip,
    detail: { version: row.version, before, after },
  });
  return row;
}

/** Soft delete (or restore) at the current version unless the caller names one. */
export async function setDeleted(
  db: Kysely<DB>,
  actor: Actor,
  spec: Spec,
  id: string | number,
  deleted: boolean,
  version: number | undefined,
  authorize?: (current: Row) => Promise<void> | void,
): Promise<Row> {
  const current = await loadRow(db, spec, id);
  if (!current) throw new CrmError(`${spec.entity} ${id} not found`, 404);
  if (!!current.deleted_at === deleted)
    throw new CrmError(`${spec.entity} ${id} is ${deleted ? 'already deleted' : 'not deleted'}`, 409);
  return updateVersioned(
    db,
    actor,
    spec,
    id,
    version ?? current.version,
    { deleted_at: deleted ? new Date() : null },
    authorize,
  );
}

/** Run in a transaction unless already in one (so commands compose inside importers). */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
