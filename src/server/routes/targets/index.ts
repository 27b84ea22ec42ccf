// Target prioritization: ranked physicians with factor breakdowns, manager-tunable weights with a
// live preview, and "who to see next" for the route planner.
import { z } from 'zod';
import {
  getTargetWeights,
  listTargets,
  nextTargets,
  previewWeights,
  saveTargetWeights,
} from '../../../commands/network/targets';
import { FACTOR_LABELS, FACTOR_NORMALIZATION } from '../../../core/targets/weights';
import { ALL_ROLES, actorOf, MANAGERS, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { text } from '../../lib/schemas';
import addToRouteRoutes from './addToRoute';
import {
  asHttp,
  resolveLiaison,
  targetFilterBody,
  targetFilterOf,
  targetFilterQuery,
  weightsSchema,
} from './shared';

const liaisonQuery = { liaison: text(254).optional() };

export default async function targetRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  await addToRouteRoutes(app, ctx);

  app.get('/api/targets', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['targets'],
      summary:
        'Top targets (in a liaison’s territory, or the whole market) with score, factor breakdown and "why this physician"',
      querystring: z.strictObject({
        ...liaisonQuery,
        ...targetFilterQuery,
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
    },
    handler: async (req) => {
      const liaisonUserId = await resolveLiaison(db, actorOf(req), req.query.liaison);
      return asHttp(() =>
        listTargets(db, { liaisonUserId, limit: req.query.limit, filter: targetFilterOf(req.query) }),
      );
    },
  });

  app.get('/api/targets/next', {
    config: { roles: STAFF },
    schema: {
      tags: ['targets'],
      summary:
        '"Who to see next": top targets in a liaison’s territory with due visits, alerts, location ids and priority (for the route planner)',
      querystring: z.strictObject({
        ...liaisonQuery,
        limit: z.coerce.number().int().min(1).max(200).default(25),
      }),
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const id =
        (await resolveLiaison(db, actor, req.query.liaison ?? (actor.id ? String(actor.id) : undefined))) ??
        -1;
      return asHttp(() => nextTargets(db, id, req.query.limit));
    },
  });

  app.get('/api/targets/weights', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['targets'],
      summary: 'Current target weights, factor labels and how each factor is normalized',
    },
    handler: async () => ({
      ...(await getTargetWeights(db)),
      labels: FACTOR_LABELS,
      normalization: FACTOR_NORMALIZATION,
    }),
  });

  app.put('/api/targets/weights', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['targets'],
      summary: 'Save target weights (0–1000 each; normalized to sum to 1 when scoring)',
      body: weightsSchema,
    },
    handler: async (req) => {
      const a = actorOf(req);
      return asHttp(() => saveTargetWeights(db, { id: a.id, label: a.email, ip: req.ip }, req.body));
    },
  });

  app.post('/api/targets/preview', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['targets'],
      summary: 'Preview how the top N changes under proposed weights (nothing is saved)',
      body: z.strictObject({
        weights: weightsSchema,
        liaison: text(254).optional(),
        ...targetFilterBody,
        limit: z.number().int().min(1).max(200).optional(),
      }),
    },
    handler: async (req) => {
      const liaisonUserId = await resolveLiaison(db, actorOf(req), req.body.liaison);
      return asHttp(() =>
        previewWeights(db, {
          liaisonUserId,
          weights: req.body.weights,
          limit: req.body.limit,
          filter: targetFilterOf(req.body),
        }),
      );
    },
  });
}
