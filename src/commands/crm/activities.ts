// Logging activities: one call writes the activity, its attendees (providers and contacts) and
// any follow-up tasks, in one transaction. A client id makes a retried (offline) submit idempotent.
import type { Kysely } from 'kysely';
import type { ActivityOutcome, ActivityType } from '../../core/crm/visitCadence';
import { activityWords, watchedPhysician } from '../../core/notifications';
import { changesOfAudit, noteChanged } from '../../db/changes';
import { loadActivity } from '../../db/queries/crm/activities';
import type { DB } from '../../db/schema';
import { tellWatchers } from '../watches';
import { insertActivityBatched } from './activityBatch';
import { type Actor, CrmError } from './errors';
import { requireEditOwned, resolveOwner } from './ownership';
import { createTask, type TaskInput } from './tasks';
import { inTransaction, type Spec, setDeleted, updateVersioned } from './versioned';

export const ACTIVITY: Spec = { table: 'activities', entity: 'activity' };

export type ActivityInput = {
  type: ActivityType;
  occurredAt: string | Date;
  durationMinutes?: number | null;
  organizationId?: number | null;
  locationId?: number | null;
  subject?: string;
  topics?: string[];
  outcome?: ActivityOutcome | null;
  notes?: string;
  ownerId?: number | null;
  providerNpis?: string[];
  contactIds?: number[];
  clientId?: string | null;
  externalId?: string | null;
  followUps?: Omit<TaskInput, 'activityId'>[];
};

async function setAttendees(
  db: Kysely<DB>,
  activityId: number,
  npis: string[],
  contactIds: number[],
  opts: { fresh?: boolean } = {},
) {
  if (!opts.fresh) await db.deleteFrom('activity_attendees').where('activity_id', '=', activityId).execute();
  const rows = [
    ...[...new Set(npis)].map((n) => ({ activity_id: activityId, provider_npi: n, contact_id: null })),
    ...[...new Set(contactIds)].map((c) => ({ activity_id: activityId, provider_npi: null, contact_id: c })),
  ];
  if (rows.length) await db.insertInto('activity_attendees').values(rows).execute();
}

async function checkRefs(db: Kysely<DB>, npis: string[], contactIds: number[]) {
  if (npis.length) {
    const found = await db.selectFrom('providers').select('npi').where('npi', 'in', npis).execute();
    const missing = npis.filter((n) => !found.some((f) => f.npi === n));
    if (missing.length) throw new CrmError(`providerNpis: unknown NPI ${missing.join(', ')}`, 400);
  }
  if (contactIds.length) {
    const found = await db
      .selectFrom('contacts')
      .select('id')
      .where('id', 'in', contactIds)
      .where('deleted_at', 'is', null)
      .execute();
    const missing = contactIds.filter((n) => !found.some((f) => f.id === n));
    if (missing.length) throw new CrmError(`contactIds: unknown contact ${missing.join(', ')}`, 400);
  }
}

/**
 * Inserts the activity, its attendees and its audit row in one statement (src/commands/crm/activityBatch.ts:
 * outside a transaction, combined with other activities logged at the same moment), and answers with
 * the activity as `loadActivity` reads it. The attendees are inserted only if every NPI and contact
 * exists; otherwise nothing is written and `checkRefs` says which one is unknown.
 */
async function insertActivity(
  db: Kysely<DB>,
  actor: Actor,
  ownerId: number | null,
  input: ActivityInput,
  npis: string[],
  contactIds: number[],
) {
  const item = { actor, ownerId, input, npis, contactIds };
  const row = await insertActivityBatched(db, item);
  if (!row.refs_ok) {
    await checkRefs(db, npis, contactIds); // throws the 400 naming the unknown reference
    throw new CrmError('providerNpis / contactIds: a referenced record was just removed; try again', 409);
  }
  noteChanged(
    changesOfAudit({
      entity: ACTIVITY.entity,
      action: 'create',
      detail: { providers: npis, after: { type: input.type } },
    }),
  );
  const { refs_ok: _ok, watched, ...activity } = row;
  // after the activity is stored (its insert is batched outside any transaction): watchers are told
  if (watched)
    await tellWatchers(db, actor, npis, (physician, npi, who) =>
      watchedPhysician(
        physician,
        activityWords(who, input.type),
        input.subject || input.outcome || '',
        `/providers/${npi}`,
        {
          entity: 'activity',
          id: String(activity.id),
        },
      ),
    );
  return activity;
}

export async function logActivity(db: Kysely<DB>, actor: Actor, input: ActivityInput) {
  if (input.clientId) {
    const prior = await db
      .selectFrom('activities')
      .select('id')
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (prior) return { ...(await loadActivity(db, prior.id))!, duplicate: true };
  }
  const npis = [...new Set(input.providerNpis ?? [])];
  const contactIds = [...new Set(input.contactIds ?? [])];
  const ownerId = await resolveOwner(db, actor, input.ownerId);
  if (!input.followUps?.length)
    return { ...(await insertActivity(db, actor, ownerId, input, npis, contactIds)), duplicate: false };
  return inTransaction(db, async (trx) => {
    const { id } = await insertActivity(trx, actor, ownerId, input, npis, contactIds);
    for (const f of input.followUps ?? [])
      await createTask(trx, actor, {
        ...f,
        activityId: id,
        // A follow-up with no explicit link goes to the one provider seen, else the practice.
        providerNpi: f.providerNpi ?? (npis.length === 1 ? npis[0] : null),
        organizationId: f.organizationId ?? input.organizationId ?? null,
      });
    return { ...(await loadActivity(trx, id))!, duplicate: false };
  });
}

export type ActivityPatch = Partial<Omit<ActivityInput, 'followUps' | 'clientId' | 'externalId'>>;

export async function updateActivity(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: ActivityPatch,
) {
  return inTransaction(db, async (trx) => {
    const patch: Record<string, unknown> = {};
    if (p.type !== undefined) patch.type = p.type;
    if (p.occurredAt !== undefined) patch.occurred_at = new Date(p.occurredAt);
    if (p.durationMinutes !== undefined) patch.duration_minutes = p.durationMinutes;
    if (p.organizationId !== undefined) patch.organization_id = p.organizationId;
    if (p.locationId !== undefined) patch.location_id = p.locationId;
    if (p.subject !== undefined) patch.subject = p.subject;
    if (p.topics !== undefined) patch.topics = p.topics;
    if (p.outcome !== undefined) patch.outcome = p.outcome;
    if (p.notes !== undefined) patch.notes = p.notes;
    if (p.ownerId !== undefined) patch.owner_id = await resolveOwner(trx, actor, p.ownerId);
    const guard = requireEditOwned(trx, actor, `activity ${id}`);
    if (p.providerNpis !== undefined || p.contactIds !== undefined) {
      const cur = (await loadActivity(trx, id)) ?? null;
      if (!cur) throw new CrmError(`activity ${id} not found`, 404);
      const npis = p.providerNpis ?? cur.attendees.filter((x) => x.npi).map((x) => x.npi!);
      const cids = p.contactIds ?? cur.attendees.filter((x) => x.contactId).map((x) => x.contactId!);
      await checkRefs(trx, npis, cids);
      await guard(cur as unknown as Record<string, unknown>);
      if (cur.version !== version) {
        await updateVersioned(trx, actor, ACTIVITY, id, version, patch, guard); // throws the 409
      }
      await setAttendees(trx, id, npis, cids);
      // Attendee changes bump the version like any field change.
      patch.updated_at = new Date();
    }
    await updateVersioned(trx, actor, ACTIVITY, id, version, patch, guard);
    return (await loadActivity(trx, id))!;
  });
}

export function deleteActivity(db: Kysely<DB>, actor: Actor, id: number, deleted: boolean, version?: number) {
  return inTransaction(db, (trx) =>
    setDeleted(trx, actor, ACTIVITY, id, deleted, version, requireEditOwned(trx, actor, `activity ${id}`)),
  );
}
