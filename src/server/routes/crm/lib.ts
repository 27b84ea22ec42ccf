// Shared pieces of the CRM route modules: the acting user, mapping command errors to
// problem+json, and the zod fragments every list and versioned write uses.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Actor, CrmError } from '../../../commands/crm/errors';
import { defaultScope, type ListScope } from '../../../core/crm/permissions';
import type { Database } from '../../../db/connection';
import { ownerIdsForScope, readableOwnerIds } from '../../../db/queries/crm/scope';
import { actorOf } from '../../auth/guard';
import { HttpError, notFound } from '../../lib/errors';
import { text } from '../../lib/schemas';

export function crmActor(req: FastifyRequest): Actor {
  const a = actorOf(req);
  return { id: a.id, label: a.email, role: a.role, ip: req.ip };
}

export async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CrmError) throw new HttpError(e.status, e.message, e.extra);
    throw e;
  }
}

/**
 * Owners a list is limited to: the scope asked for, else the role's default (liaison → mine),
 * and never wider than the territory scoping allows (a liaison's scope=all is their territories).
 */
export async function ownersFor(database: Database, req: FastifyRequest, scope: ListScope | undefined) {
  const a = actorOf(req);
  const owners = await ownerIdsForScope(database.db, a.id, scope ?? defaultScope(a.role));
  const readable = await readableOwnerIds(database.db, a.id, a.role);
  if (!readable) return owners;
  return owners === null ? readable : owners.filter((id) => readable.includes(id));
}

/** The owners whose records the caller may read (null: everyone's). */
export const readableFor = (database: Database, req: FastifyRequest) => {
  const a = actorOf(req);
  return readableOwnerIds(database.db, a.id, a.role);
};

/** 404 (not 403: do not confirm the id exists) when an owned record is outside the caller's scope. */
export async function assertReadable(
  database: Database,
  req: FastifyRequest,
  row: Record<string, unknown> | undefined,
  what: string,
) {
  if (!row) throw notFound(what);
  const readable = await readableFor(database, req);
  if (!readable) return;
  const owner = (row.owner_id ?? row.ownerId ?? row.created_by ?? null) as number | null;
  if (owner !== null && !readable.includes(owner)) throw notFound(what);
}

const csv = (max = 20, chars = 400) =>
  z
    .string()
    .max(chars)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(40)).max(max));
/** Comma-separated NPIs (e.g. the page of providers a list shows). */
export const npiList = (max: number) => csv(max, max * 11).pipe(z.array(npi));
export const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  csv().pipe(z.array(z.enum(values)));

export const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const dateTimeString = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');
export const npi = z.string().regex(/^\d{10}$/, 'must be a 10-digit NPI');
export const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);
export const version = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
export const notes = (max = 20_000) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL');

/** Query fields every list accepts. */
export const listQuery = {
  scope: z.enum(['mine', 'team', 'all']).optional(),
  q: text(200).optional(),
  deleted: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

export const versionBody = z.strictObject({ version: version.optional() }).optional();
