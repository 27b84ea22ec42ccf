// Customer referral CSV (docs/formats/referrals.md): referring_npi, receiving_npi, receiving_facility,
// service_line, referral_date, status, count — or any other shape through a column mapping.
// Streaming; row-level errors with line numbers; idempotent (see stage.ts).
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { npiProblem } from '../../core/npi';
import type { Database } from '../../db/connection';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../db/tables/referrals';
import { type CsvRecord, readCsvBatches } from '../csv/records';
import { type RowErrors, startJob } from '../jobs';
import { undroppedPatientColumns } from './patientColumns';
import { DestinationResolver } from './resolve';
import { ReferralImportError, type ReferralImportResult, runStagedImport } from './run';
import { naturalKeyHash, type StagedReferral, stageRows } from './stage';

export const REFERRAL_COLUMNS = [
  'referring_npi',
  'receiving_npi',
  'receiving_facility',
  'service_line',
  'referral_date',
  'status',
  'count',
] as const;
export type ReferralColumn = (typeof REFERRAL_COLUMNS)[number];

export interface ReferralCsvOptions {
  /** Rounds column → the header that holds it in this file (for exports of other shapes). */
  mapping?: Partial<Record<ReferralColumn, string>>;
  /** Headers to drop unread; patient-looking columns must be listed here or the file is refused. */
  dropColumns?: string[];
  startedBy?: string | null;
  fileName?: string;
  encoding?: 'utf8' | 'latin1';
  onProgress?: (rowsRead: number) => void;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
function validDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3]) &&
    Number(m[1]) >= 1990 &&
    Number(m[1]) <= 2100
  );
}

/** Column positions from the header, applying the mapping; throws for a file we cannot read. */
export function resolveColumns(
  header: string[],
  opts: ReferralCsvOptions,
  label: string,
): Record<ReferralColumn, number> {
  const norm = (s: string) => s.trim().toLowerCase();
  const patient = undroppedPatientColumns(header, opts.dropColumns ?? []);
  if (patient.length)
    throw new ReferralImportError(
      `${label}: columns that look like patient data (${patient.join(', ')}) — Rounds stores no patient identifiers. Remove them, or drop them explicitly (--drop-columns "${patient.join(',')}").`,
    );
  const idx = {} as Record<ReferralColumn, number>;
  for (const c of REFERRAL_COLUMNS) {
    const wanted = norm(opts.mapping?.[c] ?? c);
    idx[c] = header.findIndex((h) => norm(h) === wanted);
    if (opts.mapping?.[c] && idx[c] < 0)
      throw new ReferralImportError(
        `${label}: mapped column "${opts.mapping[c]}" (for ${c}) is not in the header`,
      );
  }
  if (idx.referring_npi < 0)
    throw new ReferralImportError(`${label}: line 1: the header has no referring_npi column`);
  if (idx.receiving_npi < 0 && idx.receiving_facility < 0)
    throw new ReferralImportError(`${label}: line 1: the header needs receiving_npi or receiving_facility`);
  if (idx.referral_date < 0)
    throw new ReferralImportError(`${label}: line 1: the header has no referral_date column`);
  return idx;
}

type Parsed = Omit<StagedReferral, 'destOrgId' | 'destProviderNpi' | 'serviceLine' | 'factBase'> & {
  serviceLineRaw: string;
};

function parseRecord(rec: CsvRecord, idx: Record<ReferralColumn, number>, errors: RowErrors): Parsed | null {
  const get = (c: ReferralColumn) => (idx[c] >= 0 ? (rec.fields[idx[c]] ?? '').trim() : '');
  const bad = (field: string, reason: string) => {
    errors.add(rec.line, field, reason);
    return null;
  };
  const referringNpi = get('referring_npi');
  if (!referringNpi) return bad('referring_npi', 'required');
  const p = npiProblem(referringNpi);
  if (p)
    return bad(
      'referring_npi',
      p === 'format'
        ? `"${referringNpi}" is not a 10-digit NPI`
        : `${referringNpi} fails the NPI check digit`,
    );
  const receivingNpi = get('receiving_npi') || null;
  if (receivingNpi && npiProblem(receivingNpi))
    return bad('receiving_npi', `"${receivingNpi}" is not a valid NPI`);
  const receivingFacility = get('receiving_facility') || null;
  if (!receivingNpi && !receivingFacility)
    return bad('receiving_npi', 'one of receiving_npi or receiving_facility is required');
  const referralDate = get('referral_date');
  if (!validDate(referralDate)) return bad('referral_date', `"${referralDate}" is not a date YYYY-MM-DD`);
  const statusRaw = get('status').toLowerCase() || 'completed';
  if (!REFERRAL_STATUSES.includes(statusRaw as ReferralStatus))
    return bad('status', `"${statusRaw}" is not one of ${REFERRAL_STATUSES.join(', ')}`);
  const countRaw = get('count') || '1';
  const count = Number(countRaw);
  if (!/^\d+$/.test(countRaw) || count < 1 || count > 1_000_000)
    return bad('count', `"${countRaw}" is not a whole number ≥ 1`);
  return {
    line: rec.line,
    referringNpi,
    receivingNpi,
    receivingFacility,
    referralDate,
    status: statusRaw as ReferralStatus,
    count,
    externalId: null,
    serviceLineRaw: get('service_line'),
  };
}

/** Resolves destinations and service lines; rows that name nothing we know become row errors. */
function toStaged(r: Parsed, resolver: DestinationResolver, errors: RowErrors): StagedReferral | null {
  let destOrgId: number | null = null;
  if (r.receivingFacility) {
    const f = resolver.facility(r.receivingFacility);
    if (f == null && !r.receivingNpi) {
      errors.add(
        r.line,
        'receiving_facility',
        `"${r.receivingFacility}" is neither an organization NPI nor a facility code in Rounds`,
      );
      return null;
    }
    destOrgId = f ?? null;
  }
  const prov = r.receivingNpi ? resolver.provider(r.receivingNpi) : null;
  if (r.receivingNpi && !prov && destOrgId === null) {
    // an organization NPI in the receiving_npi column is accepted as the facility
    const asOrg = resolver.facility(r.receivingNpi);
    if (asOrg == null) {
      errors.add(r.line, 'receiving_npi', `${r.receivingNpi} is not in the directory`);
      return null;
    }
    destOrgId = asOrg;
  }
  destOrgId ??= prov?.orgId ?? null;
  const serviceLine = r.serviceLineRaw ? resolver.serviceLine(r.serviceLineRaw) : (prov?.serviceLine ?? null);
  if (!serviceLine) {
    errors.add(
      r.line,
      'service_line',
      r.serviceLineRaw
        ? `"${r.serviceLineRaw}" is neither a Rounds service line nor a NUCC taxonomy code`
        : 'required (the receiving provider has no service line to fall back on)',
    );
    return null;
  }
  const destProviderNpi = prov ? prov.npi : null;
  const factBase = naturalKeyHash('ehr', [
    r.referringNpi,
    r.receivingNpi,
    r.receivingFacility,
    serviceLine,
    r.referralDate,
  ]);
  return { ...r, serviceLine, destOrgId, destProviderNpi, factBase };
}

/** Imports a referral CSV from a path or a byte stream. */
export async function importReferralsCsv(
  database: Database,
  input: string | AsyncIterable<Buffer>,
  opts: ReferralCsvOptions = {},
): Promise<ReferralImportResult> {
  const fileName = opts.fileName ?? (typeof input === 'string' ? basename(input) : 'upload.csv');
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 20 }) : input;
  const { id: jobId } = await startJob(database.db, 'referrals', fileName, opts.startedBy ?? null);
  return runStagedImport(database, jobId, 'ehr', async (counts, errors) => {
    const resolver = new DestinationResolver(database.db);
    await resolver.init();
    let idx: Record<ReferralColumn, number> | null = null;
    let maxDate: string | null = null;
    for await (const batch of readCsvBatches(stream, {
      encoding: opts.encoding ?? 'utf8',
      fileLabel: fileName,
    })) {
      let records = batch;
      if (!idx) {
        idx = resolveColumns(batch[0]!.fields, opts, fileName);
        records = batch.slice(1);
      }
      const parsed: Parsed[] = [];
      for (const rec of records) {
        counts.read++;
        const p = parseRecord(rec, idx, errors);
        if (p) parsed.push(p);
      }
      await resolver.prefetch(
        parsed.flatMap((p) => [p.receivingFacility ?? '', p.receivingNpi ?? '']),
        parsed.map((p) => p.receivingNpi ?? ''),
      );
      const staged: StagedReferral[] = [];
      for (const p of parsed) {
        const s = toStaged(p, resolver, errors);
        if (!s) continue;
        staged.push(s);
        if (!maxDate || s.referralDate > maxDate) maxDate = s.referralDate;
      }
      counts.rejected = errors.total;
      await stageRows(database, jobId, 'ehr', staged);
      opts.onProgress?.(counts.read);
    }
    if (!idx) throw new ReferralImportError(`${fileName}: the file is empty (no header line)`);
    return maxDate;
  });
}
