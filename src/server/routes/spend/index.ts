// Spend log (non-monetary compensation) per physician, with the annual limit and warning.
import { z } from 'zod';
import {
  deleteSpend,
  logSpend,
  setSpendLimits,
  spendLimits,
  updateSpend,
  yearStatus,
} from '../../../commands/crm/spend';
import { SPEND_CATEGORIES } from '../../../core/crm/spendLimit';
import { listSpend } from '../../../db/queries/crm/spend';
import { ADMIN, ALL_ROLES, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { idParam, npiParam, text } from '../../lib/schemas';
import { crmActor, dateString, id, listQuery, npi, run, version, versionBody } from '../crm/lib';

const year = z.coerce.number().int().min(1990).max(2100);
const amount = z.number().min(0).max(1_000_000).multipleOf(0.01);
const fields = {
  providerNpi: npi,
  spentOn: dateString,
  category: z.enum(SPEND_CATEGORIES),
  amountUsd: amount,
  description: text(500).optional(),
  activityId: id.nullable().optional(),
};

export default async function spendRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/spend', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'Spend entries, newest first',
      querystring: z.strictObject({
        providerNpi: npi.optional(),
        year: year.optional(),
        deleted: listQuery.deleted,
        limit: listQuery.limit,
        offset: listQuery.offset,
      }),
    },
    handler: async (req) => ({
      items: await listSpend(db, { ...req.query, deleted: req.query.deleted === 'true' }),
    }),
  });

  app.get('/api/spend/status/:npi', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary:
        'A physician’s year-to-date total against the annual limit (level ok / near / over), with entry ids',
      params: npiParam,
      querystring: z.strictObject({ year: year.optional() }),
    },
    handler: async (req) => yearStatus(db, req.params.npi, req.query.year ?? new Date().getUTCFullYear()),
  });

  app.get('/api/spend/limits', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'The annual limit (USD) and the warning ratio' },
    handler: async () => spendLimits(db),
  });

  app.put('/api/spend/limits', {
    config: { roles: ADMIN },
    schema: {
      tags: ['crm'],
      summary: 'Set the annual limit (CMS adjusts it yearly) and/or the warning ratio',
      body: z.strictObject({
        limitUsd: z.number().min(0).max(1_000_000).optional(),
        warningRatio: z.number().min(0.1).max(1).optional(),
      }),
    },
    handler: async (req) => run(() => setSpendLimits(db, crmActor(req), req.body)),
  });

  app.post('/api/spend', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Log spend; the answer carries the physician’s year status',
      body: z.strictObject(fields),
    },
    handler: async (req, reply) => {
      const r = await run(() => logSpend(db, crmActor(req), req.body));
      reply.status(201);
      return r;
    },
  });

  app.patch('/api/spend/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Correct a spend entry; stale version → 409',
      params: idParam,
      body: z.strictObject({
        version,
        spentOn: dateString.optional(),
        category: fields.category.optional(),
        amountUsd: amount.optional(),
        description: fields.description,
        activityId: fields.activityId,
      }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      return run(() => updateSpend(db, crmActor(req), req.params.id, v, patch));
    },
  });

  app.delete('/api/spend/:id', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Soft-delete a spend entry', params: idParam, body: versionBody },
    handler: async (req) => run(() => deleteSpend(db, crmActor(req), req.params.id, true, req.body?.version)),
  });

  app.post('/api/spend/:id/restore', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Restore a deleted spend entry', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteSpend(db, crmActor(req), req.params.id, false, req.body?.version)),
  });
}
