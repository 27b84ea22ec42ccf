import path from 'node:path';
import type { Command } from 'commander';
import { generateDemoMarket } from '../../demo/generate';
import { loadDemoFolder } from '../../demo/load';
import { CliError, fail, printJson, withDatabase } from '../runtime';

const int = (name: string, v: string | undefined, min: number) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`--${name} must be an integer ≥ ${min} (got "${v}")`);
  return n;
};

export function registerDemoCommands(program: Command) {
  const demo = program.command('demo').description('the synthetic demo market');
  demo
    .command('generate')
    .description(
      'write a deterministic SYNTHETIC market in the real import formats (same seed → identical files)',
    )
    .requiredOption('--out <dir>', 'output folder')
    .option('--seed <n>', 'seed', '42')
    .option('--providers <n>', 'individual providers (default 3000)')
    .option('--organizations <n>', 'organizations (default 600)')
    .option('--months <n>', 'months of referrals (default 36)')
    .option('--end <YYYY-MM>', 'last month of referral data (default 2026-10)')
    .option(
      '--crm-end <YYYY-MM-DD>',
      'last day of CRM activity: visits, tasks, issues, goals (default: end of --end)',
    )
    .option('--json', 'print the manifest as JSON')
    .action(
      async (o: {
        out: string;
        seed: string;
        providers?: string;
        organizations?: string;
        months?: string;
        end?: string;
        crmEnd?: string;
        json?: boolean;
      }) => {
        try {
          if (o.end && !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.end))
            throw new CliError(`--end must be YYYY-MM (got "${o.end}")`);
          const t = performance.now();
          let phase = '';
          const r = await generateDemoMarket({
            outDir: path.resolve(o.out),
            seed: int('seed', o.seed, 0)!,
            providers: int('providers', o.providers, 50),
            organizations: int('organizations', o.organizations, 10),
            months: int('months', o.months, 1),
            endMonth: o.end,
            crmEnd: o.crmEnd,
            onProgress: (p) => {
              if (p.phase === phase) return;
              phase = p.phase;
              process.stderr.write(`  ${phase}…\n`);
            },
          });
          if (o.json) {
            printJson(r);
            return;
          }
          console.log(
            `Wrote a SYNTHETIC market to ${r.outDir} in ${((performance.now() - t) / 1000).toFixed(1)} s:`,
          );
          for (const [name, f] of Object.entries(r.files))
            console.log(`  ${name.padEnd(30)} ${String(f.rows).padStart(10)} rows`);
        } catch (e) {
          fail(e);
        }
      },
    );
  demo
    .command('load <dir>')
    .description('load a generated folder through the same importers a customer uses')
    .action((dir: string) =>
      withDatabase(async (database) => {
        const logins = await loadDemoFolder(
          database,
          path.resolve(dir),
          (l) => process.stderr.write(`${l}\n`),
          { password: process.env.ROUNDS_DEMO_PASSWORD },
        );
        for (const l of logins) console.log(`${l.role.padEnd(8)} ${l.email}  password: ${l.password}`);
      }),
    );
}
