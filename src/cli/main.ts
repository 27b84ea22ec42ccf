// The `rounds` command. Each area registers its subcommands from src/cli/commands/<area>.ts.
import { Command } from 'commander';
import { migrateToLatest } from '../db/migrate';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerCrmCommands } from './commands/crm';
import { registerDemoCommands } from './commands/demo';
import { registerFieldCommands } from './commands/field';
import { registerGoalCommands } from './commands/goals';
import { registerImportCommands } from './commands/import';
import { registerNetworkCommands } from './commands/network';
import { registerProviderCommands } from './commands/providers';
import { registerReferralCommands } from './commands/referrals';
import { registerReportCommands } from './commands/reports';
import { registerRouteCommands } from './commands/route';
import { registerServeCommand } from './commands/serve';
import { registerSolveCommand } from './commands/solve';
import { registerTargetCommands } from './commands/targets';
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
registerProviderCommands(program);
registerCrmCommands(program);
registerNetworkCommands(program);
registerTargetCommands(program);
registerSolveCommand(program);
registerRouteCommands(program);
registerDemoCommands(program);
registerFieldCommands(program);
registerGoalCommands(program);
registerReportCommands(program);

await program.parseAsync(process.argv);
