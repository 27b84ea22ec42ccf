// `rounds field bundle`: what a liaison's phone caches for a day; `rounds field prune-keys`: drop old
// sync idempotency keys (a phone replaying an item older than that could store it again).
import type { Command } from 'commander';
import { fieldBundle } from '../../commands/field/bundle';
import { pruneIdempotencyKeys } from '../../commands/field/sync';
import { NetworkError } from '../../commands/network/errors';
import { findUserByEmail } from '../../db/queries/users';
import { CliError, printJson, withDatabase } from '../runtime';

export function registerFieldCommands(program: Command) {
  const field = program.command('field').description('field app (phones, offline sync)');
  field
    .command('bundle')
    .description('the day bundle a liaison’s phone caches: route, targets, cards, tasks, alerts')
    .requiredOption('--liaison <email>', 'the liaison')
    .option('--date <yyyy-mm-dd>', 'the day (default: today)')
    .option('--json', 'print the bundle as JSON')
    .action((o: { liaison: string; date?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const date = o.date ?? new Date().toISOString().slice(0, 10);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
          throw new CliError(`--date: "${date}" is not a date YYYY-MM-DD`);
        const u = await findUserByEmail(db, o.liaison);
        if (!u) throw new CliError(`--liaison: no user with e-mail ${o.liaison}`);
        const b = await fieldBundle(db, { id: u.id, email: u.email, name: u.name }, date).catch((e) => {
          throw e instanceof NetworkError ? new CliError(e.message) : e;
        });
        if (o.json) return void printJson(b);
        console.log(`${u.email} · ${date}`);
        console.log(
          b.route
            ? `route #${b.route.id}: ${b.route.visits.length} stops, ${b.route.mileage.miles} mi (${b.route.mileage.basis})`
            : 'no route planned',
        );
        console.log(
          `${b.targets.length} targets · ${b.providers.length} provider cards · ${b.organizations.length} organization cards · ${b.tasks.length} open tasks · ${b.alerts.length} open alerts`,
        );
        console.log(`referral data through ${b.referralSource.dataDate ?? 'n/a'}`);
      }),
    );
  field
    .command('prune-keys')
    .description('delete sync idempotency keys older than --days')
    .option('--days <n>', 'keep keys this many days', '90')
    .option('--json', 'print JSON')
    .action((o: { days: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const days = Number(o.days);
        if (!Number.isInteger(days) || days < 7 || days > 3650)
          throw new CliError('--days must be a whole number from 7 to 3650');
        const deleted = await pruneIdempotencyKeys(db, days);
        if (o.json) return void printJson({ deleted, days });
        console.log(`deleted ${deleted} idempotency keys older than ${days} days`);
      }),
    );
}
