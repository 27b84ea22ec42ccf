import { z } from 'zod';
import { addUser, resetPassword, UserError, updateUser } from '../../../commands/users';
import { listUsers } from '../../../db/queries/users';
import { ADMIN, ALL_ROLES, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { emailField, idParam, roleField, text } from '../../lib/schemas';

const wrap = async <T>(fn: () => Promise<T>) => {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UserError) throw new HttpError(e.status, e.message);
    throw e;
  }
};

export default async function userRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  const who = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, label: a.email, ip: req.ip };
  };

  app.get('/api/users', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['users'], summary: 'List users (everyone may see names, to assign owners)' },
    handler: async () => ({ items: await listUsers(db) }),
  });

  app.post('/api/users', {
    config: { roles: ADMIN },
    schema: {
      tags: ['users'],
      summary: 'Add a user; without a password a one-time password is generated and returned once',
      body: z.strictObject({
        email: emailField,
        name: text(120).pipe(z.string().min(1)),
        role: roleField,
        password: z.string().max(256).optional(),
        managerId: z.number().int().positive().nullable().optional(),
      }),
    },
    handler: async (req, reply) => {
      const r = await wrap(() => addUser(db, who(req), req.body));
      reply.status(201);
      return r;
    },
  });

  app.patch('/api/users/:id', {
    config: { roles: ADMIN },
    schema: {
      tags: ['users'],
      summary: 'Change a user’s role, name, manager or disable them (ends their sessions)',
      params: idParam,
      body: z.strictObject({
        role: roleField.optional(),
        disabled: z.boolean().optional(),
        name: text(120).pipe(z.string().min(1)).optional(),
        managerId: z.number().int().positive().nullable().optional(),
      }),
    },
    handler: async (req) => wrap(() => updateUser(db, who(req), req.params.id, req.body)),
  });

  app.post('/api/users/:id/reset-password', {
    config: { roles: ADMIN },
    schema: {
      tags: ['users'],
      summary: 'Reset a user’s password to a one-time password',
      params: idParam,
      body: z.strictObject({}).optional(),
    },
    handler: async (req) => wrap(() => resetPassword(db, who(req), req.params.id)),
  });
}
