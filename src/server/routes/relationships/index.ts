// Relationship fields per provider (tier, visit frequency, tags, owner) and the book-of-business /
// territory lists with overdue status.
import { z } from 'zod';
import { RELATIONSHIP, updateRelationship, updateRelationships } from '../../../commands/crm/relationships';
import { changeHistory } from '../../../commands/crm/versioned';
import { defaultScope } from '../../../core/crm/permissions';
import { VISIT_FREQUENCIES } from '../../../core/crm/visitCadence';
import { getRelationship, listRelationships } from '../../../db/queries/crm/relationships';
import { ownerIdsForScope } from '../../../db/queries/crm/scope';
import { ALL_ROLES, actorOf, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { notFound } from '../../lib/errors';
import { idQuery, npiParam, text } from '../../lib/schemas';
import { crmActor, enumList, id, listQuery, npi, npiList, run, version } from '../crm/lib';

export default async function relationshipRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/relationships', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary:
        'Providers with relationship fields and overdue status. scope: mine (book of business), team, territory (providers practicing in my territories), all; npis: just these providers (scope all)',
      querystring: z.strictObject({
        scope: z.enum(['mine', 'team', 'territory', 'all']).optional(),
        territoryId: idQuery.optional(),
        tier: enumList(['A', 'B', 'C'] as const).optional(),
        tag: text(60).optional(),
        q: text(120).optional(),
        overdue: z.enum(['true', 'false']).optional(),
        npis: npiList(500).optional(),
        limit: listQuery.limit,
        offset: listQuery.offset,
      }),
    },
    handler: async (req) => {
      const a = actorOf(req);
      // naming a territory or a page of providers (the Providers list's columns) asks about them, whoever owns them
      const {
        scope = req.query.territoryId || req.query.npis ? 'all' : defaultScope(a.role),
        overdue,
        ...f
      } = req.query;
      const items = await listRelationships(db, {
        ...f,
        overdue: overdue === 'true',
        ownerIds: scope === 'territory' ? null : await ownerIdsForScope(db, a.id, scope),
        territoryUserId: scope === 'territory' && a.id !== null ? a.id : undefined,
      });
      return { scope, items };
    },
  });

  // The same answer for every caller (no territory or owner filter: any role may read any
  // provider's relationship fields), computed from the directory (names), the provider's own CRM
  // data (relationship row, visits with them) and users (the owner's name): cached per provider.
  app.get('/api/relationships/:npi', {
    config: { roles: ALL_ROLES, cache: ['directory', 'crm', 'auth'], cacheProvider: 'npi' },
    schema: {
      tags: ['crm'],
      summary: 'A provider’s relationship fields, last visit and overdue status',
      params: npiParam,
    },
    handler: async (req) =>
      (await getRelationship(db, req.params.npi)) ?? Promise.reject(notFound(`provider ${req.params.npi}`)),
  });

  app.patch('/api/relationships/:npi', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary:
        'Set tier, visit frequency, tags or owner; send the version you read (0 if never set); stale → 409',
      params: npiParam,
      body: z.strictObject({
        version,
        tier: z.enum(['A', 'B', 'C']).nullable().optional(),
        visitFrequency: z.enum(VISIT_FREQUENCIES).nullable().optional(),
        tags: z.array(text(60)).max(200).optional(),
        ownerId: id.nullable().optional(),
      }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      await run(() => updateRelationship(db, crmActor(req), req.params.npi, v, patch));
      return (await getRelationship(db, req.params.npi))!;
    },
  });

  app.post('/api/relationships/bulk', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary:
        'Set tier, visit frequency or owner on up to 500 providers at once (all or none; each change versioned and audited)',
      body: z
        .strictObject({
          npis: z.array(npi).min(1).max(500),
          tier: z.enum(['A', 'B', 'C']).nullable().optional(),
          visitFrequency: z.enum(VISIT_FREQUENCIES).nullable().optional(),
          ownerId: id.nullable().optional(),
        })
        .refine((b) => b.tier !== undefined || b.visitFrequency !== undefined || b.ownerId !== undefined, {
          message: 'name at least one of tier, visitFrequency, ownerId',
        }),
    },
    handler: async (req) => {
      const { npis, ...patch } = req.body;
      return run(() => updateRelationships(db, crmActor(req), npis, patch));
    },
  });

  app.get('/api/relationships/:npi/history', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'Change history of a provider’s relationship fields',
      params: npiParam,
    },
    handler: async (req) => ({ items: await changeHistory(db, RELATIONSHIP.entity, req.params.npi) }),
  });
}
