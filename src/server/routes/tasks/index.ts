// Follow-up tasks: owner, due date, status, links; overdue surfaced in lists.
import { z } from 'zod';
import { createTask, deleteTask, updateTask } from '../../../commands/crm/tasks';
import { changeHistory, loadRow } from '../../../commands/crm/versioned';
import { TASK_STATUSES } from '../../../core/crm/tasks';
import { listTasks } from '../../../db/queries/crm/tasks';
import { ALL_ROLES, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { idParam, idQuery, text } from '../../lib/schemas';
import {
  assertReadable,
  crmActor,
  dateString,
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

const fields = {
  title: text(200).pipe(z.string().min(1)),
  description: notes(5000).optional(),
  ownerId: id.nullable().optional(),
  dueOn: dateString.nullable().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  providerNpi: npi.nullable().optional(),
  organizationId: id.nullable().optional(),
  activityId: id.nullable().optional(),
  issueId: id.nullable().optional(),
};

export default async function taskRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/tasks', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'List tasks by due date; `overdue=true` keeps open tasks past their due date',
      querystring: z.strictObject({
        ...listQuery,
        status: enumList(TASK_STATUSES).optional(),
        overdue: z.enum(['true', 'false']).optional(),
        providerNpi: npi.optional(),
        organizationId: idQuery.optional(),
        dueBefore: dateString.optional(),
      }),
    },
    handler: async (req) => {
      const { scope, overdue, deleted, ...f } = req.query;
      const ownerIds =
        f.providerNpi || f.organizationId
          ? await readableFor(database, req)
          : await ownersFor(database, req, scope);
      return {
        items: await listTasks(db, {
          ...f,
          ownerIds,
          overdue: overdue === 'true',
          deleted: deleted === 'true',
        }),
      };
    },
  });

  app.post('/api/tasks', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Create a task', body: z.strictObject(fields) },
    handler: async (req, reply) => {
      const r = await run(() => createTask(db, crmActor(req), req.body));
      reply.status(201);
      return r;
    },
  });

  app.get('/api/tasks/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'One task', params: idParam },
    handler: async (req) => {
      const t = await loadRow(db, { table: 'tasks', entity: 'task' }, req.params.id);
      await assertReadable(database, req, t, `task ${req.params.id}`);
      return t;
    },
  });

  app.patch('/api/tasks/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Edit a task (owner, manager or admin); stale version → 409 with what changed',
      params: idParam,
      body: z.strictObject({ version, ...z.object(fields).partial().shape }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      return run(() => updateTask(db, crmActor(req), req.params.id, v, patch));
    },
  });

  app.delete('/api/tasks/:id', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Soft-delete a task', params: idParam, body: versionBody },
    handler: async (req) => run(() => deleteTask(db, crmActor(req), req.params.id, true, req.body?.version)),
  });

  app.post('/api/tasks/:id/restore', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Restore a deleted task', params: idParam, body: versionBody },
    handler: async (req) => run(() => deleteTask(db, crmActor(req), req.params.id, false, req.body?.version)),
  });

  app.get('/api/tasks/:id/history', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'Change history of a task', params: idParam },
    handler: async (req) => {
      const t = await loadRow(db, { table: 'tasks', entity: 'task' }, req.params.id);
      await assertReadable(database, req, t, `task ${req.params.id}`);
      return { items: await changeHistory(db, 'task', req.params.id) };
    },
  });
}
