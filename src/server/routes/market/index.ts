// Market views: share of our network by county/ZIP, top leaking referrers with a value estimate,
// risers & fallers. All figures come from internal referral rollups and carry the data date.
import { z } from 'zod';
import { marketLeakage, marketMovers, marketShare } from '../../../db/queries/referrals/market';
import { PeriodError } from '../../../db/queries/referrals/period';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { periodField, serviceLineField } from '../referrals/schemas';

const periodErrors = async <T>(fn: () => Promise<T>) => {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PeriodError) throw new HttpError(400, `querystring.${e.message}`);
    throw e;
  }
};

export default async function marketRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  app.get('/api/market/share', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['market'],
      summary:
        'Share of referrals to our network by county or ZIP of the referring practice (one service line or all we offer)',
      querystring: z.strictObject({
        serviceLine: serviceLineField.optional(),
        period: periodField.optional(),
        by: z.enum(['county', 'zip']).default('county'),
      }),
    },
    handler: async (req) => periodErrors(() => marketShare(db, req.query)),
  });

  app.get('/api/market/leakage', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['market'],
      summary: 'Top leaking referrers (referrals to competitors in lines we offer) with an estimated value',
      querystring: z.strictObject({
        serviceLine: serviceLineField.optional(),
        period: periodField.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        scope: z.enum(['network', 'all']).default('network'),
      }),
    },
    handler: async (req) => periodErrors(() => marketLeakage(db, req.query)),
  });

  app.get('/api/market/movers', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['market'],
      summary: 'Risers and fallers: change in referrals to our network, last N months vs the N before',
      querystring: z.strictObject({
        serviceLine: serviceLineField.optional(),
        months: z.coerce.number().int().min(1).max(24).default(3),
        limit: z.coerce.number().int().min(1).max(200).default(20),
      }),
    },
    handler: async (req) => periodErrors(() => marketMovers(db, req.query)),
  });
}
