// Network intelligence: ego networks, strongest paths to our providers, key influencers, the
// market graph, and the background job that computes influence metrics.
import { z } from 'zod';
import { runNetworkJob, startNetworkJob } from '../../../commands/network/computeNetwork';
import {
  getEgoNetwork,
  getStrongestPaths,
  keyInfluencers,
  marketGraph,
  networkJobs,
  networkMeta,
} from '../../../commands/network/views';
import { recordAudit } from '../../../db/audit';
import { asBackground } from '../../../db/backgroundPriority';
import { ALL_ROLES, actorOf, MANAGERS } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { npiParam } from '../../lib/schemas';
import { asHttp, edgeFilter, serviceLineQuery } from '../targets/shared';

export default async function networkRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/network/ego/:npi', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['network'],
      summary:
        'Ego network of a physician (1 or 2 hops): nodes with network status and influence, weighted directed edges with "why connected"',
      params: npiParam,
      querystring: z.strictObject({
        depth: z.enum(['1', '2']).default('1'),
        maxNodes: z.coerce.number().int().min(2).max(1000).default(300),
        ...edgeFilter,
      }),
    },
    handler: async (req) =>
      asHttp(() =>
        getEgoNetwork(db, req.params.npi, Number(req.query.depth) as 1 | 2, {
          serviceLine: req.query.serviceLine,
          minWeight: req.query.minWeight,
          maxNodes: req.query.maxNodes,
        }),
      ),
  });

  app.get('/api/network/paths/:npi', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['network'],
      summary:
        'Strongest referral paths from a physician to providers in our network (optionally one service line)',
      params: npiParam,
      querystring: z.strictObject({
        ...serviceLineQuery,
        maxHops: z.coerce.number().int().min(1).max(4).default(3),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
    },
    handler: async (req) => asHttp(() => getStrongestPaths(db, req.params.npi, req.query)),
  });

  app.get('/api/network/influencers', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['network'],
      summary: 'Key influencers by PageRank, per service line and territory',
      querystring: z.strictObject({
        ...serviceLineQuery,
        territoryId: z.coerce
          .number()
          .int()
          .positive()
          .max(2 ** 31)
          .optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
    },
    handler: async (req) => keyInfluencers(db, req.query),
  });

  app.get('/api/network/graph', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['network'],
      summary: 'The market graph for the Network page: top providers by PageRank and the edges among them',
      querystring: z.strictObject({
        ...edgeFilter,
        community: z.coerce
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .optional(),
        networkStatus: z.enum(['ours', 'affiliated', 'independent', 'competitor', 'unknown']).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(2000),
      }),
    },
    handler: async (req) => marketGraph(db, req.query),
  });

  app.get('/api/network/jobs', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['network'],
      summary: 'Network job runs (newest first) and whether the stored metrics are stale',
    },
    handler: async () => ({ meta: await networkMeta(db), items: await networkJobs(database) }),
  });

  app.post('/api/network/jobs', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['network'],
      summary:
        'Start recomputing influence metrics in the background; returns the job id (409 if one is running)',
      body: z.strictObject({}).optional(),
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const opts = { trigger: 'api' as const, startedBy: actor.email };
      const jobId = await asHttp(() => startNetworkJob(database, opts));
      await recordAudit(db, {
        actorUserId: actor.id,
        actorLabel: actor.email,
        action: 'start',
        entity: 'network_job',
        entityId: jobId,
        ip: req.ip,
      });
      // Runs after the response; its outcome (and any failure) is recorded on the job row.
      setImmediate(() => {
        asBackground(() => runNetworkJob(database, jobId, opts)).catch((e) =>
          req.log.error({ err: e, jobId }, 'network job failed'),
        );
      });
      reply.status(202);
      return { jobId, status: 'running' };
    },
  });
}
