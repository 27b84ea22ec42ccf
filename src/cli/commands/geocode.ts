// `rounds providers geocode`: replace ZIP-centroid practice points with geocoded ones from the
// geocoder at GEOCODER_URL (or --url). Answers are cached in the database; re-runs are cheap.
import type { Command } from 'commander';
import { geocodeDirectory, httpGeocoder } from '../../commands/directory/geocodeDirectory';
import { CliError, printJson, withDatabase } from '../runtime';

export function registerGeocodeCommand(providers: Command) {
  providers
    .command('geocode')
    .description('geocode practice addresses still at ZIP-centroid precision (GEOCODER_URL)')
    .option(
      '--url <template>',
      'geocoder URL; {address} is replaced, else the address goes in q= (default GEOCODER_URL)',
    )
    .option(
      '--max-lookups <n>',
      'at most this many geocoder calls in this run (cached answers are free)',
      '1000',
    )
    .option('--interval-ms <n>', 'pause between geocoder calls (public services limit the rate)', '0')
    .option('--json', 'print JSON')
    .action((o: { url?: string; maxLookups: string; intervalMs: string; json?: boolean }) =>
      withDatabase(async ({ db }, config) => {
        const url = o.url ?? config.GEOCODER_URL;
        if (!url)
          throw new CliError(
            'no geocoder configured: set GEOCODER_URL (or pass --url); points stay ZIP centroids',
          );
        let host: string;
        try {
          host = new URL(url.replaceAll('{address}', 'x')).host;
        } catch {
          throw new CliError(`--url is not a URL: ${url}`);
        }
        const maxLookups = Number(o.maxLookups);
        const intervalMs = Number(o.intervalMs);
        if (!Number.isInteger(maxLookups) || maxLookups < 0)
          throw new CliError('--max-lookups must be a whole number');
        if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new CliError('--interval-ms must be ≥ 0');
        // the host only: a URL may carry an API key, which must not land in the cache or the audit trail
        const counts = await geocodeDirectory(db, httpGeocoder(url), {
          maxLookups,
          intervalMs,
          source: host,
          actor: 'cli',
        });
        if (o.json) return void printJson(counts);
        console.log(
          `${counts.addresses} addresses at ZIP-centroid precision · ${counts.fromCache} answered from the cache · ${counts.lookedUp} looked up (${counts.failed} failed) · ${counts.found} found, ${counts.notFound} not found · ${counts.providersUpdated} providers and ${counts.organizationsUpdated} organizations now have a geocoded point`,
        );
      }),
    );
}
