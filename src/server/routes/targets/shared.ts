// Pieces shared by the network, targets and target-lists routes.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { NetworkError } from '../../../commands/network/errors';
import { SERVICE_LINE_KEYS } from '../../../core/serviceLines';
import type { TargetFilter } from '../../../core/targets/filter';
import { FACTORS } from '../../../core/targets/weights';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../auth/guard';
import { HttpError } from '../../lib/errors';

export const serviceLineQuery = { serviceLine: z.enum(SERVICE_LINE_KEYS).optional() };
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const segment = z.enum(['loyalist', 'splitter', 'opportunity', 'low_volume']).optional();
/** Narrow a target list (core/targets/filter.ts) — query-string form (flags "true"/"false"). */
export const targetFilterQuery = {
  ...serviceLineQuery,
  segment,
  leakageLine: z.enum(SERVICE_LINE_KEYS).optional(),
  newToMarket: flag.optional(),
  visitDue: flag.optional(),
  openIssues: flag.optional(),
};
/** The same in a JSON body (flags as booleans). */
export const targetFilterBody = {
  ...serviceLineQuery,
  segment,
  leakageLine: z.enum(SERVICE_LINE_KEYS).optional(),
  newToMarket: z.boolean().optional(),
  visitDue: z.boolean().optional(),
  openIssues: z.boolean().optional(),
};
/** The filter fields of a parsed query or body. */
export function targetFilterOf(q: TargetFilter & { serviceLine?: string }) {
  const { serviceLine, segment, leakageLine, newToMarket, visitDue, openIssues } = q;
  return { serviceLine, segment, leakageLine, newToMarket, visitDue, openIssues };
}
export const edgeFilter = { ...serviceLineQuery, minWeight: z.coerce.number().min(0).max(1e9).optional() };
export const weightsSchema = z.strictObject(
  Object.fromEntries(FACTORS.map((f) => [f, z.number().min(0).max(1000).optional()])) as Record<
    (typeof FACTORS)[number],
    z.ZodOptional<z.ZodNumber>
  >,
);

export async function asHttp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NetworkError) throw new HttpError(e.status, e.message);
    throw e;
  }
}

/**
 * The liaison whose territory a list is for: `liaison` is a user id or e-mail. A liaison sees only
 * their own; managers, admins and analysts may ask for anyone (or nobody = the whole market).
 */
export async function resolveLiaison(
  db: Kysely<DB>,
  actor: Actor,
  liaison: string | undefined,
): Promise<number | undefined> {
  if (actor.role === 'liaison') {
    if (liaison && liaison !== String(actor.id) && liaison.toLowerCase() !== actor.email.toLowerCase())
      throw new HttpError(403, 'querystring.liaison: a liaison can only see their own targets');
    return actor.id ?? -1; // a liaison token without a user has no territory
  }
  if (!liaison) return undefined;
  const q = db.selectFrom('users').select('id');
  const u = await (/^\d+$/.test(liaison)
    ? q.where('id', '=', Number(liaison))
    : q.where('email', '=', liaison.toLowerCase())
  ).executeTakeFirst();
  if (!u) throw new HttpError(404, `querystring.liaison: no user ${liaison}`);
  return Number(u.id);
}
