// Applies one validated offline mutation with the CRM commands (the same writes, audit and optimistic
// concurrency as the web forms). Creates carry no baseVersion; edits name the record and the version
// the phone last saw, and a stale version comes back as the CRM 409 (a conflict shown to the user).
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { logActivity, updateActivity } from '../crm/activities';
import { type Actor, CrmError } from '../crm/errors';
import { reportIssue, updateIssue } from '../crm/issues';
import { createTask, updateTask } from '../crm/tasks';
import { linkCheckin, markStopVisited, recordCheckin } from './checkins';
import type { PAYLOADS, SyncKind } from './payloads';

type P<K extends SyncKind> = z.infer<(typeof PAYLOADS)[K]>;
export type Applied = { id: number; version: number | null; entity: string };

const needVersion = (what: string, v: number | undefined) => {
  if (v === undefined) throw new CrmError(`baseVersion: editing ${what} needs the version you last saw`, 400);
  return v;
};

async function applyActivity(db: Kysely<DB>, actor: Actor, key: string, p: P<'activity'>, base?: number) {
  const { id, followUps, routePlanId, stopId, checkinKey, ...fields } = p;
  if (id !== undefined) {
    const row = await updateActivity(db, actor, id, needVersion(`activity ${id}`, base), fields);
    return { id: Number(row.id), version: row.version, entity: 'activity' };
  }
  if ((routePlanId === undefined) !== (stopId === undefined))
    throw new CrmError('stopId: a visit at a stop names both routePlanId and stopId', 400);
  const a = await logActivity(db, actor, { ...fields, clientId: key, followUps });
  const activityId = Number(a.id);
  if (routePlanId !== undefined && stopId !== undefined)
    await markStopVisited(db, actor.id!, routePlanId, stopId, new Date(p.occurredAt), activityId);
  if (checkinKey) await linkCheckin(db, actor.id!, checkinKey, activityId);
  return { id: activityId, version: a.version, entity: 'activity' };
}

async function applyTask(db: Kysely<DB>, actor: Actor, p: P<'task'>, base?: number) {
  const { id, ...fields } = p;
  if (id !== undefined) {
    const row = await updateTask(db, actor, id, needVersion(`task ${id}`, base), fields);
    return { id: Number(row.id), version: row.version, entity: 'task' };
  }
  if (!fields.title) throw new CrmError('title: a new task needs a title', 400);
  const row = await createTask(db, actor, { ...fields, title: fields.title });
  return { id: Number(row.id), version: row.version, entity: 'task' };
}

async function applyIssue(db: Kysely<DB>, actor: Actor, p: P<'issue'>, base?: number) {
  const { id, ...fields } = p;
  if (id !== undefined) {
    const row = await updateIssue(db, actor, id, needVersion(`physician issue ${id}`, base), fields);
    return { id: Number(row.id), version: row.version, entity: 'physician_issue' };
  }
  if (!fields.title || !fields.category)
    throw new CrmError('title: a new issue needs a title and a category', 400);
  const row = await reportIssue(db, actor, { ...fields, title: fields.title, category: fields.category });
  return { id: Number(row.id), version: row.version, entity: 'physician_issue' };
}

export async function applyMutation(
  db: Kysely<DB>,
  actor: Actor,
  key: string,
  kind: SyncKind,
  payload: unknown,
  baseVersion: number | undefined,
): Promise<Applied> {
  switch (kind) {
    case 'activity':
      return applyActivity(db, actor, key, payload as P<'activity'>, baseVersion);
    case 'note': {
      const n = payload as P<'note'>;
      const a = await logActivity(db, actor, {
        type: 'note',
        occurredAt: n.occurredAt,
        organizationId: n.organizationId ?? null,
        providerNpis: n.providerNpi ? [n.providerNpi] : [],
        notes: n.text,
        clientId: key,
      });
      return { id: Number(a.id), version: a.version, entity: 'activity' };
    }
    case 'task':
      return applyTask(db, actor, payload as P<'task'>, baseVersion);
    case 'issue':
      return applyIssue(db, actor, payload as P<'issue'>, baseVersion);
    case 'checkin': {
      const c = await recordCheckin(db, actor.id!, key, payload as P<'checkin'>);
      return { id: c.id, version: null, entity: 'checkin' };
    }
  }
}
