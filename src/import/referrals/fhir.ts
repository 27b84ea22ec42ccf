// FHIR R4 ServiceRequest referrals from a Bundle (JSON) or NDJSON. Referenced Practitioner,
// Organization and PractitionerRole resources may sit in the same Bundle/NDJSON or be contained;
// references carrying an NPI identifier work on their own.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { npiProblem } from '../../core/npi';
import { serviceLineFromRequestedService } from '../../core/referrals/requestedService';
import type { Database } from '../../db/connection';
import { getReferralSettings, type ReferralSettings } from '../../db/queries/referrals/settings';
import { type RowErrors, startJob } from '../jobs';
import { type FhirResource, type Party, partyOf, readServiceRequest } from './fhirResources';
import { DestinationResolver } from './resolve';
import { ReferralImportError, type ReferralImportResult, runStagedImport } from './run';
import { naturalKeyHash, type StagedReferral, stageRows } from './stage';

export interface FhirReferralOptions {
  startedBy?: string | null;
  fileName?: string;
  onProgress?: (rowsRead: number) => void;
}

type Item = { line: number; resource: FhirResource };

async function* items(path: string, label: string): AsyncGenerator<Item> {
  const head = await new Promise<string>((resolve, reject) => {
    const s = createReadStream(path, { start: 0, end: 4095, encoding: 'utf8' });
    let t = '';
    s.on('data', (c) => {
      t += c;
    });
    s.on('end', () => resolve(t));
    s.on('error', reject);
  });
  const firstLine = head.split('\n')[0]!.trim();
  const isNdjson = firstLine.startsWith('{') && firstLine.endsWith('}') && head.split('\n').length > 1;
  if (!isNdjson) {
    let doc: FhirResource;
    try {
      doc = JSON.parse(await readFile(path, 'utf8')) as FhirResource;
    } catch (e) {
      throw new ReferralImportError(`${label}: not valid JSON (${(e as Error).message})`);
    }
    if (doc.resourceType === 'Bundle') {
      const entries = (doc.entry as { fullUrl?: string; resource?: FhirResource }[] | undefined) ?? [];
      let i = 0;
      for (const e of entries) {
        i++;
        if (e.resource) yield { line: i, resource: { ...e.resource, _fullUrl: e.fullUrl } };
      }
      return;
    }
    if (doc.resourceType) {
      yield { line: 1, resource: doc };
      return;
    }
    throw new ReferralImportError(`${label}: expected a FHIR Bundle, a resource or NDJSON`);
  }
  const rl = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (!text.trim()) continue;
    try {
      yield { line, resource: JSON.parse(text) as FhirResource };
    } catch {
      yield { line, resource: { resourceType: '__invalid__' } };
    }
  }
}

export async function importFhirReferrals(
  database: Database,
  path: string,
  opts: FhirReferralOptions = {},
): Promise<ReferralImportResult> {
  const fileName = opts.fileName ?? basename(path);
  const { id: jobId } = await startJob(database.db, 'fhir-referrals', fileName, opts.startedBy ?? null);
  return runStagedImport(database, jobId, 'fhir', async (counts, errors) => {
    const resolver = new DestinationResolver(database.db);
    await resolver.init();
    const { intake } = await getReferralSettings(database.db);
    const index = new Map<string, Party>();
    const requests: Item[] = [];
    for await (const it of items(path, fileName)) {
      const r = it.resource;
      if (r.resourceType === '__invalid__') {
        counts.read++;
        errors.add(it.line, 'json', 'not valid JSON');
        continue;
      }
      if (r.resourceType === 'ServiceRequest') {
        counts.read++;
        requests.push(it); // resolved after every Practitioner/Organization has been seen
        continue;
      }
      const party = partyOf(r, index);
      if (party && r.id) {
        index.set(`${r.resourceType}/${r.id}`, party);
        const full = (r as { _fullUrl?: string })._fullUrl;
        if (full) index.set(full, party);
      }
    }
    let maxDate: string | null = null;
    for (let i = 0; i < requests.length; i += 2000) {
      const batch = requests
        .slice(i, i + 2000)
        .map((it) => ({ it, f: readServiceRequest(it.resource, index) }));
      await resolver.prefetch(
        [
          intake.receiver ?? '',
          ...batch.flatMap(({ f }) => [f.performer?.orgNpi ?? '', f.performer?.providerNpi ?? '']),
        ],
        batch.map(({ f }) => f.performer?.providerNpi ?? ''),
      );
      const staged: StagedReferral[] = [];
      for (const { it, f } of batch) {
        const s = toStaged(it.line, f, resolver, errors, intake);
        if (s) {
          staged.push(s);
          if (!maxDate || s.referralDate > maxDate) maxDate = s.referralDate;
        }
      }
      await stageRows(database, jobId, 'fhir', staged);
      opts.onProgress?.(i + batch.length);
    }
    counts.rejected = errors.total;
    return maxDate;
  });
}

function toStaged(
  line: number,
  f: ReturnType<typeof readServiceRequest>,
  resolver: DestinationResolver,
  errors: RowErrors,
  intake: ReferralSettings['intake'],
): StagedReferral | null {
  const bad = (field: string, reason: string) => {
    errors.add(line, field, `ServiceRequest ${f.id ?? '?'}: ${reason}`);
    return null;
  };
  if (f.status === null) return bad('status', 'entered-in-error, skipped');
  if (f.status === undefined) return bad('status', `unknown status "${f.statusRaw}"`);
  if (!f.requesterNpi || npiProblem(f.requesterNpi)) return bad('requester', 'no requester with a valid NPI');
  // No performer: the request was sent to us, so it lands on the configured intake receiver.
  const toIntake = !f.performer?.providerNpi && !f.performer?.orgNpi;
  if (toIntake && !intake.receiver)
    return bad(
      'performer',
      'no performer with an NPI (the receiving provider or organization), and no intake receiver is configured (referral settings → intake.receiver)',
    );
  const performer = toIntake ? { orgNpi: intake.receiver! } : f.performer!;
  if (!f.date) return bad('authoredOn', 'no authoredOn or occurrenceDateTime date');
  const prov = performer.providerNpi ? resolver.provider(performer.providerNpi) : null;
  const orgId = (performer.orgNpi ? resolver.facility(performer.orgNpi) : null) ?? prov?.orgId ?? null;
  if (!prov && orgId === null)
    return bad(
      'performer',
      `${performer.providerNpi ?? performer.orgNpi} is not in the directory${toIntake ? ' (the intake receiver)' : ''}`,
    );
  const serviceLine =
    (f.taxonomy ? resolver.serviceLine(f.taxonomy) : null) ??
    prov?.serviceLine ??
    serviceLineFromRequestedService(f.requestedService) ??
    (toIntake ? intake.serviceLine : null);
  if (!serviceLine)
    return bad(
      'performerType',
      'no NUCC performerType, the requested service names no service line and the receiving provider has none',
    );
  return {
    line,
    factBase: naturalKeyHash('fhir', [f.key]),
    referringNpi: f.requesterNpi,
    receivingNpi: performer.providerNpi ?? null,
    receivingFacility: performer.orgNpi ?? null,
    destOrgId: orgId,
    destProviderNpi: prov?.npi ?? null,
    serviceLine,
    referralDate: f.date,
    status: f.status,
    count: 1,
    externalId: f.id,
  };
}
