// Goals on the command line: `rounds import goals <file>` (same as `rounds goals import <file>`),
// `rounds goals list [--active-on DATE] [--owner EMAIL] [--json]` and `rounds goals metrics`.
import type { Command } from 'commander';
import { goalsWithProgress } from '../../commands/goals/progress';
import { GOAL_METRICS, METRIC_DEFINITIONS } from '../../core/goals/metrics';
import type { Database } from '../../db/connection';
import { findUserByEmail } from '../../db/queries/users';
import { type GoalsImportResult, importGoalsCsv } from '../../import/goals/importGoalsCsv';
import { CliError, printJson, withDatabase } from '../runtime';

function report(r: GoalsImportResult) {
  const lines = [
    `Import goals ${r.file}: read ${r.read}, inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}.`,
    ...r.errors.slice(0, 20).map((e) => `  ${e.reason}`),
  ];
  return lines.join('\n');
}

async function runImport(database: Database, file: string, json?: boolean) {
  const r = await importGoalsCsv(database.db, file, { actorId: null, actorLabel: 'cli' });
  if (json) printJson(r);
  else console.log(report(r));
  if (r.rejected) throw new CliError(`${r.file}: nothing imported (fix the rows above and run again)`);
}

export function registerGoalCommands(program: Command) {
  const imp =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data files');
  imp
    .command('goals <file>')
    .description('goals.csv: owner_email, metric, service_line, period_start, period_end, target')
    .option('--json', 'print the result as JSON')
    .action((file: string, o: { json?: boolean }) => withDatabase((d) => runImport(d, file, o.json)));

  const goals = program.command('goals').description('goals per liaison or team, with progress');
  goals
    .command('import <file>')
    .description('import goals.csv (idempotent: same file twice changes nothing)')
    .option('--json', 'print the result as JSON')
    .action((file: string, o: { json?: boolean }) => withDatabase((d) => runImport(d, file, o.json)));
  goals
    .command('list')
    .description('goals active on a day, with progress, pace and projection')
    .option('--active-on <date>', 'YYYY-MM-DD (default today)')
    .option('--owner <email>', 'only this owner')
    .option('--json', 'print JSON')
    .action((o: { activeOn?: string; owner?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const day = o.activeOn ?? new Date().toISOString().slice(0, 10);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new CliError('--active-on must be YYYY-MM-DD');
        const owner = o.owner ? await findUserByEmail(db, o.owner) : undefined;
        if (o.owner && !owner) throw new CliError(`--owner: no user ${o.owner}`);
        const { goals: rows } = await goalsWithProgress(db, { ownerId: owner?.id, activeOn: day }, day);
        if (o.json) return printJson(rows);
        if (!rows.length) return console.log(`No goals active on ${day}.`);
        for (const g of rows) {
          const frac = g.definition.unit === 'fraction';
          const f = (x: number) => (frac ? `${(x * 100).toFixed(0)} %` : x.toFixed(x % 1 ? 1 : 0));
          console.log(
            `${g.owner_name.padEnd(22)} ${(g.definition.label + (g.service_line ? ` (${g.service_line})` : '')).padEnd(34)} ${f(g.progress.value).padStart(7)} / ${f(g.target).padEnd(7)} ${g.progress.status.padEnd(11)} projected ${f(g.progress.projection)} (${f(g.progress.interval[0])}–${f(g.progress.interval[1])}) through ${g.measured.asOf}`,
          );
        }
      }),
    );
  goals
    .command('metrics')
    .description('the goal metrics and how each is measured')
    .action(() => {
      for (const m of GOAL_METRICS) console.log(`${m.padEnd(18)} ${METRIC_DEFINITIONS[m].definition}`);
    });
}
