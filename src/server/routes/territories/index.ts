// Territories: sets of ZIPs and county FIPS codes, assigned to liaisons. Managers edit.
import { z } from 'zod';
import {
  createTerritory,
  deleteTerritory,
  TERRITORY,
  updateTerritory,
} from '../../../commands/crm/territories';
import { changeHistory } from '../../../commands/crm/versioned';
import { listRelationships } from '../../../db/queries/crm/relationships';
import { getTerritory, listTerritories } from '../../../db/queries/crm/territories';
import { ALL_ROLES, actorOf, MANAGERS } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { notFound } from '../../lib/errors';
import { idParam, text } from '../../lib/schemas';
import { crmActor, id, listQuery, run, version, versionBody } from '../crm/lib';

const code = z.string().trim().max(12);
const fields = {
  name: text(120).pipe(z.string().min(1)),
  description: text(1000).optional(),
  zips: z.array(code).max(5000).optional(),
  counties: z.array(code).max(1000).optional(),
  assigneeIds: z.array(id).max(100).optional(),
};

export default async function territoryRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/territories', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'Territories with their ZIPs, counties and assigned liaisons (`mine=true`: only mine)',
      querystring: z.strictObject({ mine: z.enum(['true', 'false']).optional(), deleted: listQuery.deleted }),
    },
    handler: async (req) => ({
      items: await listTerritories(db, {
        userId: req.query.mine === 'true' ? (actorOf(req).id ?? -1) : undefined,
        deleted: req.query.deleted === 'true',
      }),
    }),
  });

  app.get('/api/territories/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'One territory', params: idParam },
    handler: async (req) =>
      (await getTerritory(db, req.params.id)) ?? Promise.reject(notFound(`territory ${req.params.id}`)),
  });

  app.get('/api/territories/:id/providers', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'Providers practicing in a territory (by practice ZIP or county), with relationship fields',
      params: idParam,
      querystring: z.strictObject({ limit: listQuery.limit, offset: listQuery.offset }),
    },
    handler: async (req) => ({
      items: await listRelationships(db, { territoryId: req.params.id, ...req.query }),
    }),
  });

  app.post('/api/territories', {
    config: { roles: MANAGERS },
    schema: { tags: ['crm'], summary: 'Create a territory', body: z.strictObject(fields) },
    handler: async (req, reply) => {
      const r = await run(() => createTerritory(db, crmActor(req), req.body));
      reply.status(201);
      return (await getTerritory(db, r.id as number))!;
    },
  });

  app.patch('/api/territories/:id', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['crm'],
      summary: 'Edit a territory (ZIPs, counties, assignees); stale version → 409',
      params: idParam,
      body: z.strictObject({ version, ...z.object(fields).partial().shape }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      await run(() => updateTerritory(db, crmActor(req), req.params.id, v, patch));
      return (await getTerritory(db, req.params.id))!;
    },
  });

  app.delete('/api/territories/:id', {
    config: { roles: MANAGERS },
    schema: { tags: ['crm'], summary: 'Soft-delete a territory', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteTerritory(db, crmActor(req), req.params.id, true, req.body?.version)),
  });

  app.post('/api/territories/:id/restore', {
    config: { roles: MANAGERS },
    schema: { tags: ['crm'], summary: 'Restore a deleted territory', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteTerritory(db, crmActor(req), req.params.id, false, req.body?.version)),
  });

  app.get('/api/territories/:id/history', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'Change history of a territory', params: idParam },
    handler: async (req) => ({ items: await changeHistory(db, TERRITORY.entity, req.params.id) }),
  });
}
