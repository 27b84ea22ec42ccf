// Admin → Tokens: API tokens for machine clients (the token is returned once, only its hash is kept).
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../commands/apiTokens';
import { ADMIN, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { notFound } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';
import { idParam, roleField, text } from '../../lib/schemas';

export default async function tokenRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  const who = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, label: a.email, ip: req.ip };
  };

  app.get('/api/tokens', {
    config: { roles: ADMIN },
    schema: {
      tags: ['tokens'],
      summary: 'API tokens (never the secret: prefix, role, last use, revocation)',
    },
    handler: async () => ({ items: await listApiTokens(db) }),
  });

  app.post('/api/tokens', {
    config: { roles: ADMIN, rateLimit: rateLimitFor('write', config) },
    schema: {
      tags: ['tokens'],
      summary: 'Create a token; the response holds the secret once',
      body: z.strictObject({ name: text(100).pipe(z.string().min(1)), role: roleField }),
    },
    handler: async (req, reply) => {
      const t = await createApiToken(db, who(req), req.body);
      reply.status(201);
      return t;
    },
  });

  app.delete('/api/tokens/:id', {
    config: { roles: ADMIN, rateLimit: rateLimitFor('write', config) },
    schema: {
      tags: ['tokens'],
      summary: 'Revoke a token (takes effect on its next request)',
      params: idParam,
    },
    handler: async (req) => {
      if (!(await revokeApiToken(db, who(req), req.params.id)))
        throw notFound(`active token ${req.params.id}`);
      return { ok: true as const };
    },
  });
}
