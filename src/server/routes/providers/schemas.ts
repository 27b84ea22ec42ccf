// Query schemas of the provider routes (strict: unknown parameters are refused).
import { z } from 'zod';
import { NETWORK_STATUSES } from '../../../commands/crm/organizations';
import { SEGMENTS } from '../../../core/referrals/types';
import { SERVICE_LINE_KEYS } from '../../../core/serviceLines';
import { text } from '../../lib/schemas';
import { enumList, npiList } from '../crm/lib';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const providerSearchQuery = z.strictObject({
  q: text(120).optional(),
  specialty: text(120).optional(),
  serviceLine: z.enum(SERVICE_LINE_KEYS).optional(),
  zip: z
    .string()
    .regex(/^\d{3}(\d{2})?$/, 'must be a 5-digit ZIP or a 3-digit prefix')
    .optional(),
  city: text(80).optional(),
  county: text(80).optional(),
  near: z
    .string()
    .regex(/^(\d{5}|-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?)$/, 'must be a 5-digit ZIP or lat,lon')
    .optional(),
  radiusMi: z.coerce.number().positive().max(500).optional(),
  org: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1)
    .optional(),
  status: z.enum(['active', 'deactivated', 'all']).optional(),
  newToMarket: bool.optional(),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional(),
  tier: enumList(['A', 'B', 'C'] as const).optional(),
  owner: z
    .string()
    .regex(/^(me|none|\d{1,9})$/, "must be 'me', 'none' or a user id")
    .optional(),
  territory: z
    .string()
    .regex(/^(mine|\d{1,9})$/, "must be 'mine' or a territory id")
    .optional(),
  overdue: bool.optional(),
  segment: enumList(SEGMENTS).optional(),
  npis: npiList(500).optional(),
  networkStatus: enumList(NETWORK_STATUSES).optional(),
  sort: z.enum(['relevance', 'name', 'distance']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  facets: bool.optional(),
});
/** Parameters whose answer depends on CRM or referral data or on who asks (not cached: responseCache.ts). */
export const CRM_PARAMS = ['tier', 'owner', 'territory', 'overdue', 'segment'] as const;

export type ProviderSearchQuery = z.infer<typeof providerSearchQuery>;

/** A search to download: its filters and order, every page (no cursor, limit or facets). */
export const providerExportQuery = providerSearchQuery
  .omit({ cursor: true, limit: true, facets: true })
  .extend({ format: z.enum(['csv', 'xlsx']).optional() });

export const newToMarketQuery = z.strictObject({
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional(),
  serviceLine: z.enum(SERVICE_LINE_KEYS).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
