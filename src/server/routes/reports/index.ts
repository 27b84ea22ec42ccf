// Reports: every dashboard panel as CSV or XLSX, each dashboard as one XLSX workbook or a PDF, the
// monthly PDF report per liaison or team, and stored (scheduled) monthly reports. The monthly job
// that stores last month's reports starts with the server (commands/reports/scheduled.ts).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CONTENT_TYPES,
  DASHBOARDS,
  type DownloadFile,
  exportDashboardPdf,
  exportDashboardXlsx,
  exportPanel,
} from '../../../commands/reports/dashboardFiles';
import { monthlyReportPdf } from '../../../commands/reports/monthlyPdf';
import { PANEL_IDS, todayUserId } from '../../../commands/reports/panelRegistry';
import {
  getScheduledReport,
  listScheduledReports,
  runMonthlyReports,
  startReportScheduler,
} from '../../../commands/reports/scheduled';
import { ALL_ROLES, actorOf, MANAGERS } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';
import { idParam } from '../../lib/schemas';
import { asHttp, dateField } from '../goals';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a YYYY-MM month');
const userId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const panelParams = {
  date: dateField.optional(),
  liaisonId: userId.optional(),
  weeks: z.coerce.number().int().min(1).max(52).optional(),
  months: z.coerce.number().int().min(3).max(36).optional(),
  serviceLine: z
    .string()
    .regex(/^[a-z_]{2,40}$/, 'must be a service-line key such as cardiology')
    .optional(),
  windowMonths: z.coerce.number().int().min(1).max(6).optional(),
};

const send = (reply: FastifyReply, f: DownloadFile) =>
  reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename="${f.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(f.body);

export default async function reportRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  const exporter = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, role: a.role, label: a.email, ip: req.ip };
  };
  const exportLimit = rateLimitFor('export', config);

  app.get('/api/reports/panels/:panel', {
    config: { roles: ALL_ROLES, rateLimit: exportLimit },
    schema: {
      tags: ['reports'],
      summary: 'Download one dashboard panel as CSV or XLSX (exactly the rows the panel shows)',
      params: z.strictObject({ panel: z.enum(PANEL_IDS) }),
      querystring: z.strictObject({ format: z.enum(['csv', 'xlsx']).optional(), ...panelParams }),
    },
    handler: async (req, reply) => {
      const { format = 'csv', ...params } = req.query;
      const f = await asHttp(() => exportPanel(db, exporter(req), req.params.panel, format, params));
      return send(reply, f);
    },
  });

  app.get('/api/reports/dashboards/:dashboard', {
    config: { roles: ALL_ROLES, rateLimit: exportLimit },
    schema: {
      tags: ['reports'],
      summary: 'Download a whole dashboard: XLSX (a sheet per panel) or PDF (monthly report / market report)',
      params: z.strictObject({ dashboard: z.enum(DASHBOARDS) }),
      querystring: z.strictObject({
        format: z.enum(['xlsx', 'pdf']).optional(),
        month: month.optional(),
        ...panelParams,
      }),
    },
    handler: async (req, reply) => {
      const { format = 'xlsx', month: m, ...params } = req.query;
      const a = exporter(req);
      const f = await asHttp(() =>
        format === 'pdf'
          ? exportDashboardPdf(db, a, req.params.dashboard, { ...params, month: m })
          : exportDashboardXlsx(db, a, req.params.dashboard, params),
      );
      return send(reply, f);
    },
  });

  app.get('/api/reports/monthly', {
    config: { roles: ALL_ROLES, rateLimit: exportLimit },
    schema: {
      tags: ['reports'],
      summary:
        'The monthly PDF report for a liaison (liaisons: their own) or, without liaisonId, for the team',
      querystring: z.strictObject({ month, liaisonId: userId.optional() }),
    },
    handler: async (req, reply) => {
      const a = exporter(req);
      const { liaisonId } = req.query;
      if (liaisonId === undefined && a.role === 'liaison')
        throw new HttpError(403, 'liaisonId: liaisons may download only their own monthly report');
      const target = liaisonId === undefined ? null : await asHttp(async () => todayUserId(a, liaisonId));
      const pdf = await asHttp(() => monthlyReportPdf(db, { month: req.query.month, liaisonId: target }));
      return send(reply, {
        fileName: pdf.fileName,
        contentType: CONTENT_TYPES.pdf,
        body: pdf.bytes,
        rows: 0,
      });
    },
  });

  app.get('/api/reports/scheduled', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['reports'], summary: 'Stored monthly reports (liaisons see their own)' },
    handler: async (req) => {
      const a = actorOf(req);
      return { items: await listScheduledReports(db, { id: a.id, role: a.role }) };
    },
  });

  app.get('/api/reports/scheduled/:id', {
    config: { roles: ALL_ROLES, rateLimit: exportLimit },
    schema: { tags: ['reports'], summary: 'Download a stored monthly report', params: idParam },
    handler: async (req, reply) => {
      const a = actorOf(req);
      const r = await getScheduledReport(db, req.params.id, { id: a.id, role: a.role });
      if (!r) throw new HttpError(404, `id: no stored report ${req.params.id}`);
      return send(reply, {
        fileName: r.file_name,
        contentType: CONTENT_TYPES[r.format],
        body: r.bytes,
        rows: 0,
      });
    },
  });

  app.post('/api/reports/scheduled', {
    config: { roles: MANAGERS, rateLimit: rateLimitFor('write', config) },
    schema: {
      tags: ['reports'],
      summary: 'Build and store the monthly reports (every liaison and the team) for a month now',
      body: z.strictObject({ month }),
    },
    handler: async (req, reply) => {
      const a = actorOf(req);
      const stored = await asHttp(() =>
        runMonthlyReports(db, req.body.month, { trigger: 'manual', actorId: a.id, actorLabel: a.email }),
      );
      reply.status(201);
      return { items: stored };
    },
  });

  // The monthly job: stores last month's reports once (advisory lock across server processes).
  let stop = () => {};
  app.addHook('onReady', async () => {
    stop = startReportScheduler(db, app.log);
  });
  app.addHook('onClose', async () => stop());
}
