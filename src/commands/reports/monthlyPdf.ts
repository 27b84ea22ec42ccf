// The monthly PDF report, per liaison or for the team: goals with progress and projection, visits per
// week (chart), referrals to us and share per month (chart), return on visit with its interval, overdue
// A-tier physicians and open issues. Drawn with PDFKit on the server, so it works offline and headless.
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import { referralTrendForScope } from '../../db/queries/dashboards/referralTrend';
import { activityByWeek, liaisonsOf, openIssuesByAge, overdueATier } from '../../db/queries/dashboards/team';
import { getSetting } from '../../db/queries/settings';
import type { DB } from '../../db/schema';
import { DashboardError } from '../dashboards/panel';
import { returnOnVisit } from '../dashboards/returnOnVisit';
import { goalsWithProgress } from '../goals/progress';
import { barChart, lineChart, table } from './pdfCharts';

export interface MonthlyReportInput {
  month: string; // YYYY-MM
  liaisonId: number | null; // null = team
}

export function monthBounds(month: string) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DashboardError(`month: "${month}" is not YYYY-MM`);
  const start = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { start, end };
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)} %`;
const num = (x: number, unit: string) =>
  unit === 'fraction' ? pct(x) : Number.isInteger(x) ? String(x) : x.toFixed(1);

export async function monthlyReportPdf(
  db: Kysely<DB>,
  input: MonthlyReportInput,
): Promise<{ bytes: Buffer; fileName: string; dataDate: string | null }> {
  const { start, end } = monthBounds(input.month);
  const who =
    input.liaisonId === null
      ? null
      : await db
          .selectFrom('users')
          .select(['id', 'name', 'role'])
          .where('id', '=', input.liaisonId)
          .executeTakeFirst();
  if (input.liaisonId !== null && !who)
    throw new DashboardError(`liaisonId: user ${input.liaisonId} does not exist`, 404);
  const owners = input.liaisonId === null ? null : [input.liaisonId];
  const [goals, acts, trend, rov, overdue, issues, liaisons, demo] = await Promise.all([
    goalsWithProgress(db, { ownerId: input.liaisonId ?? undefined, activeOn: end }, end),
    activityByWeek(db, owners, start, end),
    referralTrendForScope(db, input.liaisonId, 12),
    returnOnVisit(db, 3),
    overdueATier(db, owners, end, 15),
    openIssuesByAge(db, owners, end),
    liaisonsOf(db, null),
    getSetting<{ synthetic?: boolean }>(db, 'demo'),
  ]);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 48,
    info: { Title: `Rounds monthly report ${input.month}`, Author: 'Rounds' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const title = who ? `${who.name} — monthly report ${input.month}` : `Team monthly report ${input.month}`;
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#111').text(title);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#666')
    .text(
      `${start} to ${end}. Activities through ${goals.dataDates.activities ?? '—'}; referrals through ${goals.dataDates.referrals ?? '—'}.${demo?.synthetic ? ' SYNTHETIC DEMO DATA.' : ''}`,
    );
  doc.moveDown(0.8);

  doc.font('Helvetica-Bold').fontSize(12).fillColor('#111').text('Goals');
  const gRows = goals.goals.map((g) => [
    input.liaisonId === null ? g.owner_name : g.scope,
    g.definition.label + (g.service_line ? ` (${g.service_line})` : ''),
    num(g.progress.value, g.definition.unit),
    num(g.target, g.definition.unit),
    pct(g.progress.pace),
    `${num(g.progress.projection, g.definition.unit)} (${num(g.progress.interval[0], g.definition.unit)}–${num(g.progress.interval[1], g.definition.unit)})`,
    g.progress.status.replace('_', ' '),
    g.measured.asOf,
  ]);
  let y = table(
    doc,
    48,
    doc.y + 4,
    [80, 120, 45, 45, 40, 110, 50, 55],
    ['Owner', 'Metric', 'Actual', 'Target', 'Pace', 'Projected (90 % interval)', 'Status', 'Through'],
    gRows.length ? gRows : [['—', 'No goals active this month', null, null, null, null, null, null]],
  );
  doc
    .fontSize(6)
    .fillColor('#777')
    .text(
      'Source: goals; CRM activities and issues; internal referrals (monthly rollup). Projection: observed daily rate to period end, 90 % Poisson interval.',
      48,
      y,
      { width: 500 },
    );
  y = doc.y + 28;

  const weeks = [...new Set(acts.map((a) => a.week))].sort();
  const visitTypes = new Set(['in_person_visit', 'drop_in', 'lunch_and_learn']);
  barChart(
    doc,
    { x: 84, y, w: 200, h: 110 },
    'Visits per week',
    weeks.map((w) => w.slice(5)),
    weeks.map((w) => acts.filter((a) => a.week === w && visitTypes.has(a.type)).reduce((s, a) => s + a.n, 0)),
    `CRM activities (in-person, drop-in, lunch-and-learn), ${start}–${end}`,
  );
  lineChart(
    doc,
    { x: 330, y, w: 160, h: 110 },
    'Share of referrals to us',
    trend.map((t) => t.month.slice(2)),
    [
      { name: 'to us', values: trend.map((t) => (t.total ? t.ours / t.total : null)) },
      { name: 'competitors', values: trend.map((t) => (t.total ? t.competitor / t.total : null)) },
    ],
    `Internal referrals, monthly rollup, through ${trend.at(-1)?.month ?? '—'}`,
    true,
  );
  y += 150;

  if (input.liaisonId === null) {
    const byL = liaisons.map((l) =>
      acts.filter((a) => a.owner_id === l.id && visitTypes.has(a.type)).reduce((s, a) => s + a.n, 0),
    );
    barChart(
      doc,
      { x: 84, y, w: 420, h: 90 },
      'Visits by liaison this month',
      liaisons.map((l) => l.name),
      byL,
      'CRM activities',
    );
    y += 130;
  }

  doc.font('Helvetica-Bold').fontSize(12).fillColor('#111').text('Return on visit', 48, y);
  const group = input.liaisonId === null ? 'all' : `liaison:${input.liaisonId}`;
  const est = rov.estimates.find((e) => e.group === group);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#111')
    .text(
      est
        ? `${est.statement} (${est.episodes} visit episodes, ${est.physicians} physicians; 3 months before vs after, matched unvisited physicians).`
        : 'Not enough visit episodes with matched controls to estimate.',
      { width: 500 },
    );
  doc
    .fontSize(6)
    .fillColor('#777')
    .text(
      `Internal referrals through ${rov.dataDate ?? '—'}; CRM visits since ${rov.activityFrom ?? '—'}. The interval covers chance, not bias from how physicians were chosen for visits.`,
      { width: 500 },
    );
  doc.moveDown(0.6);

  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#111')
    .text(`A-tier physicians overdue for a visit (${overdue.length}${overdue.length === 15 ? '+' : ''})`);
  y = table(
    doc,
    48,
    doc.y + 4,
    [170, 110, 70, 80, 60],
    ['Physician', 'Owner', 'Frequency', 'Last visit', 'Days since'],
    overdue.map((o) => [o.name, o.owner, o.frequency, o.last_visit, o.days_since]),
  );
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#111')
    .text(`Open physician issues: ${issues.length}`, 48, y + 4);
  const aged = [7, 30, 90].map(
    (d, i, a) => issues.filter((x) => x.age_days <= d && x.age_days > (i ? a[i - 1]! : -1)).length,
  );
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      `0–7 days: ${aged[0]} · 8–30 days: ${aged[1]} · 31–90 days: ${aged[2]} · over 90 days: ${issues.filter((x) => x.age_days > 90).length}  (CRM physician issues as of ${end})`,
    );
  doc.end();
  await done;
  const slug = who ? who.name.toLowerCase().replace(/[^a-z]+/g, '-') : 'team';
  return {
    bytes: Buffer.concat(chunks),
    fileName: `rounds-${slug}-${input.month}.pdf`,
    dataDate: goals.dataDates.referrals,
  };
}
