// Organizations: search by name/type/network status/parent; profile with hierarchy, providers, offices.
import { z } from 'zod';
import {
  getOrganizationProfile,
  OrganizationSearchError,
  searchOrganizations,
} from '../../../db/queries/directory/organizations';
import {
  NETWORK_STATUSES,
  type NetworkStatus,
  ORGANIZATION_TYPES,
  type OrganizationType,
} from '../../../db/tables/directory';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { badRequest, notFound } from '../../lib/errors';
import { idParam, text } from '../../lib/schemas';

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
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export default async function organizationRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  app.get('/api/organizations', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['organizations'],
      summary: 'Search organizations by name (best match first), type, network status, parent (by name)',
      querystring: query,
    },
    handler: async (req) => {
      try {
        return await searchOrganizations(db, req.query);
      } catch (e) {
        if (e instanceof OrganizationSearchError) throw badRequest(e.message);
        throw e;
      }
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
