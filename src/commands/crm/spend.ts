// Spend log (non-monetary compensation per physician) and its annual limit setting.
import type { Kysely } from 'kysely';
import {
  DEFAULT_SPEND_LIMIT_USD,
  DEFAULT_WARNING_RATIO,
  SPEND_LIMIT_SETTING,
  SPEND_WARN_SETTING,
  type SpendCategory,
  spendStatus,
} from '../../core/crm/spendLimit';
import { recordAudit } from '../../db/audit';
import { getSetting, putSetting } from '../../db/queries/settings';
import type { DB } from '../../db/schema';
import { type Actor, CrmError } from './errors';
import { requireEditOwned } from './ownership';
import { createVersioned, inTransaction, type Spec, setDeleted, updateVersioned } from './versioned';

export const SPEND: Spec = { table: 'spend_entries', entity: 'spend_entry' };

export type SpendInput = {
  providerNpi: string;
  spentOn: string;
  category: SpendCategory;
  amountUsd: number;
  description?: string;
  activityId?: number | null;
  externalId?: string | null;
};

export async function spendLimits(db: Kysely<DB>) {
  const limit = Number((await getSetting<number>(db, SPEND_LIMIT_SETTING)) ?? DEFAULT_SPEND_LIMIT_USD);
  const ratio = Number((await getSetting<number>(db, SPEND_WARN_SETTING)) ?? DEFAULT_WARNING_RATIO);
  return { limitUsd: limit, warningRatio: ratio };
}

export async function setSpendLimits(
  db: Kysely<DB>,
  actor: Actor,
  v: { limitUsd?: number; warningRatio?: number },
) {
  return inTransaction(db, async (trx) => {
    const before = await spendLimits(trx);
    if (v.limitUsd !== undefined) await putSetting(trx, SPEND_LIMIT_SETTING, v.limitUsd);
    if (v.warningRatio !== undefined) await putSetting(trx, SPEND_WARN_SETTING, v.warningRatio);
    const after = await spendLimits(trx);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'setting',
      entityId: SPEND_LIMIT_SETTING,
      ip: actor.ip,
      detail: { before, after },
    });
    return after;
  });
}

/** A physician's total for the calendar year of `date`, with the warning level. */
export async function yearStatus(db: Kysely<DB>, npi: string, year: number) {
  const rows = await db
    .selectFrom('spend_entries')
    .select(['id', 'amount_usd'])
    .where('provider_npi', '=', npi)
    .where('deleted_at', 'is', null)
    .where('spent_on', '>=', `${year}-01-01`)
    .where('spent_on', '<=', `${year}-12-31`)
    .execute();
  const { limitUsd, warningRatio } = await spendLimits(db);
  return {
    year,
    ...spendStatus(
      rows.map((r) => Number(r.amount_usd)),
      limitUsd,
      warningRatio,
    ),
    entryIds: rows.map((r) => r.id),
  };
}

export async function logSpend(db: Kysely<DB>, actor: Actor, s: SpendInput) {
  return inTransaction(db, async (trx) => {
    const p = await trx
      .selectFrom('providers')
      .select('npi')
      .where('npi', '=', s.providerNpi)
      .executeTakeFirst();
    if (!p) throw new CrmError(`providerNpi: unknown NPI ${s.providerNpi}`, 400);
    const entry = await createVersioned(trx, actor, SPEND, {
      provider_npi: s.providerNpi,
      spent_on: s.spentOn,
      category: s.category,
      amount_usd: s.amountUsd.toFixed(2),
      description: s.description ?? '',
      activity_id: s.activityId ?? null,
      external_id: s.externalId ?? null,
      created_by: actor.id,
    });
    return { entry, status: await yearStatus(trx, s.providerNpi, Number(s.spentOn.slice(0, 4))) };
  });
}

export async function updateSpend(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: Partial<Omit<SpendInput, 'providerNpi' | 'externalId'>>,
) {
  return inTransaction(db, async (trx) => {
    const patch: Record<string, unknown> = {};
    if (p.spentOn !== undefined) patch.spent_on = p.spentOn;
    if (p.category !== undefined) patch.category = p.category;
    if (p.amountUsd !== undefined) patch.amount_usd = Math.round(p.amountUsd * 100) / 100;
    if (p.description !== undefined) patch.description = p.description;
    if (p.activityId !== undefined) patch.activity_id = p.activityId;
    return updateVersioned(
      trx,
      actor,
      SPEND,
      id,
      version,
      patch,
      requireEditOwned(trx, actor, `spend entry ${id}`),
    );
  });
}

export function deleteSpend(db: Kysely<DB>, actor: Actor, id: number, deleted: boolean, version?: number) {
  return inTransaction(db, (trx) =>
    setDeleted(trx, actor, SPEND, id, deleted, version, requireEditOwned(trx, actor, `spend entry ${id}`)),
  );
}
