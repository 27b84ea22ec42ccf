// `rounds solve <file>`: solves one benchmark instance (TSPLIB, Solomon VRPTW or Dumas TSPTW) with the route
// solver and prints the certified result. No database: this is the quality yardstick of src/core/routing.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type BenchmarkFormat, solveInstance } from '../../core/routing';
import { CliError, fail, printJson } from '../runtime';

const FORMATS: readonly BenchmarkFormat[] = ['tsplib', 'solomon', 'tsptw'];

type SolveFlags = { format?: string; timeLimit: string; seed: string; objective: string; json?: boolean };

function parseFlags(o: SolveFlags) {
  if (!o.format || !FORMATS.includes(o.format as BenchmarkFormat))
    throw new CliError(`--format must be one of ${FORMATS.join(', ')}`);
  const seconds = Number(o.timeLimit);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
    throw new CliError('--time-limit must be a number of seconds above 0 and at most 3600');
  const seed = Number(o.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new CliError('--seed must be a whole number from 0 to 4294967295');
  if (o.objective !== 'distance' && o.objective !== 'vehicles')
    throw new CliError('--objective must be distance or vehicles');
  return {
    format: o.format as BenchmarkFormat,
    timeLimitMs: seconds * 1000,
    seed,
    objective: o.objective as 'distance' | 'vehicles',
  };
}

export function registerSolveCommand(program: Command) {
  program
    .command('solve <file>')
    .description('solve a TSPLIB, Solomon or TSPTW benchmark instance and print cost, routes and feasibility')
    .requiredOption('--format <format>', 'tsplib | solomon | tsptw')
    .option('--time-limit <seconds>', 'time budget', '2')
    .option('--seed <n>', 'random seed (same seed, same answer)', '1')
    .option(
      '--objective <objective>',
      'distance | vehicles (Solomon: fewest vehicles, then distance)',
      'distance',
    )
    .option('--json', 'print one JSON object: cost, feasible, routes, unassigned, ms')
    .action((file: string, o: SolveFlags) => {
      try {
        const opts = parseFlags(o);
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          throw new CliError(
            `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
          );
        }
        let r: ReturnType<typeof solveInstance>;
        try {
          r = solveInstance(text, opts.format, opts);
        } catch (e) {
          // Parser errors name the line / field; prefix the file so the message is complete.
          throw new CliError(`${file}: ${(e as Error).message}`);
        }
        const out = {
          cost: r.cost,
          feasible: r.feasible,
          routes: r.routes,
          unassigned: r.unassigned,
          ms: r.ms,
        };
        if (o.json) return void printJson(out);
        console.log(
          `${file}: cost ${r.cost} · ${r.routes.length} route(s) · ${r.feasible ? 'feasible' : 'INFEASIBLE'} · ${r.ms} ms`,
        );
        if (!r.feasible) for (const v of r.violations.slice(0, 10)) console.log(`  ${v}`);
        if (r.unassigned.length) console.log(`  unassigned: ${r.unassigned.join(' ')}`);
      } catch (e) {
        fail(e);
      }
    });
}
