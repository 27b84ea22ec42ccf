// `rounds audit verify` and `rounds audit export`.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { auditExportLines } from '../../commands/auditSearch';
import { recordAudit, verifyAuditChain } from '../../db/audit';
import { CliError, printJson, withDatabase } from '../runtime';

export function parseWhen(value: string | undefined, option: string): Date | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  const d = new Date(value);
  if (!ok || Number.isNaN(d.getTime()))
    throw new CliError(`${option}: "${value}" is not a date (use YYYY-MM-DD or an ISO 8601 timestamp)`);
  return d;
}

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('verify and export the tamper-evident audit trail');
  audit
    .command('verify')
    .description('check the hash chain; exits 1 and names the first broken row if it was tampered with')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const r = await verifyAuditChain(db);
        if (o.json) printJson(r);
        else if (r.ok) console.log(`Audit chain intact: ${r.rows} rows, head ${r.head}`);
        if (!r.ok) {
          if (!o.json) {
            const row = await db
              .selectFrom('audit_log')
              .select(['id', 'at', 'actor_label', 'action', 'entity', 'entity_id'])
              .where('id', '=', r.brokenAt!)
              .executeTakeFirst();
            process.stderr.write(
              `rounds: audit chain BROKEN at row ${r.brokenAt} (${row ? `${new Date(row.at).toISOString()} ${row.actor_label} ${row.action} ${row.entity ?? ''} ${row.entity_id ?? ''}`.trim() : '?'}): ${r.reason}. ${r.rows} rows before it verify.\n`,
            );
          }
          process.exitCode = 1;
        }
      }),
    );
  audit
    .command('export')
    .description('write audit rows (oldest first) as CSV or JSON Lines; the export itself is audited')
    .option('--from <date>', 'from this date/time (inclusive)')
    .option('--to <date>', 'up to this date/time (exclusive)')
    .option('--format <format>', 'csv | jsonl', 'csv')
    .option('--actor <text>', 'only rows whose actor matches')
    .option('--action <action>', 'only this action')
    .option('--entity <entity>', 'only this entity')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      (o: {
        from?: string;
        to?: string;
        format: string;
        actor?: string;
        action?: string;
        entity?: string;
        out?: string;
      }) =>
        withDatabase(async ({ db }) => {
          if (o.format !== 'csv' && o.format !== 'jsonl')
            throw new CliError(`--format must be csv or jsonl (got "${o.format}")`);
          const filter = {
            from: parseWhen(o.from, '--from'),
            to: parseWhen(o.to, '--to'),
            actor: o.actor,
            action: o.action,
            entity: o.entity,
          };
          // Audit first: the export row records who took the data even if the copy is interrupted.
          await recordAudit(db, {
            actorLabel: 'cli',
            action: 'export',
            entity: 'audit_log',
            detail: { format: o.format, filter: { ...o, out: o.out ? 'file' : 'stdout' } },
          });
          const out = o.out ? createWriteStream(o.out) : process.stdout;
          let n = 0;
          for await (const line of auditExportLines(db, filter, o.format)) {
            if (!out.write(line)) await once(out, 'drain');
            n++;
          }
          if (o.out) {
            await new Promise<void>((res, rej) =>
              (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? rej(e) : res())),
            );
            process.stderr.write(`Wrote ${o.format === 'csv' ? n - 1 : n} audit rows to ${o.out}\n`);
          }
        }),
    );
}
