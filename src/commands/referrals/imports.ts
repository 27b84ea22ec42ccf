// Referral imports as the CLI, the server upload and the demo loader run them: import, then run the
// shifting-referrer detector on the new data.
import type { Database } from '../../db/connection';
import { importReferralsCsv, type ReferralCsvOptions } from '../../import/referrals/csv';
import { type FhirReferralOptions, importFhirReferrals } from '../../import/referrals/fhir';
import type { ReferralImportResult } from '../../import/referrals/run';
import { type AlertRunSummary, runAlertDetection } from './alerts';

export type ImportWithAlerts = ReferralImportResult & { alerts: AlertRunSummary | null };

export async function importReferralsAndDetect(
  database: Database,
  input: string | AsyncIterable<Buffer>,
  opts: ReferralCsvOptions & { detectAlerts?: boolean } = {},
): Promise<ImportWithAlerts> {
  const r = await importReferralsCsv(database, input, opts);
  const alerts =
    opts.detectAlerts === false || r.inserted + r.updated === 0
      ? null
      : await runAlertDetection(database.db, { trigger: `import:${r.jobId}` });
  return { ...r, alerts };
}

export async function importFhirReferralsAndDetect(
  database: Database,
  path: string,
  opts: FhirReferralOptions & { detectAlerts?: boolean } = {},
): Promise<ImportWithAlerts> {
  const r = await importFhirReferrals(database, path, opts);
  const alerts =
    opts.detectAlerts === false || r.inserted + r.updated === 0
      ? null
      : await runAlertDetection(database.db, { trigger: `import:${r.jobId}` });
  return { ...r, alerts };
}
