// Admin → Audit: search the trail, export it (the export is itself audited), verify the chain.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { type AuditFilter, auditExportLines, searchAudit } from '../../../commands/auditSearch';
import { recordAudit, verifyAuditChain } from '../../../db/audit';
import { ADMIN, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { rateLimitFor } from '../../lib/rateLimits';
import { text } from '../../lib/schemas';

const when = z.coerce
  .date()
  .refine((d) => d.getFullYear() >= 1970 && d.getFullYear() <= 9999, 'out of range');
const filters = {
  actor: text(200).optional(),
  action: text(60).optional(),
  entity: text(60).optional(),
  entityId: text(100).optional(),
  from: when.optional(),
  to: when.optional(),
};

const toFilter = (q: Partial<Record<keyof typeof filters, unknown>>): AuditFilter => ({
  actor: (q.actor as string) || undefined,
  action: (q.action as string) || undefined,
  entity: (q.entity as string) || undefined,
  entityId: (q.entityId as string) || undefined,
  from: q.from as Date | undefined,
  to: q.to as Date | undefined,
});

export default async function auditRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;

  app.get('/api/audit', {
    config: { roles: ADMIN },
    schema: {
      tags: ['audit'],
      summary: 'Search the audit trail, newest first (pass nextCursor as cursor for the next page)',
      querystring: z.strictObject({
        ...filters,
        cursor: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    handler: async (req) =>
      searchAudit(db, toFilter(req.query), { cursor: req.query.cursor, limit: req.query.limit }),
  });

  app.get('/api/audit/export', {
    config: { roles: ADMIN, rateLimit: rateLimitFor('export', config) },
    schema: {
      tags: ['audit'],
      summary: 'Download matching audit rows (oldest first) as CSV or JSON Lines; the download is audited',
      querystring: z.strictObject({ ...filters, format: z.enum(['csv', 'jsonl']).default('csv') }),
    },
    handler: async (req, reply) => {
      const a = actorOf(req);
      const { format, ...rest } = req.query;
      await recordAudit(db, {
        actorUserId: a.id,
        actorLabel: a.email,
        action: 'export',
        entity: 'audit_log',
        ip: req.ip,
        detail: { format, filter: rest },
      });
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .header('content-disposition', `attachment; filename="rounds-audit-${stamp}.${format}"`)
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      return reply.send(Readable.from(auditExportLines(db, toFilter(rest), format)));
    },
  });

  app.get('/api/audit/verify', {
    config: { roles: ADMIN, rateLimit: rateLimitFor('export', config) },
    schema: { tags: ['audit'], summary: 'Verify the hash chain; names the first broken row if any' },
    handler: async () => verifyAuditChain(db),
  });
}
