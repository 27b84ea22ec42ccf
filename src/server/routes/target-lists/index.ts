// Target lists / campaigns: saved, scored lists with owner, goal and progress.
import { z } from 'zod';
import {
  addTargetListMembers,
  archiveTargetList,
  createTargetList,
  getTargetList,
  listTargetLists,
  updateTargetListMember,
} from '../../../commands/network/targetLists';
import { ALL_ROLES, actorOf, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { idParam, npiString, text } from '../../lib/schemas';
import { asHttp, resolveLiaison, targetFilterBody, targetFilterOf, weightsSchema } from '../targets/shared';

export default async function targetListRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  const who = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, label: a.email, ip: req.ip };
  };

  app.get('/api/target-lists', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['targets'],
      summary:
        'Target lists with members and progress (reached = visited in person since the list was made, or marked visited/won)',
      querystring: z.strictObject({
        mine: z.enum(['true', 'false']).optional(),
        status: z.enum(['active', 'archived']).default('active'),
      }),
    },
    handler: async (req) => ({
      items: await listTargetLists(db, {
        ownerId: req.query.mine === 'true' ? (actorOf(req).id ?? -1) : undefined,
        status: req.query.status,
      }),
    }),
  });

  app.post('/api/target-lists', {
    config: { roles: STAFF },
    schema: {
      tags: ['targets'],
      summary:
        'Save the current (or given-weight) top targets as a list / campaign; made for a liaison (`liaison`), it is theirs and they are notified',
      body: z.strictObject({
        name: text(120).pipe(z.string().min(1)),
        goal: text(500).optional(),
        dueOn: z.iso.date().optional(),
        liaison: text(254).optional(),
        ...targetFilterBody,
        minScore: z.number().min(0).max(100).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        weights: weightsSchema.optional(),
      }),
    },
    handler: async (req, reply) => {
      const b = req.body;
      const liaisonUserId = await resolveLiaison(db, actorOf(req), b.liaison);
      const list = await asHttp(() =>
        createTargetList(db, who(req), {
          name: b.name,
          goal: b.goal,
          dueOn: b.dueOn,
          // a list made for a liaison's territory is theirs to work (they are told); else the maker's
          ownerId: liaisonUserId !== undefined && liaisonUserId > 0 ? liaisonUserId : undefined,
          filter: { liaisonUserId, ...targetFilterOf(b), minScore: b.minScore, limit: b.limit },
          weights: b.weights as Record<string, number> | undefined,
        }),
      );
      reply.status(201);
      return list;
    },
  });

  app.get('/api/target-lists/:id', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['targets'],
      summary: 'One target list with members, their scores at the time and progress',
      params: idParam,
    },
    handler: async (req) => asHttp(() => getTargetList(db, req.params.id)),
  });

  app.post('/api/target-lists/:id/members', {
    config: { roles: STAFF },
    schema: {
      tags: ['targets'],
      summary:
        'Add providers to a list by hand: those not on it yet, scored as the list scores (0 if its scoring does not rank them)',
      params: idParam,
      body: z.strictObject({ npis: z.array(npiString).min(1).max(500) }),
    },
    handler: async (req) => asHttp(() => addTargetListMembers(db, who(req), req.params.id, req.body.npis)),
  });

  app.patch('/api/target-lists/:id/members/:npi', {
    config: { roles: STAFF },
    schema: {
      tags: ['targets'],
      summary: 'Mark a member open / visited / won / dropped',
      params: z.strictObject({ id: idParam.shape.id, npi: npiString }),
      body: z.strictObject({ status: z.enum(['open', 'visited', 'won', 'dropped']) }),
    },
    handler: async (req) =>
      asHttp(() => updateTargetListMember(db, who(req), req.params.id, req.params.npi, req.body.status)),
  });

  app.post('/api/target-lists/:id/archive', {
    config: { roles: STAFF },
    schema: {
      tags: ['targets'],
      summary: 'Archive a target list',
      params: idParam,
      body: z.strictObject({}).optional(),
    },
    handler: async (req) => asHttp(() => archiveTargetList(db, who(req), req.params.id)),
  });
}
