// Referral imports as the CLI, the server upload and the demo loader run them: import, then run the
// shifting-referrer detector on the new data and refresh the stored market view (dashboards).

import { runInBackground } from '../../db/background';
import type { Database } from '../../db/connection';
import { importReferralsCsv, type ReferralCsvOptions } from '../../import/referrals/csv';
import { type FhirReferralOptions, importFhirReferrals } from '../../import/referrals/fhir';
import type { ReferralImportResult } from '../../import/referrals/run';
import { refreshMarketView } from '../dashboards/marketView';
import { refreshReturnOnVisit } from '../dashboards/returnOnVisit';
import { refreshReferralMeasurements } from '../goals/referralMeasures';
import { type AlertRunSummary, runAlertDetection } from './alerts';
import { refreshReferrerSegments } from './segments';

export type ImportWithAlerts = ReferralImportResult & {
  alerts: AlertRunSummary | null;
  /** The stored market view recomputed after the import (null when the import changed nothing). */
  marketView: { variants: number; ms: number } | null;
};

type AfterImport = {
  detectAlerts?: boolean;
  /** 'background' (FHIR intake, one referral per call): do not wait for the market view refresh. */
  marketRefresh?: 'wait' | 'background';
};

async function afterImport(database: Database, r: ReferralImportResult, o: AfterImport) {
  const changed = r.inserted + r.updated > 0;
  const alerts =
    o.detectAlerts === false || !changed
      ? null
      : await runAlertDetection(database.db, { trigger: `import:${r.jobId}` });
  // In the background, refreshes run one after another and any number of imports during one cause
  // one more; closing the database stops and awaits them (db/background.ts).
  if (changed && o.marketRefresh === 'background')
    runInBackground(
      database.db,
      'referral-views',
      () => refreshReferralViews(database),
      (e) => console.warn('market view refresh failed', e),
    );
  const wait = changed && o.marketRefresh !== 'background';
  const marketView = wait ? await refreshMarketView(database.db) : null;
  if (wait) {
    await refreshReturnOnVisit(database.db);
    await refreshReferralMeasurements(database.db);
    await refreshReferrerSegments(database.db);
  }
  return { ...r, alerts, marketView };
}

/** The stored views a referral refreshes in the background: the market view, the referral goals, the segments. */
async function refreshReferralViews(database: Database) {
  await refreshMarketView(database.db);
  await refreshReferralMeasurements(database.db);
  await refreshReferrerSegments(database.db);
}

export async function importReferralsAndDetect(
  database: Database,
  input: string | AsyncIterable<Buffer>,
  opts: ReferralCsvOptions & AfterImport = {},
): Promise<ImportWithAlerts> {
  return afterImport(database, await importReferralsCsv(database, input, opts), opts);
}

export async function importFhirReferralsAndDetect(
  database: Database,
  path: string,
  opts: FhirReferralOptions & AfterImport = {},
): Promise<ImportWithAlerts> {
  return afterImport(database, await importFhirReferrals(database, path, opts), opts);
}
