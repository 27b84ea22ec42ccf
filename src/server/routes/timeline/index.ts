// Timelines: everything that happened with a provider or an organization, newest first.
import { z } from 'zod';
import { organizationTimeline, providerTimeline } from '../../../db/queries/crm/timeline';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { idParam, npiParam } from '../../lib/schemas';
import { dateTimeString, listQuery } from '../crm/lib';

const query = z.strictObject({ limit: listQuery.limit, before: dateTimeString.optional() });

export default async function timelineRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  app.get('/api/timeline/providers/:npi', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'A provider’s timeline: activities, tasks, issues, spend, record changes (page with `before`)',
      params: npiParam,
      querystring: query,
    },
    handler: async (req) => ({ items: await providerTimeline(db, req.params.npi, req.query) }),
  });
  app.get('/api/timeline/organizations/:id', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary:
        'An organization’s timeline: activities, tasks, issues, changes to it, its contacts and offices',
      params: idParam,
      querystring: query,
    },
    handler: async (req) => ({ items: await organizationTimeline(db, req.params.id, req.query) }),
  });
}
