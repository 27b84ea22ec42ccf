// Shifting-referrer alerts: the on-demand / after-import detector run, and the alert workflow
// (acknowledge, assign, resolve), each audited in the same transaction.
import type { Kysely } from 'kysely';
import { alertAssigned, alertsNew, watchedPhysician } from '../../core/notifications';
import { formatMonth, parseMonth } from '../../core/referrals/months';
import { detectShifts } from '../../core/referrals/shiftDetector';
import { alertLineLabel } from '../../core/referrals/shiftGroups';
import { recordAudit } from '../../db/audit';
import { loadDetectorInput } from '../../db/queries/referrals/alertSeries';
import { alertEntries, getAlert, newAlertsPerLiaison, upsertAlerts } from '../../db/queries/referrals/alerts';
import { INTERNAL_SOURCES, referralDataDate } from '../../db/queries/referrals/network';
import { getReferralSettings } from '../../db/queries/referrals/settings';
import type { DB } from '../../db/schema';
import { actorName, notify } from '../notifications';
import { tellWatchers } from '../watches';

export class AlertError extends Error {
  expected = true;
  constructor(
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

export type Actor = { id: number | null; label: string; ip?: string; role?: string };

export interface AlertRunSummary {
  runId: number;
  asOf: string;
  tested: number;
  dispersion: Record<'share' | 'volume', number>;
  found: number;
  created: number;
  durationMs: number;
  dataDate: string | null;
}

/** Runs the detector over the whole market as of a month (default: the data date's month). */
export async function runAlertDetection(
  db: Kysely<DB>,
  opts: { asOf?: string; trigger?: string } = {},
): Promise<AlertRunSummary | null> {
  const started = Date.now();
  const dataDate = await referralDataDate(db);
  if (!opts.asOf && !dataDate) return null; // nothing imported yet
  const asOf = parseMonth(opts.asOf ?? dataDate!);
  const settings = await getReferralSettings(db);
  const o = settings.detector;
  const input = await loadDetectorInput(db, asOf, o.baselineMonths + Math.max(...o.windows));
  const result = detectShifts(input.series, input.index, input.firstMonth, o);
  return db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('alert_runs')
      .values({
        as_of: `${formatMonth(asOf)}-01`,
        duration_ms: 0,
        tested: result.tested,
        dispersion: JSON.stringify(result.dispersion),
        alerts_found: result.alerts.length,
        alerts_new: 0,
        options: JSON.stringify(o),
        trigger: opts.trigger ?? 'manual',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const newIds = await upsertAlerts(trx, result.alerts, {
      asOf: result.asOf,
      runId: run.id,
      dataDate,
      sources: INTERNAL_SOURCES.join('+'),
    });
    const created = newIds.length;
    await announceNewAlerts(trx, newIds, dataDate);
    const durationMs = Date.now() - started;
    await trx
      .updateTable('alert_runs')
      .set({ alerts_new: created, duration_ms: durationMs })
      .where('id', '=', run.id)
      .execute();
    return {
      runId: run.id,
      asOf: result.asOf,
      tested: result.tested,
      dispersion: result.dispersion,
      found: result.alerts.length,
      created,
      durationMs,
      dataDate,
    };
  });
}

/**
 * Tells each liaison how many of a run's new alerts are in their territory, and each manager how
 * many are in the market (managers see every alert). Nobody is told of a run that found nothing new.
 */
async function announceNewAlerts(db: Kysely<DB>, ids: number[], dataDate: string | null) {
  if (!ids.length) return;
  for (const l of await newAlertsPerLiaison(db, ids))
    await notify(db, l.userId, null, alertsNew(l.entries, 'territory', dataDate));
  const entries = await alertEntries(db, ids);
  const managers = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'manager')
    .where('disabled', '=', false)
    .execute();
  for (const m of managers) await notify(db, m.id, null, alertsNew(entries, 'market', dataDate));
  // and whoever watches a physician an alert is about hears of it by name
  // (only the alerts about a watched physician: usually none of a run's many)
  const about = await db
    .selectFrom('alerts as a')
    .select(['a.id', 'a.referring_npi', 'a.service_line', 'a.direction'])
    .where('a.id', 'in', ids)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('provider_watches as w').select('w.npi').whereRef('w.npi', '=', 'a.referring_npi')),
    )
    .orderBy('a.id')
    .execute();
  for (const a of about)
    await tellWatchers(db, null, [a.referring_npi], (physician) =>
      watchedPhysician(
        physician,
        a.direction === 'drop' ? 'fewer referrals to us' : 'more referrals to competitors',
        `New shifting-referrer alert · ${alertLineLabel(a.service_line)}`,
        `/referrals?alert=${a.id}`,
        { entity: 'alert', id: String(a.id) },
      ),
    );
}

/** A liaison may act only on alerts about physicians in their territories. */
async function loadForActor(
  db: Kysely<DB>,
  id: number,
  actor: Actor,
  territoryCheck: (userId: number, alertId: number) => Promise<boolean>,
) {
  const alert = await getAlert(db, id);
  if (!alert) throw new AlertError(`alert ${id} not found`, 404);
  if (actor.role === 'liaison' && actor.id !== null && !(await territoryCheck(actor.id, id)))
    throw new AlertError(`alert ${id} is outside your territories`, 403);
  return alert;
}

export type TerritoryCheck = (userId: number, alertId: number) => Promise<boolean>;

async function transition(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  action: 'acknowledge' | 'assign' | 'resolve',
  patch: {
    status: 'acknowledged' | 'assigned' | 'resolved';
    assignee_user_id?: number | null;
    note?: string | null;
  },
  territoryCheck: TerritoryCheck,
) {
  const before = await loadForActor(db, id, actor, territoryCheck);
  if (before.status === 'resolved') throw new AlertError(`alert ${id} is already resolved`, 409);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('alerts')
      .set({
        status: patch.status,
        ...(patch.assignee_user_id !== undefined ? { assignee_user_id: patch.assignee_user_id } : {}),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(patch.status === 'resolved' ? { resolved_at: new Date() } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: `alert_${action}`,
      entity: 'alert',
      entityId: id,
      ip: actor.ip,
      detail: { before: { status: before.status, assignee: before.assignee?.id ?? null }, after: patch },
    });
    if (patch.assignee_user_id != null && patch.assignee_user_id !== before.assignee?.id)
      await notify(
        trx,
        patch.assignee_user_id,
        actor.id,
        alertAssigned(await actorName(trx, actor), {
          id,
          physician: before.physician ?? `NPI ${before.referringNpi}`,
          summary: before.summary,
        }),
      );
  });
  return (await getAlert(db, id))!;
}

export const acknowledgeAlert = (db: Kysely<DB>, actor: Actor, id: number, check: TerritoryCheck) =>
  transition(db, actor, id, 'acknowledge', { status: 'acknowledged' }, check);

export async function assignAlert(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  assigneeUserId: number,
  check: TerritoryCheck,
) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'disabled'])
    .where('id', '=', assigneeUserId)
    .executeTakeFirst();
  if (!user || user.disabled)
    throw new AlertError(`assigneeUserId: user ${assigneeUserId} not found or disabled`, 400);
  return transition(db, actor, id, 'assign', { status: 'assigned', assignee_user_id: assigneeUserId }, check);
}

export const resolveAlert = (
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  note: string | null,
  check: TerritoryCheck,
) => transition(db, actor, id, 'resolve', { status: 'resolved', note }, check);
