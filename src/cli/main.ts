// The `rounds` command. Each area registers its subcommands from src/cli/commands/<area>.ts.
import { Command } from 'commander';
import { migrateToLatest } from '../db/migrate';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerImportCommands } from './commands/import';
import { registerReferralCommands } from './commands/referrals';
import { registerServeCommand } from './commands/serve';
import { registerTokenCommands } from './commands/tokens';
import { registerUserCommands } from './commands/users';
import { withDatabase } from './runtime';

const program = new Command('rounds').description(
  'Rounds — physician relationship management and referral intelligence',
);
program.showHelpAfterError();

registerServeCommand(program);
program
  .command('migrate')
  .description('apply database migrations')
  .action(() =>
    withDatabase(
      async ({ db }) => {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      },
      { migrate: false },
    ),
  );
registerUserCommands(program);
registerAuditCommands(program);
registerTokenCommands(program);
registerBackupCommands(program);
registerReferralCommands(program);
registerImportCommands(program);

await program.parseAsync(process.argv);
