// Admin edits of the taxonomy → service-line map; providers' primary service line follows.
import { type Kysely, sql } from 'kysely';
import { isServiceLineKey, serviceLineForTaxonomy } from '../../core/serviceLines';
import { recordAudit } from '../../db/audit';
import type { DB } from '../../db/schema';

export class DirectoryError extends Error {
  constructor(
    message: string,
    public status = 400,
  ) {
    super(message);
  }
  expected = true;
}

type Actor = { id: number | null; label: string; ip?: string };

export async function listServiceLineMap(db: Kysely<DB>) {
  const rows = await sql<{
    code: string;
    display_name: string;
    grouping: string;
    section: string | null;
    service_line: string | null;
    is_default: boolean | null;
    updated_by: string | null;
    providers: number;
  }>`
    select t.code, t.display_name, t.grouping, t.section, m.service_line, m.is_default, m.updated_by,
      (select count(*)::int from providers p where p.primary_taxonomy = t.code) as providers
    from taxonomies t left join service_line_map m on m.taxonomy_code = t.code order by t.code`.execute(db);
  return rows.rows.map((r) => ({
    code: r.code,
    name: r.display_name,
    grouping: r.grouping,
    section: r.section,
    serviceLine: r.service_line ?? 'other',
    isDefault: r.is_default ?? true,
    defaultServiceLine: serviceLineForTaxonomy(r.code),
    updatedBy: r.updated_by,
    providers: r.providers,
  }));
}

export async function updateServiceLineMap(
  db: Kysely<DB>,
  actor: Actor,
  changes: { code: string; serviceLine: string }[],
) {
  for (const c of changes)
    if (!isServiceLineKey(c.serviceLine))
      throw new DirectoryError(`serviceLine: "${c.serviceLine}" is not a service-line key`);
  const codes = [...new Set(changes.map((c) => c.code.toUpperCase()))];
  const known = await db
    .selectFrom('taxonomies')
    .select('code')
    .where('code', 'in', codes.length ? codes : [''])
    .execute();
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length) throw new DirectoryError(`code: ${missing[0]} is not a NUCC taxonomy code`);
  return db.transaction().execute(async (tx) => {
    let providers = 0;
    for (const c of changes) {
      const code = c.code.toUpperCase();
      const before = await tx
        .selectFrom('service_line_map')
        .select('service_line')
        .where('taxonomy_code', '=', code)
        .executeTakeFirst();
      if (before?.service_line === c.serviceLine) continue;
      await tx
        .insertInto('service_line_map')
        .values({
          taxonomy_code: code,
          service_line: c.serviceLine,
          is_default: c.serviceLine === serviceLineForTaxonomy(code),
          updated_by: actor.label,
        })
        .onConflict((oc) =>
          oc.column('taxonomy_code').doUpdateSet({
            service_line: c.serviceLine,
            is_default: c.serviceLine === serviceLineForTaxonomy(code),
            updated_by: actor.label,
            updated_at: new Date(),
          }),
        )
        .execute();
      const r = await tx
        .updateTable('providers')
        .set({ primary_service_line: c.serviceLine, updated_at: new Date() })
        .where('primary_taxonomy', '=', code)
        .executeTakeFirst();
      providers += Number(r.numUpdatedRows ?? 0);
      await recordAudit(tx, {
        actorUserId: actor.id,
        actorLabel: actor.label,
        ip: actor.ip,
        action: 'update',
        entity: 'service_line_map',
        entityId: code,
        detail: { before: before?.service_line ?? null, after: c.serviceLine },
      });
    }
    return { updated: changes.length, providersReassigned: providers };
  });
}
