// Contacts at practices: office managers, referral coordinators, schedulers, administrators.
import { z } from 'zod';
import {
  addContact,
  CONTACT,
  CONTACT_METHODS,
  CONTACT_ROLES,
  deleteContact,
  updateContact,
} from '../../../commands/crm/contacts';
import { changeHistory, loadRow } from '../../../commands/crm/versioned';
import { listContacts } from '../../../db/queries/crm/contacts';
import { ALL_ROLES, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { notFound } from '../../lib/errors';
import { idParam, idQuery, text } from '../../lib/schemas';
import { crmActor, enumList, id, listQuery, notes, run, version, versionBody } from '../crm/lib';

const fields = {
  organizationId: id.nullable().optional(),
  locationId: id.nullable().optional(),
  firstName: text(80).optional(),
  lastName: text(80).pipe(z.string().min(1)),
  role: z.enum(CONTACT_ROLES).optional(),
  title: text(120).nullable().optional(),
  phone: text(40).nullable().optional(),
  email: z.string().trim().toLowerCase().email().max(254).nullable().optional(),
  preferredContact: z.enum(CONTACT_METHODS).nullable().optional(),
  notes: notes(10_000).optional(),
  ownerId: id.nullable().optional(),
};

export default async function contactRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/contacts', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'List contacts (search by name, e-mail or notes)',
      querystring: z.strictObject({
        q: listQuery.q,
        deleted: listQuery.deleted,
        limit: listQuery.limit,
        offset: listQuery.offset,
        organizationId: idQuery.optional(),
        role: enumList(CONTACT_ROLES).optional(),
      }),
    },
    handler: async (req) => ({
      items: await listContacts(db, { ...req.query, deleted: req.query.deleted === 'true' }),
    }),
  });

  app.post('/api/contacts', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Add a contact', body: z.strictObject(fields) },
    handler: async (req, reply) => {
      const r = await run(() => addContact(db, crmActor(req), req.body));
      reply.status(201);
      return r;
    },
  });

  app.get('/api/contacts/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'One contact', params: idParam },
    handler: async (req) =>
      (await loadRow(db, CONTACT, req.params.id)) ?? Promise.reject(notFound(`contact ${req.params.id}`)),
  });

  app.patch('/api/contacts/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Edit a contact; stale version → 409 with what changed',
      params: idParam,
      body: z.strictObject({ version, ...z.object(fields).partial().shape }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      return run(() => updateContact(db, crmActor(req), req.params.id, v, patch));
    },
  });

  app.delete('/api/contacts/:id', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Soft-delete a contact', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteContact(db, crmActor(req), req.params.id, true, req.body?.version)),
  });

  app.post('/api/contacts/:id/restore', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Restore a deleted contact', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteContact(db, crmActor(req), req.params.id, false, req.body?.version)),
  });

  app.get('/api/contacts/:id/history', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'Change history of a contact', params: idParam },
    handler: async (req) => ({ items: await changeHistory(db, 'contact', req.params.id) }),
  });
}
