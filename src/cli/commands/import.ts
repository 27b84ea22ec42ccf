// `rounds import <kind> <file>`: the directory importers, with a progress bar on stderr and a
// summary (or --json) on stdout. Row problems are listed and exit 0; a wrong file exits 1.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { IMPORT_KINDS, type ImportKind, type ImportResult } from '../../import';
import type { Progress } from '../../import/fileSource';
import { printJson, withDatabase } from '../runtime';

function progressBar(enabled: boolean) {
  if (!enabled) return { update: (_p: Progress) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {rows} rows | {mb} MB', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: Progress) {
      if (!started) bar.start(p.totalBytes, 0, { rows: 0, mb: 0 });
      started = true;
      bar.update(p.bytesRead, { rows: p.rows.toLocaleString('en-US'), mb: (p.bytesRead / 1e6).toFixed(0) });
    },
    stop: () => started && bar.stop(),
  };
}

function summary(kind: string, r: ImportResult): string {
  const c = r.counts;
  const lines = [
    `Import ${kind} job #${r.jobId}${r.dataDate ? ` (data date ${r.dataDate})` : ''}: read ${c.read}, inserted ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}, deactivated ${c.deactivated}, rejected ${c.rejected}.`,
  ];
  for (const e of r.errors.slice(0, 20)) lines.push(`  line ${e.line}: ${e.field} ${e.reason}`);
  if (r.errorCount > 20)
    lines.push(`  … ${r.errorCount - 20} more row problems (rounds import jobs ${r.jobId} --json)`);
  return lines.join('\n');
}

export function registerImportCommands(program: Command) {
  // other areas add their own `import <kind>` subcommands to the same group
  const imp =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data files');
  for (const [kind, spec] of Object.entries(IMPORT_KINDS)) {
    const cmd = imp
      .command(`${kind} <file>`)
      .description(spec.label)
      .option('--json', 'print the job as JSON');
    if (kind === 'nppes')
      cmd.option(
        '--region <spec>',
        'keep only a market: states:TN;KY,zip3:370;371,counties:47037,radius:37203:25',
      );
    if (kind === 'organizations' || kind === 'memberships' || kind === 'locations')
      cmd.option(
        '--source <source>',
        'manual (default) or demo (demo office points are synthetic)',
        'manual',
      );
    if (kind === 'cms-clinicians')
      cmd.option('--affiliations <file>', 'also import Facility_Affiliation.csv (hospital affiliations)');
    cmd.action(
      (file: string, o: { json?: boolean; region?: string; source?: string; affiliations?: string }) =>
        withDatabase(async (database) => {
          if (o.source && o.source !== 'manual' && o.source !== 'demo')
            throw Object.assign(new Error('--source must be manual or demo'), { expected: true });
          const bar = progressBar(!o.json && process.stderr.isTTY === true);
          const opts = {
            region: o.region,
            source: o.source as 'manual' | 'demo' | undefined,
            startedBy: 'cli',
            onProgress: bar.update,
          };
          let result: ImportResult;
          try {
            result = await IMPORT_KINDS[kind as ImportKind].run(database, file, opts);
          } finally {
            bar.stop();
          }
          const extra = o.affiliations
            ? await IMPORT_KINDS['cms-affiliations'].run(database, o.affiliations, opts)
            : undefined;
          if (o.json) printJson(extra ? { ...result, affiliations: extra } : result);
          else {
            console.log(summary(kind, result));
            if (extra) console.log(summary('cms-affiliations', extra));
          }
        }),
    );
  }
  imp
    .command('jobs [id]')
    .description('list recent import jobs, or show one with its row errors')
    .option('--json', 'print JSON')
    .action((id: string | undefined, o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        let q = db
          .selectFrom('import_jobs')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(id ? 1 : 20);
        if (id) q = q.where('id', '=', Number(id));
        const rows = await q.execute();
        if (id && !rows.length)
          throw Object.assign(new Error(`import job ${id} not found`), { expected: true });
        if (o.json) {
          printJson(id ? rows[0] : rows);
          return;
        }
        for (const j of rows)
          console.log(
            `#${j.id} ${j.kind} ${j.status} ${j.file_name} read ${j.rows_read} +${j.rows_inserted} ~${j.rows_updated} =${j.rows_unchanged} x${j.rows_deactivated} !${j.rows_rejected}${j.message ? ` — ${j.message}` : ''}`,
          );
      }),
    );
}
