// CRM edits of organizations (network status, type, parent) and their offices (hours, visit
// rules). Reading and searching organizations is the directory's (routes/organizations).
import { z } from 'zod';
import {
  addLocation,
  deleteLocation,
  LOCATION,
  NETWORK_STATUSES,
  ORG_TYPES,
  ORGANIZATION,
  updateLocation,
  updateOrganizationCrm,
} from '../../../commands/crm/organizations';
import { changeHistory, loadRow } from '../../../commands/crm/versioned';
import { ALL_ROLES, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { notFound } from '../../lib/errors';
import { idParam, text } from '../../lib/schemas';
import { crmActor, id, run, version, versionBody } from '../crm/lib';

const loc = {
  name: text(200).pipe(z.string().min(1)),
  line1: text(200).nullable().optional(),
  line2: text(200).nullable().optional(),
  city: text(100).nullable().optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a 2-letter state code')
    .nullable()
    .optional(),
  zip5: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit ZIP')
    .nullable()
    .optional(),
  countyFips: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit county FIPS')
    .nullable()
    .optional(),
  phone: text(40).nullable().optional(),
  hours: text(300).nullable().optional(),
  visitRules: text(1000).nullable().optional(),
};

export default async function organizationCrmRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.patch('/api/crm/organizations/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Set network status, type, parent (hierarchy) or name; stale version → 409 with what changed',
      params: idParam,
      body: z.strictObject({
        version,
        networkStatus: z.enum(NETWORK_STATUSES).optional(),
        type: z.enum(ORG_TYPES).optional(),
        parentId: id.nullable().optional(),
        name: text(200).pipe(z.string().min(1)).optional(),
      }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      return run(() => updateOrganizationCrm(db, crmActor(req), req.params.id, v, patch));
    },
  });

  app.get('/api/crm/organizations/:id/history', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'Change history of an organization', params: idParam },
    handler: async (req) => ({ items: await changeHistory(db, ORGANIZATION.entity, req.params.id) }),
  });

  app.post('/api/crm/organizations/:id/locations', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Add an office with hours ("Mon-Thu 08:00-17:00; Fri 08:00-12:00") and visit rules',
      params: idParam,
      body: z.strictObject(loc),
    },
    handler: async (req, reply) => {
      if (!(await loadRow(db, ORGANIZATION, req.params.id))) throw notFound(`organization ${req.params.id}`);
      const r = await run(() =>
        addLocation(db, crmActor(req), { ...req.body, organizationId: req.params.id }),
      );
      reply.status(201);
      return r;
    },
  });

  app.patch('/api/crm/locations/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Edit an office (hours, visit rules, address); stale version → 409',
      params: idParam,
      body: z.strictObject({ version, ...z.object(loc).partial().shape }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      return run(() => updateLocation(db, crmActor(req), req.params.id, v, patch));
    },
  });

  app.delete('/api/crm/locations/:id', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Soft-delete an office', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteLocation(db, crmActor(req), req.params.id, true, req.body?.version)),
  });

  app.post('/api/crm/locations/:id/restore', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Restore a deleted office', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteLocation(db, crmActor(req), req.params.id, false, req.body?.version)),
  });

  app.get('/api/crm/locations/:id/history', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'Change history of an office', params: idParam },
    handler: async (req) => ({ items: await changeHistory(db, LOCATION.entity, req.params.id) }),
  });
}
