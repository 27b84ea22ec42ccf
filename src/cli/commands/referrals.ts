// `rounds referrals base`, `rounds import referrals|fhir-referrals|shared-patients|cms-volumes`,
// `rounds alerts list|run`, `rounds market share|leakage|movers`.
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { runAlertDetection } from '../../commands/referrals/alerts';
import { importFhirReferralsAndDetect, importReferralsAndDetect } from '../../commands/referrals/imports';
import { isMonthString, parseMonth } from '../../core/referrals/months';
import { detectShifts } from '../../core/referrals/shiftDetector';
import { loadDetectorInput } from '../../db/queries/referrals/alertSeries';
import { listAlerts } from '../../db/queries/referrals/alerts';
import { getReferralBase } from '../../db/queries/referrals/base';
import { marketLeakage, marketMovers, marketShare } from '../../db/queries/referrals/market';
import { getReferralSettings } from '../../db/queries/referrals/settings';
import { REFERRAL_COLUMNS, type ReferralColumn } from '../../import/referrals/csv';
import { importProviderVolumes } from '../../import/referrals/providerVolumes';
import { importSharedPatients } from '../../import/referrals/sharedPatients';
import { CliError, withDatabase, printJson as writeJson } from '../runtime';

const printJson = (v: unknown): void => {
  writeJson(v);
};

const month = (v: string | undefined, flag: string) => {
  if (v !== undefined && !isMonthString(v))
    throw new CliError(`${flag} must be a month YYYY-MM (got "${v}")`);
  return v;
};

function progress(label: string) {
  if (!process.stderr.isTTY) return { tick: (_n: number) => {}, stop: () => {} };
  const bar = new SingleBar({ format: `${label} {value} rows`, stream: process.stderr }, undefined);
  bar.start(0, 0);
  return { tick: (n: number) => bar.update(n), stop: () => bar.stop() };
}

/** `--map referring_npi="Ordering NPI",referral_date=Date` → mapping object. */
function parseMapping(spec: string | undefined): Partial<Record<ReferralColumn, string>> | undefined {
  if (!spec) return undefined;
  const out: Partial<Record<ReferralColumn, string>> = {};
  for (const part of spec.split(',')) {
    const [k, ...rest] = part.split('=');
    const key = k?.trim() as ReferralColumn;
    if (!REFERRAL_COLUMNS.includes(key) || !rest.length)
      throw new CliError(`--map: "${part}" is not column=header (columns: ${REFERRAL_COLUMNS.join(', ')})`);
    out[key] = rest.join('=').trim().replace(/^"|"$/g, '');
  }
  return out;
}

const group = (program: Command, name: string, description: string) =>
  program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);

function printImport(
  r: {
    jobId: number;
    rowsRead: number;
    inserted: number;
    updated: number;
    unchanged: number;
    rejected: number;
    errors: { line: number; field: string; reason: string }[];
    dataDate: string | null;
    alerts: { found: number; created: number } | null;
  },
  json?: boolean,
) {
  if (json) return printJson(r);
  console.log(
    `job ${r.jobId}: ${r.rowsRead} rows read, ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected; data through ${r.dataDate ?? '—'}`,
  );
  for (const e of r.errors.slice(0, 20)) console.log(`  line ${e.line} ${e.field}: ${e.reason}`);
  if (r.errors.length > 20)
    console.log(`  … ${r.errors.length - 20} more (rounds import-jobs / the API list them all)`);
  if (r.alerts) console.log(`alerts: ${r.alerts.found} shifting referrers (${r.alerts.created} new)`);
}

export function registerReferralCommands(program: Command) {
  const referrals = group(program, 'referrals', 'referral analytics');
  referrals
    .command('base <npi>')
    .description(
      "a physician's referral base: totals by network, share, segment, leakage, trend, consistency",
    )
    .option('--from <YYYY-MM>', 'first month (default: 24 months before --to)')
    .option('--to <YYYY-MM>', 'last month (default: the data date)')
    .option('--json', 'print JSON')
    .action((npi: string, o: { from?: string; to?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (!/^\d{10}$/.test(npi)) throw new CliError(`npi must be 10 digits (got "${npi}")`);
        const b = await getReferralBase(db, npi, { from: month(o.from, '--from'), to: month(o.to, '--to') });
        if (o.json) return printJson(b);
        const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
        console.log(
          `${b.provider?.name ?? npi} (${npi}) ${b.from}..${b.to} · sources ${b.sources.join('+')} · data through ${b.dataDate ?? '—'}`,
        );
        console.log(
          `total ${b.total}: ours ${b.byNetwork.ours}, affiliated ${b.byNetwork.affiliated}, independent ${b.byNetwork.independent}, competitor ${b.byNetwork.competitor}, unresolved ${b.byNetwork.unknown}`,
        );
        console.log(
          `share to our network ${pct(b.shareToOurs)} (${b.segment}); leakage ${b.leakage}; slope ${b.trend.slopePerMonth?.toFixed(2) ?? '—'}/month; YoY ${pct(b.trend.yoyChange)}; consistency ${b.consistency.monthsWithReferrals}/${b.consistency.of}`,
        );
        for (const d of b.topDestinations)
          console.log(`  ${d.ours ? '*' : ' '} ${d.name} (${d.network}) ${d.count}`);
      }),
    );

  const imp = group(program, 'import', 'import data files');
  imp
    .command('referrals <csv>')
    .description('customer referral CSV (docs/formats/referrals.md); runs the alert detector after')
    .option(
      '--map <spec>',
      'column mapping for other shapes: referring_npi="Ordering NPI",referral_date=Date,…',
    )
    .option(
      '--drop-columns <list>',
      'comma-separated headers to drop unread (required for patient-looking columns)',
    )
    .option('--no-alerts', 'do not run the alert detector after the import')
    .option('--json', 'print JSON')
    .action((file: string, o: { map?: string; dropColumns?: string; alerts: boolean; json?: boolean }) =>
      withDatabase(async (database) => {
        const bar = progress('referrals');
        try {
          const r = await importReferralsAndDetect(database, file, {
            mapping: parseMapping(o.map),
            dropColumns: o.dropColumns
              ?.split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            detectAlerts: o.alerts,
            startedBy: 'cli',
            onProgress: bar.tick,
          });
          bar.stop();
          printImport(r, o.json);
        } finally {
          bar.stop();
        }
      }),
    );
  imp
    .command('fhir-referrals <file>')
    .description('FHIR R4 ServiceRequest referrals (Bundle JSON or NDJSON)')
    .option('--no-alerts', 'do not run the alert detector after the import')
    .option('--json', 'print JSON')
    .action((file: string, o: { alerts: boolean; json?: boolean }) =>
      withDatabase(async (database) =>
        printImport(
          await importFhirReferralsAndDetect(database, file, { detectAlerts: o.alerts, startedBy: 'cli' }),
          o.json,
        ),
      ),
    );
  imp
    .command('shared-patients <file>')
    .description('CMS Physician Shared Patient Patterns; keeps pairs touching providers in the directory')
    .requiredOption('--window <days>', '30 | 60 | 90 | 180')
    .requiredOption('--year <YYYY>', 'the year the file covers')
    .option('--json', 'print JSON')
    .action((file: string, o: { window: string; year: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const bar = progress('shared patients');
        const r = await importSharedPatients(database, file, {
          window: Number(o.window),
          year: Number(o.year),
          startedBy: 'cli',
          onProgress: bar.tick,
        }).finally(bar.stop);
        if (o.json) return printJson(r);
        console.log(
          `job ${r.jobId}: ${r.linesRead} lines read, ${r.kept} pairs kept (touching the market), ${r.rejected} rejected — a collaboration signal, not proof of referral`,
        );
      }),
    );
  imp
    .command('cms-volumes <csv>')
    .description(
      'CMS Medicare Physician & Other Practitioners — by Provider (per-NPI volume, market potential)',
    )
    .requiredOption('--year <YYYY>', 'the data year')
    .option('--json', 'print JSON')
    .action((file: string, o: { year: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const r = await importProviderVolumes(database, file, { year: Number(o.year), startedBy: 'cli' });
        if (o.json) return printJson(r);
        console.log(`job ${r.jobId}: ${r.rowsRead} rows read, ${r.upserted} stored, ${r.rejected} rejected`);
      }),
    );

  const alerts = group(program, 'alerts', 'shifting-referrer alerts');
  alerts
    .command('list')
    .description('open alerts; with --as-of, the detector run for that month (computed now, not stored)')
    .option('--as-of <YYYY-MM>', 'test the market as of this month')
    .option('--status <status>', 'open | new | acknowledged | assigned | resolved', 'open')
    .option('--limit <n>', 'at most n alerts', '100')
    .option('--json', 'print JSON')
    .action((o: { asOf?: string; status: string; limit: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (!['open', 'new', 'acknowledged', 'assigned', 'resolved'].includes(o.status))
          throw new CliError(`--status: unknown status "${o.status}"`);
        if (o.asOf) {
          month(o.asOf, '--as-of');
          const det = (await getReferralSettings(db)).detector;
          const input = await loadDetectorInput(
            db,
            parseMonth(o.asOf),
            det.baselineMonths + Math.max(...det.windows),
          );
          const r = detectShifts(input.series, input.index, input.firstMonth, det);
          if (o.json) return printJson({ stored: false, ...r });
          console.log(
            `as of ${r.asOf}: ${r.tested} series tested, dispersion share ${r.dispersion.share.toFixed(2)} / volume ${r.dispersion.volume.toFixed(2)}, ${r.alerts.length} alerts`,
          );
          for (const a of r.alerts.slice(0, Number(o.limit)))
            console.log(
              `  ${a.referringNpi} ${a.serviceLine} ${a.direction} ${a.baselineRate.toFixed(1)}→${a.recentRate.toFixed(1)}/month since ${a.startMonth} q=${a.qValue.toPrecision(2)}`,
            );
          return;
        }
        const items = await listAlerts(db, {
          status: o.status as 'open',
          limit: Number(o.limit) || 100,
          offset: 0,
        });
        if (o.json) return printJson({ stored: true, items });
        for (const a of items)
          console.log(`#${a.id} [${a.status}] ${a.physician ?? a.referringNpi}: ${a.summary}`);
        if (!items.length) console.log('no alerts');
      }),
    );
  alerts
    .command('run')
    .description('run the detector over the whole market and store the alerts')
    .option('--as-of <YYYY-MM>', 'test as of this month (default: the data date)')
    .option('--json', 'print JSON')
    .action((o: { asOf?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const r = await runAlertDetection(db, { asOf: month(o.asOf, '--as-of'), trigger: 'cli' });
        if (o.json) return printJson(r);
        console.log(
          r
            ? `as of ${r.asOf}: ${r.tested} series tested, ${r.found} alerts (${r.created} new) in ${r.durationMs} ms`
            : 'no referral data imported yet',
        );
      }),
    );

  const market = group(program, 'market', 'market share, leakage, movers');
  market
    .command('share')
    .option('--service-line <key>')
    .option('--period <p>', '3m | 6m | 12m | 24m | YYYY-MM..YYYY-MM', '12m')
    .option('--by <area>', 'county | zip', 'county')
    .option('--json', 'print JSON')
    .action((o: { serviceLine?: string; period: string; by: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const r = await marketShare(db, {
          serviceLine: o.serviceLine,
          period: o.period,
          by: o.by === 'zip' ? 'zip' : 'county',
        });
        if (o.json) return printJson(r);
        for (const a of r.areas)
          console.log(
            `${a.area} ${a.name ?? ''} total ${a.total} ours ${a.ourNetwork} share ${a.share === null ? '—' : (a.share * 100).toFixed(1)} %`,
          );
      }),
    );
  market
    .command('leakage')
    .option('--service-line <key>')
    .option('--period <p>', '3m | 6m | 12m | 24m | YYYY-MM..YYYY-MM', '12m')
    .option('--limit <n>', 'top n', '50')
    .option('--all', 'every referrer, not only those in or aligned with our network')
    .option('--json', 'print JSON')
    .action((o: { serviceLine?: string; period: string; limit: string; all?: boolean; json?: boolean }) =>
      withDatabase(async ({ db }) =>
        printJson(
          await marketLeakage(db, {
            serviceLine: o.serviceLine,
            period: o.period,
            limit: Number(o.limit) || 50,
            scope: o.all ? 'all' : 'network',
          }),
        ),
      ),
    );
  market
    .command('movers')
    .option('--months <n>', 'compare the last n months with the n before', '3')
    .option('--json', 'print JSON')
    .action((o: { months: string }) =>
      withDatabase(async ({ db }) =>
        printJson(await marketMovers(db, { months: Number(o.months) || 3, limit: 20 })),
      ),
    );
}
