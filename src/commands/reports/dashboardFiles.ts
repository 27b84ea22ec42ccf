// Downloads behind the dashboards' export buttons: one panel as CSV or XLSX, a whole dashboard as one
// workbook (a sheet per panel plus "About"), and a dashboard as PDF. Every download is audited, like
// the CRM exports, because it takes data out of the app.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { buildExecutive } from '../dashboards/executive';
import { DashboardError, isoToday, type Panel, type Viewer } from '../dashboards/panel';
import { buildTeam } from '../dashboards/team';
import { buildToday } from '../dashboards/today';
import { goalsPanel } from '../goals/panel';
import { executivePdf } from './executivePdf';
import { monthlyReportPdf } from './monthlyPdf';
import { addPanelSheet, panelCsv, panelXlsx, sheetName } from './panelFiles';
import { buildPanel, type PanelId, type PanelParams, todayUserId } from './panelRegistry';

export const DASHBOARDS = ['today', 'team', 'executive', 'goals'] as const;
export type DashboardName = (typeof DASHBOARDS)[number];
export type ExportActor = Viewer & { label: string; ip?: string };

export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

async function audit(db: Kysely<DB>, a: ExportActor, entity: string, detail: Record<string, unknown>) {
  await recordAudit(db, {
    actorUserId: a.id,
    actorLabel: a.label,
    action: 'export',
    entity,
    ip: a.ip,
    detail,
  });
}

export async function exportPanel(
  db: Kysely<DB>,
  actor: ExportActor,
  id: PanelId,
  format: 'csv' | 'xlsx',
  params: PanelParams,
): Promise<DownloadFile> {
  const panel = await buildPanel(db, actor, id, params);
  const body = format === 'csv' ? panelCsv(panel) : await panelXlsx(panel);
  await audit(db, actor, 'dashboard_panel', { panel: id, format, rows: panel.rows.length, params });
  return {
    fileName: `rounds-${id}-${isoToday()}.${format}`,
    contentType: CONTENT_TYPES[format],
    body,
    rows: panel.rows.length,
  };
}

const MANAGERS_AND_ANALYSTS = new Set(['admin', 'manager', 'analyst']);

/** The panels a dashboard shows the viewer, built by the same code as the page. */
export async function dashboardPanels(
  db: Kysely<DB>,
  viewer: Viewer,
  name: DashboardName,
  p: PanelParams,
): Promise<{ title: string; panels: Panel[] }> {
  if (name === 'today') {
    const d = await buildToday(db, todayUserId(viewer, p.liaisonId), p.date ?? isoToday());
    return { title: `Today — ${d.user?.name ?? ''} — ${d.date}`, panels: d.panels };
  }
  if (name === 'team') {
    if (!MANAGERS_AND_ANALYSTS.has(viewer.role))
      throw new DashboardError('The team dashboard is for managers and analysts', 403);
    const d = await buildTeam(db, viewer, { weeks: p.weeks ?? 12 });
    return { title: `Team — ${d.from} to ${d.asOf}`, panels: d.panels };
  }
  if (name === 'executive') {
    const d = await buildExecutive(db, { months: p.months ?? 24, serviceLine: p.serviceLine });
    return { title: `Market — ${d.serviceLine ?? 'all service lines'}`, panels: d.panels };
  }
  const g = await goalsPanel(db, viewer, p.date ?? isoToday(), p.liaisonId);
  return { title: g.title, panels: [g] };
}

export async function exportDashboardXlsx(
  db: Kysely<DB>,
  actor: ExportActor,
  name: DashboardName,
  p: PanelParams,
): Promise<DownloadFile> {
  const { title, panels } = await dashboardPanels(db, actor, name, p);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rounds';
  const about = wb.addWorksheet('About');
  about.addRow([title]).font = { bold: true };
  about.addRow(['Exported at', new Date().toISOString()]);
  about.addRow([]);
  about.addRow(['Sheet', 'Panel', 'Source', 'Data date', 'Rows', 'Definition']).font = { bold: true };
  for (const panel of panels) {
    const name = sheetName(panel.id);
    addPanelSheet(wb, panel, name);
    about.addRow([
      name,
      panel.title,
      panel.source,
      panel.dataDate ?? 'unknown',
      panel.rows.length,
      panel.definition ?? '',
    ]);
  }
  about.getColumn(2).width = 60;
  about.getColumn(3).width = 40;
  const rows = panels.reduce((s, x) => s + x.rows.length, 0);
  await audit(db, actor, 'dashboard', { dashboard: name, format: 'xlsx', rows, params: p });
  return {
    fileName: `rounds-${name}-${isoToday()}.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    rows,
  };
}

/**
 * A dashboard as PDF: Today and Goals give the liaison's monthly report for the month in view, Team
 * the team's monthly report, Executive the market report. Liaisons may only print their own.
 */
export async function exportDashboardPdf(
  db: Kysely<DB>,
  actor: ExportActor,
  name: DashboardName,
  p: PanelParams & { month?: string },
): Promise<DownloadFile> {
  const month = p.month ?? (p.date ?? isoToday()).slice(0, 7);
  let file: { bytes: Buffer; fileName: string };
  if (name === 'executive')
    file = await executivePdf(db, { months: p.months ?? 24, serviceLine: p.serviceLine });
  else if (name === 'team') {
    if (!MANAGERS_AND_ANALYSTS.has(actor.role))
      throw new DashboardError('The team report is for managers and analysts', 403);
    file = await monthlyReportPdf(db, { month, liaisonId: null });
  } else {
    const liaisonId =
      name === 'goals' && p.liaisonId === undefined && actor.role !== 'liaison'
        ? null
        : todayUserId(actor, p.liaisonId);
    file = await monthlyReportPdf(db, { month, liaisonId });
  }
  await audit(db, actor, 'dashboard', { dashboard: name, format: 'pdf', month, params: p });
  return { fileName: file.fileName, contentType: CONTENT_TYPES.pdf, body: file.bytes, rows: 0 };
}
