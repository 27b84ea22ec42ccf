// Create, update and delete goals (managers set them); every write is audited in its transaction.
import type { Kysely, Selectable } from 'kysely';
import { type GoalMetric, METRIC_DEFINITIONS } from '../../core/goals/metrics';
import { goalSet } from '../../core/notifications';
import { recordAudit } from '../../db/audit';
import { findGoal, naturalKey } from '../../db/queries/goals/goals';
import type { DB } from '../../db/schema';
import { actorName, dayOf, notify } from '../notifications';
import { checkGoal, type GoalDraft, GoalError } from './validate';

export type GoalActor = { id: number | null; label: string; ip?: string };

async function checkRefs(db: Kysely<DB>, g: GoalDraft) {
  const owner = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', g.ownerId)
    .executeTakeFirst();
  if (!owner) throw new GoalError(`owner_id: user ${g.ownerId} does not exist`, 400);
  if (g.scope === 'liaison' && owner.role !== 'liaison')
    throw new GoalError(`owner_id: a liaison goal belongs to a liaison (user ${g.ownerId} is ${owner.role})`);
  if (g.scope === 'team' && owner.role !== 'manager' && owner.role !== 'admin')
    throw new GoalError(`owner_id: a team goal belongs to a manager (user ${g.ownerId} is ${owner.role})`);
  if (g.campaignId !== null) {
    const list = await db
      .selectFrom('target_lists')
      .select('id')
      .where('id', '=', g.campaignId)
      .executeTakeFirst();
    if (!list) throw new GoalError(`campaign_id: target list ${g.campaignId} does not exist`);
  }
}

const toRow = (g: GoalDraft) => ({
  scope: g.scope,
  owner_id: g.ownerId,
  campaign_id: g.campaignId,
  metric: g.metric,
  service_line: g.serviceLine,
  period_start: g.periodStart,
  period_end: g.periodEnd,
  target: g.target,
  within_days: g.withinDays,
  note: g.note,
  natural_key: naturalKey(g),
});

/** Tells the goal's owner that someone else set or changed it (in the write's transaction). */
async function tellGoalOwner(
  db: Kysely<DB>,
  actor: GoalActor,
  change: 'set' | 'changed',
  row: Selectable<DB['goals']>,
) {
  const def = METRIC_DEFINITIONS[row.metric as GoalMetric];
  await notify(
    db,
    row.owner_id,
    actor.id,
    goalSet(await actorName(db, actor), change, {
      id: Number(row.id),
      label: def?.label ?? row.metric,
      unit: def?.unit ?? 'count',
      target: Number(row.target),
      from: dayOf(row.period_start)!,
      to: dayOf(row.period_end)!,
      serviceLine: row.service_line,
    }),
  );
}

export async function createGoal(db: Kysely<DB>, actor: GoalActor, g: GoalDraft) {
  const problem = checkGoal(g);
  if (problem) throw new GoalError(problem);
  await checkRefs(db, g);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('goals')
      .values({ ...toRow(g), created_by: actor.id })
      .onConflict((oc) => oc.column('natural_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row)
      throw new GoalError('a goal for this owner, metric, service line and period already exists', 409);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'create',
      entity: 'goal',
      entityId: row.id,
      ip: actor.ip,
      detail: { after: toRow(g) },
    });
    await tellGoalOwner(trx, actor, 'set', row);
    return row;
  });
}

export async function updateGoal(
  db: Kysely<DB>,
  actor: GoalActor,
  id: number,
  version: number,
  patch: Partial<Pick<GoalDraft, 'target' | 'note' | 'periodStart' | 'periodEnd' | 'withinDays'>>,
) {
  const before = await findGoal(db, id);
  if (!before) throw new GoalError(`goal ${id} not found`, 404);
  const next: GoalDraft = {
    scope: before.scope,
    ownerId: before.owner_id,
    campaignId: before.campaign_id,
    metric: before.metric as GoalDraft['metric'],
    serviceLine: before.service_line,
    periodStart: patch.periodStart ?? before.period_start,
    periodEnd: patch.periodEnd ?? before.period_end,
    target: patch.target ?? before.target,
    withinDays: patch.withinDays !== undefined ? patch.withinDays : before.within_days,
    note: patch.note ?? before.note,
  };
  const problem = checkGoal(next);
  if (problem) throw new GoalError(problem);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('goals')
      .set({ ...toRow(next), version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!row)
      throw new GoalError(
        `goal ${id} was changed by someone else (version ${before.version}, you sent ${version}); reload and try again`,
        409,
      );
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'goal',
      entityId: id,
      ip: actor.ip,
      detail: {
        before: toRow({
          ...next,
          target: before.target,
          note: before.note,
          periodStart: before.period_start,
          periodEnd: before.period_end,
          withinDays: before.within_days,
        }),
        after: toRow(next),
      },
    });
    const moved =
      row.target !== before.target ||
      String(row.period_start) !== String(before.period_start) ||
      String(row.period_end) !== String(before.period_end);
    if (moved) await tellGoalOwner(trx, actor, 'changed', row);
    return row;
  });
}

export async function deleteGoal(db: Kysely<DB>, actor: GoalActor, id: number) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('goals').where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw new GoalError(`goal ${id} not found`, 404);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'delete',
      entity: 'goal',
      entityId: id,
      ip: actor.ip,
      detail: {
        before: {
          metric: row.metric,
          owner_id: row.owner_id,
          target: row.target,
          period_start: row.period_start,
          period_end: row.period_end,
        },
      },
    });
    return row;
  });
}
