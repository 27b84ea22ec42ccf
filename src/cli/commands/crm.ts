// CRM on the command line: `rounds import contacts|activities|tasks|issues|relationships|spend|
// territories <file>` (CSV or XLSX, with --map and --preview), `rounds crm export <list>`,
// `rounds crm spend-limit [usd]` and `rounds crm search <words>`.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../../commands/crm/errors';
import { EXPORT_LISTS, type ExportList, exportList } from '../../commands/crm/export';
import { setSpendLimits, spendLimits } from '../../commands/crm/spend';
import { searchNotes } from '../../db/queries/crm/notesSearch';
import { findUserByEmail } from '../../db/queries/users';
import { type CrmImportResult, IMPORT_KIND_NAMES, importCrmFile, parseMapArg } from '../../import/crm';
import { CliError, printJson, withDatabase } from '../runtime';

function summary(r: CrmImportResult): string {
  const lines = [
    `${r.preview ? 'Preview of' : `Import job #${r.jobId}:`} ${r.kind} from ${r.fileName}: ${r.rows} rows, ${r.accepted} accepted` +
      (r.preview ? '' : ` (inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged})`) +
      `, ${r.rejected} rejected.`,
    `  mapping: ${Object.entries(r.mapping)
      .map(([c, f]) => `${c}→${f || '(ignored)'}`)
      .join(', ')}`,
  ];
  for (const e of r.errors.slice(0, 20)) lines.push(`  line ${e.line}: ${e.field} ${e.reason}`);
  if (r.errors.length > 20) lines.push(`  … ${r.errors.length - 20} more (use --json)`);
  return lines.join('\n');
}

export function registerCrmCommands(program: Command) {
  const imp =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data files');
  for (const kind of IMPORT_KIND_NAMES) {
    imp
      .command(`${kind} <file>`)
      .description(`${kind} spreadsheet (CSV or XLSX; docs/formats/${kind}.md)`)
      .option('--map <pairs>', 'column mapping: "Source Column=field,Other=" (empty field ignores a column)')
      .option('--preview', 'check every row and show the mapping, write nothing')
      .option('--time-zone <iana>', 'zone of local times in the file (default: setting market_timezone)')
      .option('--as <email>', 'act as this user (owner of rows without owner_email)')
      .option('--json', 'print the result as JSON')
      .action(
        (
          file: string,
          o: { map?: string; preview?: boolean; timeZone?: string; as?: string; json?: boolean },
        ) =>
          withDatabase(async ({ db }) => {
            let mapping: Record<string, string>;
            try {
              mapping = parseMapArg(o.map);
            } catch (e) {
              throw new CliError((e as Error).message);
            }
            let actor = systemActor('cli');
            if (o.as) {
              const u = await findUserByEmail(db, o.as);
              if (!u) throw new CliError(`--as: no user with e-mail ${o.as}`);
              actor = { id: u.id, label: `cli:${u.email}`, role: u.role };
            }
            const r = await importCrmFile(db, kind, file, {
              actor,
              mapping,
              preview: o.preview,
              timeZone: o.timeZone,
            });
            if (o.json) printJson(r);
            else console.log(summary(r));
          }),
      );
  }

  const crm = program
    .command('crm')
    .description('relationship management: export lists, spend limit, note search');
  crm
    .command('export <list>')
    .description(`write a list to CSV or XLSX (${EXPORT_LISTS.join(', ')})`)
    .option('--format <f>', 'csv | xlsx', 'csv')
    .option('--out <file>', 'output file (default: rounds-<list>-<date>.<format>)')
    .action((list: string, o: { format: string; out?: string }) =>
      withDatabase(async ({ db }) => {
        if (!(EXPORT_LISTS as readonly string[]).includes(list))
          throw new CliError(`list must be one of ${EXPORT_LISTS.join(', ')}`);
        if (o.format !== 'csv' && o.format !== 'xlsx') throw new CliError('--format must be csv or xlsx');
        const f = await exportList(db, systemActor('cli'), list as ExportList, o.format, {});
        await writeFile(o.out ?? f.fileName, f.body);
        process.stderr.write(`Wrote ${f.rows} rows to ${o.out ?? f.fileName}\n`);
      }),
    );
  crm
    .command('spend-limit [usd]')
    .description('show or set the annual non-monetary compensation limit per physician')
    .option('--warn <ratio>', 'warn at this share of the limit (0.1–1)')
    .action((usd: string | undefined, o: { warn?: string }) =>
      withDatabase(async ({ db }) => {
        const limitUsd = usd === undefined ? undefined : Number(usd);
        const warningRatio = o.warn === undefined ? undefined : Number(o.warn);
        if (limitUsd !== undefined && !(limitUsd >= 0 && limitUsd <= 1_000_000))
          throw new CliError('usd must be a number from 0 to 1000000');
        if (warningRatio !== undefined && !(warningRatio >= 0.1 && warningRatio <= 1))
          throw new CliError('--warn must be from 0.1 to 1');
        const r =
          limitUsd === undefined && warningRatio === undefined
            ? await spendLimits(db)
            : await setSpendLimits(db, systemActor('cli'), { limitUsd, warningRatio });
        console.log(`Annual limit $${r.limitUsd.toFixed(2)}; warn at ${Math.round(r.warningRatio * 100)} %.`);
      }),
    );
  crm
    .command('search <words...>')
    .description('full-text search across activity notes, issues, tasks and contacts')
    .option('--json', 'print JSON')
    .action((words: string[], o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const hits = await searchNotes(db, words.join(' '));
        if (o.json) {
          printJson(hits);
          return;
        }
        for (const h of hits)
          console.log(
            `${h.kind.padEnd(8)} #${String(h.id).padEnd(6)} ${h.title}: ${h.snippet.replace(/\s+/g, ' ')}`,
          );
        if (!hits.length) console.log('No notes match.');
      }),
    );
}
