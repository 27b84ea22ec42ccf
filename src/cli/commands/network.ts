// `rounds network ...`: compute influence metrics, show an ego network, strongest paths, influencers.
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { computeNetwork } from '../../commands/network/computeNetwork';
import { NetworkError } from '../../commands/network/errors';
import { getEgoNetwork, getStrongestPaths } from '../../commands/network/views';
import { CliError, printJson, withDatabase } from '../runtime';

const npiArg = (s: string) => {
  if (!/^\d{10}$/.test(s)) throw new CliError(`<npi> must be a 10-digit NPI (got "${s}")`);
  return s;
};
const rethrow = (e: unknown) => {
  throw e instanceof NetworkError ? new CliError(e.message) : e;
};

export function registerNetworkCommands(program: Command) {
  const network = program
    .command('network')
    .description('provider network: influence metrics, ego networks, paths');
  network
    .command('compute')
    .description(
      'rebuild the provider graph from referrals + shared-patient links and store influence metrics',
    )
    .option('--samples <n>', 'sampled sources for betweenness on large graphs', '64')
    .option('--exact-up-to <n>', 'compute exact betweenness up to this many nodes', '2000')
    .option('--json', 'print JSON')
    .action((o: { samples: string; exactUpTo: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const samples = Number(o.samples);
        const exactUpTo = Number(o.exactUpTo);
        if (!Number.isInteger(samples) || samples < 1)
          throw new CliError('--samples must be a positive integer');
        if (!Number.isInteger(exactUpTo) || exactUpTo < 0)
          throw new CliError('--exact-up-to must be a whole number');
        const bar = new SingleBar({
          format: '{phase} [{bar}] {value}/{total}',
          stream: process.stderr,
          hideCursor: true,
        });
        let current = '';
        bar.start(1, 0, { phase: 'edges' });
        const r = await computeNetwork(database, {
          trigger: 'cli',
          startedBy: 'cli',
          samples,
          exactUpTo,
          onProgress: (phase, done, total) => {
            if (phase !== current) {
              current = phase;
              bar.setTotal(total ?? 1);
            }
            bar.update(done ?? 0, { phase });
            if (total) bar.setTotal(total);
          },
        })
          .catch(rethrow)
          .finally(() => bar.stop());
        if (o.json) return void printJson(r);
        console.log(
          `Job ${r.jobId}: ${r.nodes} nodes, ${r.edges} edges, ${r.communities} communities (Q=${r.modularity.toFixed(3)}), ` +
            `betweenness ${r.betweenness_exact ? 'exact' : `sampled from ${r.betweenness_sources} sources`}, ${r.duration_ms} ms, peak ${r.peak_rss_mb} MB.`,
        );
      }),
    );
  network
    .command('ego <npi>')
    .description('ego network of a physician')
    .option('--depth <d>', '1 or 2 hops', '1')
    .option('--json', 'print JSON')
    .action((npi: string, o: { depth: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (o.depth !== '1' && o.depth !== '2')
          throw new CliError(`--depth must be 1 or 2 (got "${o.depth}")`);
        const r = await getEgoNetwork(db, npiArg(npi), Number(o.depth) as 1 | 2).catch(rethrow);
        if (o.json) return void printJson(r);
        console.log(
          `${r.nodes.length} nodes, ${r.edges.length} edges${r.truncated ? ' (strongest shown)' : ''}; metrics ${r.meta.computedAt ? `from ${r.meta.computedAt.toISOString()}` : 'not computed yet'}`,
        );
        for (const n of r.nodes.filter((x) => x.hop > 0).sort((a, b) => a.hop - b.hop || b.tie - a.tie))
          console.log(
            `  hop ${n.hop}  ${n.id.padEnd(12)} ${n.networkStatus.padEnd(11)} tie ${String(n.tie).padStart(6)}  ${n.name}`,
          );
      }),
    );
  network
    .command('paths <npi>')
    .description('strongest referral paths from a physician to our network')
    .option('--service-line <key>', 'only destinations in this service line')
    .option('--json', 'print JSON')
    .action((npi: string, o: { serviceLine?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const r = await getStrongestPaths(db, npiArg(npi), { serviceLine: o.serviceLine }).catch(rethrow);
        if (o.json) return void printJson(r);
        for (const p of r.paths)
          console.log(
            `${(p.strength * 100).toFixed(1).padStart(5)} %  ${p.steps.map((s) => s.name).join(' → ')}`,
          );
        if (!r.paths.length) console.log('No path to our network within 3 hops.');
      }),
    );
}
