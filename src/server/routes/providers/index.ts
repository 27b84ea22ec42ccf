// Provider directory: search, new to market, profile.
import type { FastifyRequest } from 'fastify';
import { exportProviders } from '../../../commands/directory/exportProviders';
import { findProviders } from '../../../commands/directory/providerSearch';
import { getProviderProfile } from '../../../db/queries/directory/providerProfile';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { sendDownload } from '../../lib/download';
import { notFound } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';
import { npiParam } from '../../lib/schemas';
import { searchErrors } from '../../lib/searchErrors';
import { crmActor } from '../crm/lib';
import { CRM_PARAMS, newToMarketQuery, providerExportQuery, providerSearchQuery } from './schemas';

// a search naming tier, owner, territory, overdue or segment reads CRM or referral data, and "me" /
// "mine" depend on who asks
const readsCrm = (req: FastifyRequest) =>
  CRM_PARAMS.some((k) => (req.query as Record<string, unknown>)[k] !== undefined);

export default async function providerRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;

  app.get('/api/providers', {
    config: { roles: ALL_ROLES, cache: ['directory'], cacheSkip: readsCrm },
    schema: {
      tags: ['providers'],
      summary:
        'Search providers: fuzzy name, NPI, specialty, service line, place, radius, tier, owner (me/none/id), territory (mine/id), overdue, segment, network status; facets; keyset pages',
      querystring: providerSearchQuery,
    },
    handler: async (req) => searchErrors(() => findProviders(db, req.query, crmActor(req))),
  });

  app.get('/api/providers/new-to-market', {
    config: { roles: ALL_ROLES, cache: ['directory'] },
    schema: {
      tags: ['providers'],
      summary:
        'Providers newly enumerated or newly arrived in the market (default: in the latest NPPES import)',
      querystring: newToMarketQuery,
    },
    handler: async (req) =>
      searchErrors(() => findProviders(db, { ...req.query, newToMarket: true, sort: 'name', facets: false })),
  });

  app.get('/api/providers/export', {
    config: { roles: ALL_ROLES, rateLimit: rateLimitFor('export', config) },
    schema: {
      tags: ['providers'],
      summary:
        'Download a provider search (same filters and order, up to 10,000 rows) as CSV or XLSX, with source and data date',
      querystring: providerExportQuery,
    },
    handler: async (req, reply) => {
      const { format = 'csv', ...search } = req.query;
      const f = await searchErrors(() => exportProviders(db, crmActor(req), format, search));
      return sendDownload(reply, f);
    },
  });

  app.get('/api/providers/:npi', {
    config: { roles: ALL_ROLES, cache: ['directory'] },
    schema: {
      tags: ['providers'],
      summary: 'A provider: identity, taxonomies, addresses, locations, organizations, dates',
      params: npiParam,
    },
    handler: async (req) => {
      const p = await getProviderProfile(db, req.params.npi);
      if (!p) throw notFound(`provider ${req.params.npi}`);
      return p;
    },
  });
}
