// Activities: visits, drop-ins, lunch-and-learns, calls, e-mails, events, virtual meetings.
// One POST logs the activity with its attendees and follow-up tasks.
import { z } from 'zod';
import { deleteActivity, logActivity, updateActivity } from '../../../commands/crm/activities';
import { changeHistory } from '../../../commands/crm/versioned';
import { ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '../../../core/crm/visitCadence';
import { listActivities, loadActivity } from '../../../db/queries/crm/activities';
import { ALL_ROLES, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { idParam, idQuery, text } from '../../lib/schemas';
import {
  assertReadable,
  crmActor,
  dateString,
  dateTimeString,
  enumList,
  id,
  listQuery,
  notes,
  npi,
  ownersFor,
  readableFor,
  run,
  version,
  versionBody,
} from '../crm/lib';

const followUp = z.strictObject({
  title: text(200).pipe(z.string().min(1)),
  description: notes(5000).optional(),
  dueOn: dateString.nullable().optional(),
  ownerId: id.nullable().optional(),
  providerNpi: npi.nullable().optional(),
  organizationId: id.nullable().optional(),
});

const fields = {
  type: z.enum(ACTIVITY_TYPES),
  occurredAt: dateTimeString,
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  organizationId: id.nullable().optional(),
  locationId: id.nullable().optional(),
  subject: text(200).optional(),
  topics: z
    .array(text(60).pipe(z.string().min(1)))
    .max(30)
    .optional(),
  outcome: z.enum(ACTIVITY_OUTCOMES).nullable().optional(),
  notes: notes().optional(),
  ownerId: id.nullable().optional(),
  providerNpis: z.array(npi).max(50).optional(),
  contactIds: z.array(id).max(50).optional(),
};

export default async function activityRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/activities', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary:
        'List activities, newest first (default scope: a liaison’s own, a manager’s team, everyone for others)',
      querystring: z.strictObject({
        ...listQuery,
        providerNpi: npi.optional(),
        organizationId: idQuery.optional(),
        contactId: idQuery.optional(),
        type: enumList(ACTIVITY_TYPES).optional(),
        from: dateString.optional(),
        to: dateString.optional(),
      }),
    },
    handler: async (req) => {
      const { scope, type, deleted, ...f } = req.query;
      const ownerIds =
        f.providerNpi || f.organizationId || f.contactId
          ? await readableFor(database, req)
          : await ownersFor(database, req, scope);
      return {
        items: await listActivities(db, { ...f, types: type, ownerIds, deleted: deleted === 'true' }),
      };
    },
  });

  app.post('/api/activities', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary:
        'Log an activity with attendees and optional follow-up tasks (clientId makes a retry idempotent)',
      body: z.strictObject({
        ...fields,
        occurredAt: dateTimeString.optional(),
        clientId: text(80).optional(),
        followUps: z.array(followUp).max(10).optional(),
      }),
    },
    handler: async (req, reply) => {
      const r = await run(() =>
        logActivity(db, crmActor(req), { ...req.body, occurredAt: req.body.occurredAt ?? new Date() }),
      );
      reply.status(r.duplicate ? 200 : 201);
      return r;
    },
  });

  app.get('/api/activities/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'One activity with attendees and follow-up tasks', params: idParam },
    handler: async (req) => {
      const a = await loadActivity(db, req.params.id);
      await assertReadable(database, req, a, `activity ${req.params.id}`);
      return a;
    },
  });

  app.patch('/api/activities/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary:
        'Edit an activity you own (managers: their team’s); a stale version gets 409 with what changed',
      params: idParam,
      body: z.strictObject({ version, ...z.object(fields).partial().shape }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      return run(() => updateActivity(db, crmActor(req), req.params.id, v, patch));
    },
  });

  app.delete('/api/activities/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Soft-delete an activity (restorable)',
      params: idParam,
      body: versionBody,
    },
    handler: async (req) =>
      run(() => deleteActivity(db, crmActor(req), req.params.id, true, req.body?.version)),
  });

  app.post('/api/activities/:id/restore', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Restore a deleted activity', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteActivity(db, crmActor(req), req.params.id, false, req.body?.version)),
  });

  app.get('/api/activities/:id/history', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'Change history of an activity (who changed what, before → after)',
      params: idParam,
    },
    handler: async (req) => {
      await assertReadable(database, req, await loadActivity(db, req.params.id), `activity ${req.params.id}`);
      return { items: await changeHistory(db, 'activity', req.params.id) };
    },
  });
}
