// Organizations: search by name/type/network status/parent; profile with hierarchy, providers, offices.
import { z } from 'zod';
import { exportOrganizations } from '../../../commands/directory/exportOrganizations';
import { resolveTerritory } from '../../../commands/directory/providerSearch';
import { SERVICE_LINE_KEYS } from '../../../core/serviceLines';
import { getOrganizationProfile, searchOrganizations } from '../../../db/queries/directory/organizations';
import {
  NETWORK_STATUSES,
  type NetworkStatus,
  ORGANIZATION_TYPES,
  type OrganizationType,
} from '../../../db/tables/directory';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { sendDownload } from '../../lib/download';
import { notFound } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';
import { idParam, text } from '../../lib/schemas';
import { searchErrors } from '../../lib/searchErrors';
import { crmActor } from '../crm/lib';

const query = z.strictObject({
  q: text(120).optional(),
  type: z.enum(ORGANIZATION_TYPES as [OrganizationType, ...OrganizationType[]]).optional(),
  networkStatus: z.enum(NETWORK_STATUSES as [NetworkStatus, ...NetworkStatus[]]).optional(),
  parent: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1)
    .optional(),
  serviceLine: z.enum(SERVICE_LINE_KEYS).optional(),
  territory: z
    .string()
    .regex(/^(mine|\d{1,9})$/, "must be 'mine' or a territory id")
    .optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export default async function organizationRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  app.get('/api/organizations', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['organizations'],
      summary: 'Search organizations by name (best match first), type, network status, parent (by name)',
      querystring: query,
    },
    handler: async (req) => {
      return searchErrors(async () =>
        searchOrganizations(db, {
          ...req.query,
          territory: await resolveTerritory(db, req.query.territory, { id: crmActor(req).id }),
        }),
      );
    },
  });
  app.get('/api/organizations/export', {
    config: { roles: ALL_ROLES, rateLimit: rateLimitFor('export', config) },
    schema: {
      tags: ['organizations'],
      summary: 'Download an organization search (same filters and order, up to 10,000 rows) as CSV or XLSX',
      querystring: query
        .omit({ cursor: true, limit: true })
        .extend({ format: z.enum(['csv', 'xlsx']).optional() }),
    },
    handler: async (req, reply) => {
      const { format = 'csv', territory, ...search } = req.query;
      const actor = crmActor(req);
      const resolved = await searchErrors(() => resolveTerritory(db, territory, { id: actor.id }));
      const f = await exportOrganizations(db, actor, format, { ...search, territory: resolved });
      return sendDownload(reply, f);
    },
  });
  app.get('/api/organizations/:id', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['organizations'],
      summary: 'An organization with its parent chain, children, providers and offices',
      params: idParam,
    },
    handler: async (req) => {
      const o = await getOrganizationProfile(db, req.params.id);
      if (!o) throw notFound(`organization ${req.params.id}`);
      return o;
    },
  });
}
