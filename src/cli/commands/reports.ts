// Reports on the command line: `rounds reports run --month YYYY-MM` stores every liaison's and the
// team's monthly PDF (what the monthly job does), `rounds reports list`, and `rounds reports monthly
// --month YYYY-MM [--liaison EMAIL] --out FILE` writes one PDF.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { monthlyReportPdf } from '../../commands/reports/monthlyPdf';
import { listScheduledReports, previousMonth, runMonthlyReports } from '../../commands/reports/scheduled';
import { findUserByEmail } from '../../db/queries/users';
import { CliError, printJson, withDatabase } from '../runtime';

const checkMonth = (m: string) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw new CliError(`--month: "${m}" is not YYYY-MM`);
  return m;
};

export function registerReportCommands(program: Command) {
  const reports = program.command('reports').description('monthly PDF reports (stored and one-off)');
  reports
    .command('run')
    .description('build and store the monthly reports of every liaison and the team')
    .option('--month <YYYY-MM>', 'the month (default: last month)')
    .action((o: { month?: string }) =>
      withDatabase(async ({ db }) => {
        const month = checkMonth(o.month ?? previousMonth());
        const stored = await runMonthlyReports(db, month, {
          trigger: 'manual',
          actorLabel: 'cli',
          onProgress: (d, t) => process.stderr.write(`\r${d}/${t} reports`),
        });
        process.stderr.write('\n');
        for (const s of stored)
          console.log(`#${s.id} ${s.fileName} (${s.size.toLocaleString('en-US')} bytes)`);
      }),
    );
  reports
    .command('list')
    .description('stored reports')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const rows = await listScheduledReports(db, { id: null, role: 'admin' });
        if (o.json) return printJson(rows);
        for (const r of rows)
          console.log(
            `#${r.id} ${r.month} ${r.kind.padEnd(16)} ${r.file_name} ${r.size} bytes (${r.trigger})`,
          );
      }),
    );
  reports
    .command('monthly')
    .description('write one monthly PDF report to a file')
    .requiredOption('--month <YYYY-MM>', 'the month')
    .option('--liaison <email>', 'the liaison (default: the team report)')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action((o: { month: string; liaison?: string; out: string }) =>
      withDatabase(async ({ db }) => {
        const user = o.liaison ? await findUserByEmail(db, o.liaison) : null;
        if (o.liaison && !user) throw new CliError(`--liaison: no user ${o.liaison}`);
        const pdf = await monthlyReportPdf(db, { month: checkMonth(o.month), liaisonId: user?.id ?? null });
        await writeFile(o.out, pdf.bytes);
        console.log(`Wrote ${o.out} (${pdf.bytes.length.toLocaleString('en-US')} bytes)`);
      }),
    );
}
