// `rounds tokens create|list|revoke`: API tokens for machine clients (shown once, stored hashed).
import type { Command } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken } from '../../commands/apiTokens';
import { ROLES, type Role } from '../../db/tables/foundation';
import { CliError, printJson, withDatabase } from '../runtime';

const cli = { id: null, label: 'cli' };

export function registerTokenCommands(program: Command) {
  const tokens = program
    .command('tokens')
    .description('API tokens for machine clients (Authorization: Bearer)');
  tokens
    .command('create')
    .description('create a token; it is printed once and only its hash is stored')
    .requiredOption('--name <name>', 'what uses it, e.g. "EHR directory sync"')
    .requiredOption('--role <role>', 'admin | manager | liaison | analyst (analyst = read-only)')
    .option('--json', 'print JSON')
    .action((o: { name: string; role: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (!ROLES.includes(o.role as Role))
          throw new CliError(`--role must be one of ${ROLES.join(', ')} (got "${o.role}")`);
        const name = o.name.trim();
        if (!name || name.length > 100) throw new CliError('--name must be 1–100 characters');
        const t = await createApiToken(db, cli, { name, role: o.role as Role });
        if (o.json) {
          printJson(t);
          return;
        }
        console.log(
          `Token ${t.id} "${t.name}" (${t.role}). Copy it now, it will not be shown again:\n${t.token}`,
        );
      }),
    );
  tokens
    .command('list')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const list = await listApiTokens(db);
        if (o.json) {
          printJson(list);
          return;
        }
        if (!list.length) console.log('No API tokens.');
        for (const t of list)
          console.log(
            `${String(t.id).padStart(4)}  ${t.prefix}…  ${t.role.padEnd(8)} ${t.revoked_at ? 'revoked ' : 'active  '} last used ${t.last_used_at ? new Date(t.last_used_at).toISOString() : 'never'}  ${t.name}`,
          );
      }),
    );
  tokens.command('revoke <id>').action((id: string) =>
    withDatabase(async ({ db }) => {
      if (!/^\d{1,15}$/.test(id))
        throw new CliError(`<id> must be a token number from "rounds tokens list" (got "${id}")`);
      if (!(await revokeApiToken(db, cli, Number(id)))) throw new CliError(`no active token ${id}`);
      console.log(`Revoked token ${id}.`);
    }),
  );
}
