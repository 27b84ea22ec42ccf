// Running a CRM import: read the sheet, resolve the column mapping, parse and check every row
// (row-level errors name line, field and reason), then either return a preview or write all good
// rows in one transaction and record an import_jobs row. Bad rows never stop good ones; a
// failure of the database itself rolls everything back.
import type { Kysely } from 'kysely';
import type { Actor } from '../../commands/crm/errors';
import { isTimeZone } from '../../core/crm/localTime';
import { recordAudit } from '../../db/audit';
import { getSetting } from '../../db/queries/settings';
import type { DB } from '../../db/schema';
import { ImportRefused } from '../fileSource';
import { failJob, finishJob, RowErrors, startJob, zeroCounts } from '../jobs';
import { Cells } from './cells';
import { loadContext } from './context';
import { IMPORT_KINDS, type ImportKindName, kindOf } from './kinds';
import { type Mapping, mapRow, resolveMapping } from './mapping';
import { readSheet } from './sheet';

export type CrmImportOptions = {
  actor: Actor;
  mapping?: Mapping;
  /** Name shown in the job and errors (uploads pass the client's file name). */
  fileName?: string;
  /** IANA zone for local times in the file; default: setting market_timezone, else the server's. */
  timeZone?: string;
  /** Parse and check only; write nothing. */
  preview?: boolean;
  today?: string;
};

export type CrmImportResult = {
  kind: ImportKindName;
  fileName: string;
  jobId: number | null;
  preview: boolean;
  headers: string[];
  mapping: Mapping;
  unmapped: string[];
  fields: { field: string; required: boolean; help: string }[];
  rows: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; field: string; reason: string }[];
  message: string | null;
  sample: { line: number; values: Record<string, string> }[];
};

export async function marketTimeZone(db: Kysely<DB>, given?: string): Promise<string> {
  const tz =
    given ??
    (await getSetting<string>(db, 'market_timezone')) ??
    Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isTimeZone(tz))
    throw new ImportRefused(`timeZone: "${tz}" is not an IANA time zone (e.g. America/Chicago)`);
  return tz;
}

export async function importCrmFile(
  db: Kysely<DB>,
  kindName: ImportKindName,
  file: string,
  opts: CrmImportOptions,
): Promise<CrmImportResult> {
  if (!(kindName in IMPORT_KINDS))
    throw new ImportRefused(`unknown import kind "${kindName}" (${Object.keys(IMPORT_KINDS).join(', ')})`);
  const kind = kindOf(kindName);
  if (!kind.roles.includes(opts.actor.role))
    throw new ImportRefused(`the ${opts.actor.role} role may not import ${kindName}`);
  const label = opts.fileName ?? file.split('/').pop()!;
  const sheet = await readSheet(file, label);
  const m = resolveMapping(sheet.headers, kind.fields, opts.mapping);
  if (m.problems.length) throw new ImportRefused(`${label}: ${m.problems.join('; ')}`);
  const base = {
    kind: kindName,
    fileName: label,
    preview: !!opts.preview,
    headers: sheet.headers,
    mapping: m.mapping,
    unmapped: m.unmapped,
    fields: kind.fields.map((f) => ({ field: f.field, required: !!f.required, help: f.help })),
    rows: sheet.rows.length,
    sample: sheet.rows.slice(0, 20).map((r) => ({ line: r.line, values: mapRow(r.values, m.mapping) })),
  };
  if (m.missing.length)
    throw new ImportRefused(
      `${label}: no column is mapped to the required field${m.missing.length > 1 ? 's' : ''} ${m.missing.join(', ')} (columns: ${sheet.headers.join(', ')})`,
    );

  const timeZone = await marketTimeZone(db, opts.timeZone);
  const npis = new Set<string>();
  for (const r of sheet.rows)
    for (const f of kind.npiFields)
      for (const n of mapRow(r.values, m.mapping)[f]?.split(/[;|]/) ?? [])
        if (/^\d{10}$/.test(n.trim())) npis.add(n.trim());

  const write = async (trx: Kysely<DB>) => {
    const ctx = await loadContext(trx, opts.actor, npis, { timeZone, today: opts.today });
    const errors = new RowErrors();
    const good: { line: number; value: unknown }[] = [];
    const seen = new Map<string, number>();
    for (const r of sheet.rows) {
      let bad = false;
      const c = new Cells(mapRow(r.values, m.mapping), ctx, (field, reason) => {
        bad = true;
        errors.add(r.line, field, reason);
      });
      const v = kind.parse(c);
      if (bad || v === null) continue;
      const k = kind.key(v);
      if (seen.has(k)) {
        errors.add(r.line, 'row', `repeats line ${seen.get(k)} (same key ${k})`);
        continue;
      }
      seen.set(k, r.line);
      good.push({ line: r.line, value: v });
    }
    const rejected =
      new Set(errors.items.map((e) => e.line)).size + Math.max(0, errors.total - errors.items.length);
    const counts = opts.preview
      ? { inserted: 0, updated: 0, unchanged: 0 }
      : await kind.write(trx, good, ctx);
    return { errors, accepted: good.length, rejected, counts };
  };

  if (opts.preview) {
    const r = await write(db);
    return {
      ...base,
      jobId: null,
      accepted: r.accepted,
      rejected: r.rejected,
      ...r.counts,
      errors: r.errors.items,
      message: r.errors.summary(),
    };
  }
  const job = await startJob(db, `crm-${kindName}`, label, opts.actor.label);
  try {
    const r = await db.transaction().execute(async (trx) => {
      const out = await write(trx);
      const counts = { ...zeroCounts(), read: sheet.rows.length, ...out.counts, rejected: out.rejected };
      await finishJob(trx, job.id, counts, out.errors, null);
      await recordAudit(trx, {
        actorUserId: opts.actor.id,
        actorLabel: opts.actor.label,
        action: 'import',
        entity: 'import_job',
        entityId: job.id,
        ip: opts.actor.ip,
        detail: {
          kind: `crm-${kindName}`,
          file: label,
          rows: sheet.rows.length,
          ...out.counts,
          rejected: out.rejected,
        },
      });
      return out;
    });
    return {
      ...base,
      jobId: job.id,
      accepted: r.accepted,
      rejected: r.rejected,
      ...r.counts,
      errors: r.errors.items,
      message: r.errors.summary(),
    };
  } catch (e) {
    await failJob(db, job.id, (e as Error).message);
    throw e;
  }
}
