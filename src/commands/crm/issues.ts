// Physician issues: a concern raised by a physician or office, owned until resolved.
import type { Kysely } from 'kysely';
import type { IssueCategory, IssueStatus } from '../../core/crm/issueAging';
import { issueAssigned, issueResolved, watchedPhysician } from '../../core/notifications';
import type { DB } from '../../db/schema';
import { aboutRecord, actorName, notify, tellNewOwner } from '../notifications';
import { tellWatchers } from '../watches';
import { type Actor, CrmError } from './errors';
import { requireEditOwned, resolveOwner } from './ownership';
import { createVersioned, inTransaction, loadRow, type Spec, setDeleted, updateVersioned } from './versioned';

export const ISSUE: Spec = { table: 'physician_issues', entity: 'physician_issue' };

export type IssueInput = {
  providerNpi?: string | null;
  organizationId?: number | null;
  category: IssueCategory;
  title: string;
  description?: string;
  status?: IssueStatus;
  openedOn?: string;
  resolvedOn?: string | null;
  resolution?: string | null;
  reportedBy?: string | null;
  ownerId?: number | null;
  activityId?: number | null;
  externalId?: string | null;
};

const today = () => new Date().toISOString().slice(0, 10);

function checkResolution(status: string, resolution: string | null | undefined) {
  if (status === 'resolved' && !resolution?.trim())
    throw new CrmError('resolution: say how the issue was resolved before marking it resolved', 400);
}

/** Tells the issue's owner it was given to them by someone else. */
const tellOwner = (db: Kysely<DB>, actor: Actor, row: Record<string, unknown>) =>
  tellNewOwner(db, actor, row, (name, about) =>
    issueAssigned(name, {
      id: Number(row.id),
      title: String(row.title),
      category: String(row.category),
      about,
    }),
  );

/** Tells whoever reported the issue that someone else resolved it (the loop closed). */
async function tellReporter(db: Kysely<DB>, actor: Actor, row: Record<string, unknown>) {
  const reporter = row.created_by as number | null;
  if (reporter == null || reporter === actor.id) return;
  await notify(
    db,
    reporter,
    actor.id,
    issueResolved(await actorName(db, actor), {
      id: Number(row.id),
      title: String(row.title),
      resolution: (row.resolution as string | null) ?? null,
      about: await aboutRecord(db, row),
    }),
  );
}

export async function reportIssue(db: Kysely<DB>, actor: Actor, i: IssueInput) {
  if (!i.providerNpi && !i.organizationId)
    throw new CrmError('providerNpi: an issue needs a provider or an organization', 400);
  const status = i.status ?? 'open';
  checkResolution(status, i.resolution);
  return inTransaction(db, async (trx) => {
    const row = await createVersioned(trx, actor, ISSUE, {
      provider_npi: i.providerNpi ?? null,
      organization_id: i.organizationId ?? null,
      category: i.category,
      title: i.title,
      description: i.description ?? '',
      status,
      opened_on: i.openedOn ?? today(),
      resolved_on: status === 'resolved' ? (i.resolvedOn ?? today()) : null,
      resolution: i.resolution ?? null,
      reported_by: i.reportedBy ?? null,
      owner_id: await resolveOwner(trx, actor, i.ownerId),
      activity_id: i.activityId ?? null,
      external_id: i.externalId ?? null,
      created_by: actor.id,
    });
    await tellOwner(trx, actor, row);
    if (row.provider_npi)
      await tellWatchers(
        trx,
        actor,
        [String(row.provider_npi)],
        (physician, _npi, who) =>
          watchedPhysician(
            physician,
            `${who} reported a physician issue`,
            `${row.title} · ${row.category}`,
            `/issues?issue=${row.id}`,
            {
              entity: 'physician_issue',
              id: String(row.id),
            },
          ),
        [row.owner_id as number | null], // the owner has just been told
      );
    return row;
  });
}

export async function updateIssue(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: Partial<Omit<IssueInput, 'externalId'>>,
) {
  return inTransaction(db, async (trx) => {
    const cur = await loadRow(trx, ISSUE, id);
    if (!cur) throw new CrmError(`physician_issue ${id} not found`, 404);
    const patch: Record<string, unknown> = {};
    const map: [keyof Omit<IssueInput, 'externalId'>, string][] = [
      ['providerNpi', 'provider_npi'],
      ['organizationId', 'organization_id'],
      ['category', 'category'],
      ['title', 'title'],
      ['description', 'description'],
      ['openedOn', 'opened_on'],
      ['resolution', 'resolution'],
      ['reportedBy', 'reported_by'],
      ['activityId', 'activity_id'],
    ];
    for (const [k, col] of map) if (p[k] !== undefined) patch[col] = p[k];
    if (p.ownerId !== undefined) patch.owner_id = await resolveOwner(trx, actor, p.ownerId);
    const status = p.status ?? (cur.status as string);
    if (p.status !== undefined) patch.status = p.status;
    if (status === 'resolved') {
      checkResolution(status, (patch.resolution as string | undefined) ?? (cur.resolution as string | null));
      if (cur.status !== 'resolved' || p.resolvedOn) patch.resolved_on = p.resolvedOn ?? today();
    } else if (cur.status === 'resolved') {
      patch.resolved_on = null; // reopened: the clock runs again from the original opening date
    }
    const row = await updateVersioned(
      trx,
      actor,
      ISSUE,
      id,
      version,
      patch,
      requireEditOwned(trx, actor, `physician_issue ${id}`),
    );
    if (row.owner_id !== cur.owner_id) await tellOwner(trx, actor, row);
    if (row.status === 'resolved' && cur.status !== 'resolved') await tellReporter(trx, actor, row);
    return row;
  });
}

export function deleteIssue(db: Kysely<DB>, actor: Actor, id: number, deleted: boolean, version?: number) {
  return inTransaction(db, (trx) =>
    setDeleted(
      trx,
      actor,
      ISSUE,
      id,
      deleted,
      version,
      requireEditOwned(trx, actor, `physician_issue ${id}`),
    ),
  );
}
