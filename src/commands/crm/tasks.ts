// Follow-up tasks with owner, due date, status and links to a provider, organization, activity or issue.
import type { Kysely } from 'kysely';
import type { TaskStatus } from '../../core/crm/tasks';
import { taskAssigned } from '../../core/notifications';
import type { DB } from '../../db/schema';
import { dayOf, tellNewOwner } from '../notifications';
import type { Actor } from './errors';
import { requireEditOwned, resolveOwner } from './ownership';
import { createVersioned, inTransaction, type Spec, setDeleted, updateVersioned } from './versioned';

export const TASK: Spec = { table: 'tasks', entity: 'task' };

export type TaskInput = {
  title: string;
  description?: string;
  ownerId?: number | null;
  dueOn?: string | null;
  status?: TaskStatus;
  providerNpi?: string | null;
  organizationId?: number | null;
  activityId?: number | null;
  issueId?: number | null;
  externalId?: string | null;
};

/** Tells the task's owner it was given to them by someone else. */
const tellOwner = (db: Kysely<DB>, actor: Actor, row: Record<string, unknown>) =>
  tellNewOwner(db, actor, row, (name, about) =>
    taskAssigned(name, { id: Number(row.id), title: String(row.title), dueOn: dayOf(row.due_on), about }),
  );

export async function createTask(db: Kysely<DB>, actor: Actor, t: TaskInput) {
  return inTransaction(db, async (trx) => {
    const row = await createVersioned(trx, actor, TASK, {
      title: t.title,
      description: t.description ?? '',
      owner_id: await resolveOwner(trx, actor, t.ownerId),
      due_on: t.dueOn ?? null,
      status: t.status ?? 'open',
      completed_at: t.status === 'done' ? new Date() : null,
      provider_npi: t.providerNpi ?? null,
      organization_id: t.organizationId ?? null,
      activity_id: t.activityId ?? null,
      issue_id: t.issueId ?? null,
      external_id: t.externalId ?? null,
      created_by: actor.id,
    });
    await tellOwner(trx, actor, row);
    return row;
  });
}

export async function updateTask(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: Partial<Omit<TaskInput, 'externalId'>>,
) {
  return inTransaction(db, async (trx) => {
    const patch: Record<string, unknown> = {};
    if (p.title !== undefined) patch.title = p.title;
    if (p.description !== undefined) patch.description = p.description;
    if (p.ownerId !== undefined) patch.owner_id = await resolveOwner(trx, actor, p.ownerId);
    if (p.dueOn !== undefined) patch.due_on = p.dueOn;
    if (p.status !== undefined) {
      patch.status = p.status;
      patch.completed_at = p.status === 'done' ? new Date() : null;
    }
    if (p.providerNpi !== undefined) patch.provider_npi = p.providerNpi;
    if (p.organizationId !== undefined) patch.organization_id = p.organizationId;
    if (p.activityId !== undefined) patch.activity_id = p.activityId;
    if (p.issueId !== undefined) patch.issue_id = p.issueId;
    const check = requireEditOwned(trx, actor, `task ${id}`);
    let priorOwner: unknown;
    const row = await updateVersioned(trx, actor, TASK, id, version, patch, (current) => {
      priorOwner = current.owner_id; // the row as it was, read by updateVersioned anyway
      return check(current);
    });
    if ('owner_id' in patch && row.owner_id !== priorOwner) await tellOwner(trx, actor, row);
    return row;
  });
}

export function deleteTask(db: Kysely<DB>, actor: Actor, id: number, deleted: boolean, version?: number) {
  return inTransaction(db, (trx) =>
    setDeleted(trx, actor, TASK, id, deleted, version, requireEditOwned(trx, actor, `task ${id}`)),
  );
}
