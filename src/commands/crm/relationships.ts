// Relationship fields per provider: tier, desired visit frequency, tags, owner (book of business).
// A provider without a row reads as version 0; the first edit (naming version 0) creates the row.
import type { Kysely } from 'kysely';
import type { VisitFrequency } from '../../core/crm/visitCadence';
import { bookAssigned } from '../../core/notifications';
import { recordAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { actorName, notify, physicianName } from '../notifications';
import { type Actor, CrmError } from './errors';
import { resolveOwner } from './ownership';
import { inTransaction, loadRow, type Spec, updateVersioned } from './versioned';

export const RELATIONSHIP: Spec = {
  table: 'provider_relationships',
  entity: 'provider_relationship',
  key: 'provider_npi',
  softDelete: false,
};

export type RelationshipPatch = {
  tier?: 'A' | 'B' | 'C' | null;
  visitFrequency?: VisitFrequency | null;
  tags?: string[];
  ownerId?: number | null;
};

/** Tags are compared case-insensitively and kept in the order given, without duplicates. */
export const cleanTags = (tags: string[]) => {
  const seen = new Set<string>();
  return tags
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
};

/** Tells a liaison that someone else put physicians into their book (one notice per change, however many). */
async function tellBook(db: Kysely<DB>, actor: Actor, ownerId: unknown, npis: string[]) {
  if (typeof ownerId !== 'number' || ownerId === actor.id || !npis.length) return;
  const names: string[] = [];
  for (const npi of npis.slice(0, 3)) names.push((await physicianName(db, npi)) ?? `NPI ${npi}`);
  await notify(db, ownerId, actor.id, bookAssigned(await actorName(db, actor), names, npis.length));
}

export async function updateRelationship(
  db: Kysely<DB>,
  actor: Actor,
  npi: string,
  version: number,
  p: RelationshipPatch,
  opts: { quiet?: boolean } = {},
) {
  return inTransaction(db, async (trx) => {
    const provider = await trx
      .selectFrom('providers')
      .select('npi')
      .where('npi', '=', npi)
      .executeTakeFirst();
    if (!provider) throw new CrmError(`provider ${npi} not found`, 404);
    const patch: Record<string, unknown> = {};
    if (p.tier !== undefined) patch.tier = p.tier;
    if (p.visitFrequency !== undefined) patch.visit_frequency = p.visitFrequency;
    if (p.tags !== undefined) patch.tags = cleanTags(p.tags);
    if (p.ownerId !== undefined) patch.owner_id = await resolveOwner(trx, actor, p.ownerId);
    const before = await loadRow(trx, RELATIONSHIP, npi);
    if (!before) {
      if (version !== 0)
        throw new CrmError(`relationship for ${npi} does not exist yet; send version 0`, 409, {
          current: null,
          changedFields: [],
        });
      // Two first edits racing: the loser's insert does nothing and it gets the usual 409 below.
      const created = await trx
        .insertInto('provider_relationships')
        .values({ provider_npi: npi, version: 0 })
        .onConflict((oc) => oc.column('provider_npi').doNothing())
        .returning('provider_npi')
        .executeTakeFirst();
      if (created)
        await recordAudit(trx, {
          actorUserId: actor.id,
          actorLabel: actor.label,
          action: 'create',
          entity: RELATIONSHIP.entity,
          entityId: npi,
          ip: actor.ip,
          detail: { version: 0, before: {}, after: {} },
        });
    }
    const row = await updateVersioned(trx, actor, RELATIONSHIP, npi, version, patch);
    if (!opts.quiet && row.owner_id !== (before?.owner_id ?? null))
      await tellBook(trx, actor, row.owner_id, [npi]);
    return row;
  });
}

/**
 * The same fields set on many providers at once (the Providers list's bulk actions: assign an
 * owner, set a tier). One transaction: every provider changes or none does. Each change is the
 * usual versioned, audited update at the version read here; providers already so are left as
 * they are. Unknown NPIs are named and nothing is written.
 */
export async function updateRelationships(
  db: Kysely<DB>,
  actor: Actor,
  npis: string[],
  p: RelationshipPatch,
): Promise<{ updated: string[]; unchanged: string[] }> {
  const unique = [...new Set(npis)];
  return inTransaction(db, async (trx) => {
    const known = new Set(
      (await trx.selectFrom('providers').select('npi').where('npi', 'in', unique).execute()).map(
        (r) => r.npi,
      ),
    );
    const missing = unique.filter((n) => !known.has(n));
    if (missing.length)
      throw new CrmError(
        `not in the directory: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`,
        400,
      );
    const clearing = Object.values(p).every((v) => v === null || (Array.isArray(v) && !v.length));
    const updated: string[] = [];
    const unchanged: string[] = [];
    const newlyOwned: string[] = [];
    for (const npi of unique) {
      const row = await loadRow(trx, RELATIONSHIP, npi);
      // clearing a field nobody set needs no relationship row
      if (!row && clearing) {
        unchanged.push(npi);
        continue;
      }
      const version = row ? Number(row.version) : 0;
      const after = await updateRelationship(trx, actor, npi, version, p, { quiet: true });
      (Number(after.version) > version ? updated : unchanged).push(npi);
      if (after.owner_id !== (row?.owner_id ?? null)) newlyOwned.push(npi);
    }
    if (newlyOwned.length)
      await tellBook(trx, actor, (await loadRow(trx, RELATIONSHIP, newlyOwned[0]!))?.owner_id, newlyOwned);
    return { updated, unchanged };
  });
}
