// `rounds targets list`: the ranked target list with each score's factor breakdown.
import type { Command } from 'commander';
import { NetworkError } from '../../commands/network/errors';
import { listTargets } from '../../commands/network/targets';
import { findUserByEmail } from '../../db/queries/users';
import { CliError, printJson, withDatabase } from '../runtime';

export function registerTargetCommands(program: Command) {
  const targets = program.command('targets').description('target prioritization');
  targets
    .command('list')
    .description('top targets, optionally in a liaison’s territory')
    .option('--liaison <email>', 'limit to this liaison’s territory')
    .option('--limit <n>', 'how many', '25')
    .option('--json', 'print JSON (each item with its factor breakdown)')
    .action((o: { liaison?: string; limit: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
          throw new CliError('--limit must be a whole number from 1 to 1000');
        let liaisonUserId: number | undefined;
        if (o.liaison) {
          const u = await findUserByEmail(db, o.liaison);
          if (!u) throw new CliError(`--liaison: no user with e-mail ${o.liaison}`);
          liaisonUserId = u.id;
        }
        const r = await listTargets(db, { liaisonUserId, limit }).catch((e) => {
          throw e instanceof NetworkError ? new CliError(e.message) : e;
        });
        if (o.json) return void printJson(r);
        console.log(`${r.poolSize} candidates; referral data through ${r.meta.dataDate ?? 'n/a'}`);
        for (const t of r.items) {
          console.log(
            `${String(t.rank).padStart(3)}. ${t.score.toFixed(2).padStart(6)}  ${t.npi}  ${t.name}`,
          );
          if (t.why[0]) console.log(`       ${t.why[0]}`);
        }
      }),
    );
}
