// Export any CRM list as CSV or XLSX (audited). Filters mirror the list endpoints.
import { z } from 'zod';
import { EXPORT_LISTS, exportList } from '../../../commands/crm/export';
import { ACTIVITY_TYPES } from '../../../core/crm/visitCadence';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { sendDownload } from '../../lib/download';
import { rateLimitFor } from '../../lib/rateLimits';
import { idQuery } from '../../lib/schemas';
import { crmActor, dateString, enumList, listQuery, npi, ownersFor } from '../crm/lib';

export default async function crmExportRoutes(app: App, { database, config }: ServerContext) {
  app.get('/api/crm-export/:list', {
    config: { roles: ALL_ROLES, rateLimit: rateLimitFor('export', config) },
    schema: {
      tags: ['crm'],
      summary:
        'Download a CRM list (activities, tasks, issues, contacts, spend, relationships, territories) as CSV or XLSX',
      params: z.strictObject({ list: z.enum(EXPORT_LISTS) }),
      querystring: z.strictObject({
        format: z.enum(['csv', 'xlsx']).optional(),
        scope: listQuery.scope,
        q: listQuery.q,
        status: z
          .string()
          .max(100)
          .regex(/^[a-z_,]*$/, 'must be a comma-separated list of statuses')
          .optional(),
        overdue: z.enum(['true', 'false']).optional(),
        type: enumList(ACTIVITY_TYPES).optional(),
        from: dateString.optional(),
        to: dateString.optional(),
        providerNpi: npi.optional(),
        organizationId: idQuery.optional(),
      }),
    },
    handler: async (req, reply) => {
      const { format = 'csv', scope, status, overdue, type, ...rest } = req.query;
      const list = req.params.list;
      const scoped =
        ['activities', 'tasks', 'issues', 'relationships'].includes(list) &&
        !rest.providerNpi &&
        !rest.organizationId;
      const filters = {
        ...rest,
        ...(status ? { status: status.split(',').filter(Boolean) } : {}),
        ...(overdue ? { overdue: overdue === 'true' } : {}),
        ...(type ? { types: type } : {}),
        ownerIds: scoped
          ? await ownersFor(database, req, scope ?? (list === 'issues' ? 'all' : undefined))
          : null,
      };
      const f = await exportList(database.db, crmActor(req), list, format, filters);
      return sendDownload(reply, f);
    },
  });
}
