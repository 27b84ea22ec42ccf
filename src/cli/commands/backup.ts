// `rounds backup <file>` and `rounds restore <file>`.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { BackupError, backupDatabase, restoreDatabase } from '../../commands/backup';
import { tableChecksums } from '../../commands/backupChecksums';
import { loadConfig } from '../../config';
import { connectDatabase } from '../../db/connection';
import { CliError, fail, printJson, withDatabase } from '../runtime';

export function registerBackupCommands(program: Command) {
  program
    .command('backup <file>')
    .description(
      'write a backup: PostgreSQL → pg_dump archive; PGlite → data-folder tarball (stop the server first, or use scheduled backups / Admin → Backups)',
    )
    .option('--json', 'print JSON')
    .action((file: string, o: { json?: boolean }) =>
      withDatabase(async (database, config) => {
        const started = new Date();
        const r = await backupDatabase(database, file, {
          databaseUrl: config.DATABASE_URL,
          actor: 'cli',
          trigger: 'cli',
        }).catch((e) => {
          throw e instanceof BackupError ? new CliError(e.message) : e;
        });
        await database.db
          .insertInto('backup_runs')
          .values({
            trigger: 'cli',
            file_name: path.resolve(file),
            started_at: started,
            finished_at: new Date(),
            status: 'succeeded',
            bytes: r.bytes,
            audit_head: r.auditHead,
          })
          .execute();
        if (o.json) printJson(r);
        else
          console.log(
            `Backed up the ${r.kind} database to ${file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB; audit head ${r.auditHead}${r.auditOk ? '' : ' — WARNING: the audit chain does not verify'}).`,
          );
      }),
    );

  program
    .command('restore <file>')
    .description(
      'replace the database with a backup (stop the server first); PostgreSQL restores all-or-nothing',
    )
    .option('--yes', 'do not ask for confirmation')
    .option('--json', 'print JSON (with per-table row counts)')
    .action(async (file: string, o: { yes?: boolean; json?: boolean }) => {
      try {
        const config = loadConfig();
        const target = config.DATABASE_URL
          ? `PostgreSQL database ${new URL(config.DATABASE_URL).pathname.slice(1)}`
          : `PGlite folder ${config.dataDir}/db`;
        if (!o.yes) {
          if (!process.stdin.isTTY)
            throw new CliError(`restore replaces the ${target}; add --yes to confirm`);
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          const answer = await rl.question(
            `This replaces all data in the ${target}. Type "restore" to continue: `,
          );
          rl.close();
          if (answer.trim() !== 'restore') throw new CliError('restore cancelled');
        }
        const r = await restoreDatabase(file, {
          databaseUrl: config.DATABASE_URL,
          dataDir: config.dataDir,
        }).catch((e) => {
          throw e instanceof BackupError ? new CliError(e.message) : e;
        });
        const database = await connectDatabase({
          databaseUrl: config.DATABASE_URL,
          dataDir: config.dataDir,
          poolSize: 1,
        });
        const sums = await tableChecksums(database.db).finally(() => database.close());
        if (o.json) printJson({ ...r, tables: sums });
        else {
          console.log(
            `Restored ${file} into the ${target}. Audit chain: ${r.auditRows} rows, ${r.auditOk ? 'intact' : 'BROKEN (run rounds audit verify)'}.`,
          );
          if ('previous' in r && r.previous)
            console.log(`The previous data folder was kept at ${r.previous} (delete it when satisfied).`);
          console.log(
            'Run "rounds migrate" (or start the server) to bring an older backup up to this version.',
          );
        }
      } catch (e) {
        fail(e);
      }
    });
}
