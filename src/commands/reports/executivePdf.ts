// The market (executive) report as PDF: share to our network and leakage per month (chart), the value
// of leakage by service line, top risers and fallers, and physicians new to the market — the same
// panels the Executive page shows, each with its source and data date.
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import { getSetting } from '../../db/queries/settings';
import type { DB } from '../../db/schema';
import { buildExecutive } from '../dashboards/executive';
import type { Panel } from '../dashboards/panel';
import { lineChart, table } from './pdfCharts';

const money = (v: unknown) => (typeof v === 'number' ? `$${Math.round(v).toLocaleString('en-US')}` : '—');
const pct = (ours: number, total: number) => (total ? ours / total : null);

/** Monthly totals over all service lines of the share-trend panel. */
export function monthlyTotals(rows: Panel['rows']) {
  const byMonth = new Map<string, { total: number; ours: number; competitor: number }>();
  for (const r of rows) {
    const m = byMonth.get(String(r.month)) ?? { total: 0, ours: 0, competitor: 0 };
    m.total += Number(r.total ?? 0);
    m.ours += Number(r.ours ?? 0);
    m.competitor += Number(r.competitor ?? 0);
    byMonth.set(String(r.month), m);
  }
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export async function executivePdf(
  db: Kysely<DB>,
  q: { months: number; serviceLine?: string },
): Promise<{ bytes: Buffer; fileName: string; dataDate: string | null }> {
  const [exec, demo] = await Promise.all([
    buildExecutive(db, q),
    getSetting<{ synthetic?: boolean }>(db, 'demo'),
  ]);
  const panel = (id: string) => exec.panels.find((p) => p.id === id)!;
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 48,
    info: { Title: 'Rounds market report', Author: 'Rounds' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor('#111')
    .text(`Market report — ${q.serviceLine?.replace(/_/g, ' ') ?? 'all service lines we offer'}`);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#666')
    .text(
      `Internal referrals through ${exec.dataDate ?? '—'} (monthly rollup).${demo?.synthetic ? ' SYNTHETIC DEMO DATA.' : ''}`,
    );
  doc.moveDown(1.5);

  const totals = monthlyTotals(panel('exec-share-trend').rows);
  lineChart(
    doc,
    { x: 84, y: doc.y + 10, w: 380, h: 130 },
    'Share of referrals to our network and to competitors',
    totals.map(([m]) => m.slice(2)),
    [
      { name: 'to us', values: totals.map(([, t]) => pct(t.ours, t.total)) },
      { name: 'competitors', values: totals.map(([, t]) => pct(t.competitor, t.total)) },
    ],
    `${panel('exec-share-trend').source}, through ${exec.dataDate ?? '—'}`,
    true,
  );
  let y = doc.y + 170;

  const value = panel('exec-leakage-value');
  doc.font('Helvetica-Bold').fontSize(12).fillColor('#111').text(value.title, 48, y, { width: 500 });
  y = table(
    doc,
    48,
    doc.y + 4,
    [150, 120, 100, 120],
    ['Service line', 'Referrals to competitors', 'Value per case', 'Estimated value'],
    value.rows
      .slice(0, 12)
      .map((r) => [
        String(r.line).replace(/_/g, ' '),
        Number(r.leaked),
        money(r.value_per_case),
        money(r.value),
      ]),
  );

  const movers = panel('exec-movers');
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#111')
    .text(movers.title, 48, y + 6, { width: 500 });
  y = table(
    doc,
    48,
    doc.y + 4,
    [60, 200, 80, 80, 70],
    ['Direction', 'Physician', 'Prior 6 mo', 'Recent 6 mo', 'Change'],
    movers.rows.map((r) => [
      String(r.kind),
      String(r.name),
      Number(r.prior),
      Number(r.recent),
      Number(r.change),
    ]),
  );

  const fresh = panel('exec-new-physicians');
  if (y > 600) {
    doc.addPage();
    y = 48;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#111')
    .text(`${fresh.title}: ${fresh.rows.length}`, 48, y + 6, { width: 500 });
  table(
    doc,
    48,
    doc.y + 4,
    [150, 150, 90, 90, 60],
    ['Physician', 'Taxonomy', 'City', 'County', 'Arrived'],
    fresh.rows
      .slice(0, 15)
      .map((r) => [
        String(r.name),
        String(r.taxonomy ?? ''),
        String(r.city ?? ''),
        String(r.county ?? ''),
        String(r.arrived_at),
      ]),
  );
  doc.end();
  await done;
  return {
    bytes: Buffer.concat(chunks),
    fileName: `rounds-market-${exec.dataDate ?? 'report'}.pdf`,
    dataDate: exec.dataDate,
  };
}
