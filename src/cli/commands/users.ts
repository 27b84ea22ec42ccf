import type { Command } from 'commander';
import { addUser, resetPassword, UserError, updateUser } from '../../commands/users';
import { findUserByEmail, listUsers } from '../../db/queries/users';
import type { Role } from '../../db/tables/foundation';
import { CliError, printJson, withDatabase } from '../runtime';

const ROLES = ['admin', 'manager', 'liaison', 'analyst'];
const cli = { id: null, label: 'cli' };

function role(r: string): Role {
  if (!ROLES.includes(r)) throw new CliError(`--role must be one of ${ROLES.join(', ')} (got "${r}")`);
  return r as Role;
}

async function userId(db: Parameters<typeof findUserByEmail>[0], email: string) {
  const u = await findUserByEmail(db, email);
  if (!u) throw new CliError(`no user with e-mail ${email}`);
  return u.id;
}

const rethrow = (e: unknown) => {
  throw e instanceof UserError ? new CliError(e.message) : e;
};

export function registerUserCommands(program: Command) {
  const users = program.command('users').description('manage user accounts');
  users
    .command('add <email>')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'admin | manager | liaison | analyst')
    .option('--password <password>', 'set a password (otherwise a one-time password is printed)')
    .option('--json', 'print JSON')
    .action((email: string, o: { name: string; role: string; password?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const r = await addUser(db, cli, {
          email,
          name: o.name,
          role: role(o.role),
          password: o.password,
        }).catch(rethrow);
        if (o.json) return printJson(r);
        console.log(
          `Added ${r.user.email} (${r.user.role}).${r.oneTimePassword ? ` One-time password: ${r.oneTimePassword}` : ''}`,
        );
      }),
    );
  users
    .command('list')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const list = await listUsers(db);
        if (o.json) return printJson(list);
        for (const u of list)
          console.log(
            `${u.email.padEnd(40)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active'}  ${u.name}`,
          );
      }),
    );
  users.command('set-role <email> <role>').action((email: string, r: string) =>
    withDatabase(async ({ db }) => {
      const u = await updateUser(db, cli, await userId(db, email), { role: role(r) }).catch(rethrow);
      console.log(`${u.email} is now ${u.role}.`);
    }),
  );
  users
    .command('reset-password <email>')
    .option('--password <password>', 'set this password instead of a one-time one')
    .action((email: string, o: { password?: string }) =>
      withDatabase(async ({ db }) => {
        const r = await resetPassword(db, cli, await userId(db, email), o.password).catch(rethrow);
        console.log(
          r.oneTimePassword
            ? `One-time password for ${email}: ${r.oneTimePassword}`
            : `Password set for ${email}.`,
        );
      }),
    );
}
