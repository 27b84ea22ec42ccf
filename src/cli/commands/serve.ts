import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { firstRun } from '../../commands/firstRun';
import { loadConfig } from '../../config';
import { asBackground } from '../../db/backgroundPriority';
import { buildApp, createLogger } from '../../server/app';
import { fail, openDatabase } from '../runtime';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('migrate the database, load the demo market on first start, and serve the app and API')
    .action(async () => {
      try {
        const config = loadConfig();
        const database = await openDatabase(config);
        const say = (line: string) => console.log(line);
        const first = await firstRun(database, config, say);
        const logger = createLogger(config.LOG_LEVEL);
        const https =
          config.TLS_CERT_FILE && config.TLS_KEY_FILE
            ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) }
            : undefined;
        const app = await buildApp({ database, config }, { logger, https });
        await app.listen({ port: config.PORT, host: config.HOST });
        const url = `${https ? 'https' : 'http'}://localhost:${config.PORT}`;
        say(
          `\nRounds is running at ${url}  (database: ${database.kind}${database.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
        );
        if (first.created === 'admin')
          say(
            `First start: created ${first.email} with one-time password ${first.password} (change it after signing in).`,
          );
        if (first.created === 'demo') {
          say('Demo market ready to use (SYNTHETIC data). Sign in as:');
          for (const l of first.logins) say(`  ${l.role.padEnd(8)} ${l.email}  password: ${l.password}`);
        }
        if (first.created === 'demo' || first.created === 'resume') {
          say('Loading the referral history, alerts and network metrics in the background …');
          // A failure leaves the directory and CRM usable; the referral import is all-or-nothing, and
          // the next start resumes it.
          asBackground(() => first.finish()).then(
            () => say('Demo market complete: referral analytics are ready.'),
            (e: unknown) => say(`Demo referral history did not load: ${e instanceof Error ? e.message : e}`),
          );
        }
        const stop = async () => {
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (e) {
        fail(e);
      }
    });
}
