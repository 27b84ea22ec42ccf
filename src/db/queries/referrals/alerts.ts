// Stored shifting-referrer alerts: upsert from a detector run, list (scoped to a liaison's
// territories or filtered by county/ZIP), and the workflow (acknowledge, assign, resolve).

import { type Kysely, sql } from 'kysely';
import { personName } from '../../../core/directory/personName';
import { chanceClause } from '../../../core/referrals/chance';
import { monthStartDate, parseMonth } from '../../../core/referrals/months';
import type { ShiftAlert } from '../../../core/referrals/shiftDetector';
import { alertLineLabel } from '../../../core/referrals/shiftGroups';
import type { DB } from '../../schema';
import type { AlertStatus } from '../../tables/referrals';

const d = (month: string) => monthStartDate(parseMonth(month));

/** Inserts new alerts and refreshes the evidence of open ones with the same key; returns the new ones' ids. */
export async function upsertAlerts(
  db: Kysely<DB>,
  alerts: ShiftAlert[],
  ctx: { asOf: string; runId: number; dataDate: string | null; sources: string },
) {
  const created: number[] = [];
  for (const a of alerts) {
    const values = {
      as_of: d(ctx.asOf),
      test: a.test,
      start_month: d(a.startMonth),
      window_months: a.windowMonths,
      baseline_from: d(a.baselineFrom),
      baseline_to: d(a.baselineTo),
      recent_from: d(a.recentFrom),
      recent_to: d(a.recentTo),
      baseline_rate: a.baselineRate,
      recent_rate: a.recentRate,
      expected_recent: a.expectedRecent,
      observed_recent: a.observedRecent,
      ratio: Number.isFinite(a.ratio) ? a.ratio : 999,
      p_value: a.pValue,
      q_value: a.qValue,
      evidence: JSON.stringify(a.evidence),
      sources: ctx.sources,
      data_date: ctx.dataDate,
      run_id: ctx.runId,
    };
    const open = await db
      .selectFrom('alerts')
      .select('id')
      .where('referring_npi', '=', a.referringNpi)
      .where('service_line', '=', a.serviceLine)
      .where('target', '=', a.target)
      .where('direction', '=', a.direction)
      .where('status', '<>', 'resolved')
      .executeTakeFirst();
    if (open) {
      await db
        .updateTable('alerts')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', open.id)
        .execute();
    } else {
      const row = await db
        .insertInto('alerts')
        .values({
          ...values,
          referring_npi: a.referringNpi,
          service_line: a.serviceLine,
          target: a.target,
          direction: a.direction,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      created.push(Number(row.id));
    }
  }
  return created;
}

/**
 * Of these alerts, how many entries of the inbox (physician × service line) fall in each active
 * liaison's territories (practice ZIP or county), for the "new alerts in your territory" notice.
 */
export async function newAlertsPerLiaison(db: Kysely<DB>, ids: number[]) {
  if (!ids.length) return [];
  const r = await sql<{ user_id: number; n: string }>`
    select ta.user_id, count(distinct (a.referring_npi, a.service_line)) as n
    from alerts a
    join providers p on p.npi = a.referring_npi
    join territories t on t.deleted_at is null and (p.practice_zip5 = any(t.zips) or p.county_fips = any(t.counties))
    join territory_assignments ta on ta.territory_id = t.id
    join users u on u.id = ta.user_id and u.role = 'liaison' and not u.disabled
    where a.id = any(${ids})
    group by ta.user_id`.execute(db);
  return r.rows.map((x) => ({ userId: Number(x.user_id), entries: Number(x.n) }));
}

/** How many inbox entries (physician × service line) these alerts make. */
export async function alertEntries(db: Kysely<DB>, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await sql<{ n: string }>`
    select count(distinct (referring_npi, service_line)) as n from alerts where id = any(${ids})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export interface AlertFilter {
  status?: AlertStatus | 'open';
  asOf?: string;
  county?: string;
  zip?: string;
  /** restrict to the territories assigned to this user (liaisons) */
  territoryUserId?: number;
  territoryId?: number;
  assigneeUserId?: number;
  npi?: string;
  limit: number;
  offset: number;
}

export async function listAlerts(db: Kysely<DB>, f: AlertFilter) {
  let q = db
    .selectFrom('alerts as a')
    .leftJoin('providers as p', 'p.npi', 'a.referring_npi')
    .leftJoin('users as u', 'u.id', 'a.assignee_user_id')
    .select([
      'a.id',
      'a.referring_npi',
      'a.service_line',
      'a.target',
      'a.direction',
      'a.test',
      'a.as_of',
      'a.start_month',
      'a.window_months',
      'a.baseline_from',
      'a.baseline_to',
      'a.recent_from',
      'a.recent_to',
      'a.baseline_rate',
      'a.recent_rate',
      'a.expected_recent',
      'a.observed_recent',
      'a.ratio',
      'a.p_value',
      'a.q_value',
      'a.evidence',
      'a.sources',
      'a.data_date',
      'a.status',
      'a.assignee_user_id',
      'a.note',
      'a.resolved_at',
      'a.created_at',
      'a.updated_at',
      'p.first_name',
      'p.last_name',
      'p.credential',
      'p.county_fips',
      'p.county_name',
      'p.practice_zip5',
      'u.name as assignee_name',
    ]);
  if (f.status === 'open') q = q.where('a.status', '<>', 'resolved');
  else if (f.status) q = q.where('a.status', '=', f.status);
  if (f.asOf) q = q.where('a.as_of', '<=', monthStartDate(parseMonth(f.asOf)));
  if (f.county) q = q.where('p.county_fips', '=', f.county);
  if (f.zip) q = q.where('p.practice_zip5', '=', f.zip);
  if (f.npi) q = q.where('a.referring_npi', '=', f.npi);
  if (f.assigneeUserId) q = q.where('a.assignee_user_id', '=', f.assigneeUserId);
  const territoryWhere = (ids: ReturnType<typeof sql>) =>
    sql<boolean>`exists (select 1 from territories t where t.deleted_at is null and t.id in (${ids})
      and (p.practice_zip5 = any(t.zips) or p.county_fips = any(t.counties)))`;
  if (f.territoryUserId)
    q = q.where(
      territoryWhere(
        sql`select territory_id from territory_assignments where user_id = ${f.territoryUserId}`,
      ),
    );
  if (f.territoryId) q = q.where(territoryWhere(sql`${f.territoryId}`));
  const rows = await q.orderBy('a.q_value').orderBy('a.id').limit(f.limit).offset(f.offset).execute();
  return rows.map(present);
}

const pctText = (x: number) => `${Math.round(x * 100)} %`;

/** One sentence a liaison can act on: what moved, from what to what, since when, and how unlikely by chance. */
function summarize(r: Record<string, unknown>, since: string | null): string {
  const line = alertLineLabel(String(r.service_line));
  const ev = (r.evidence ?? {}) as { baselineShare?: number | null; recentShare?: number | null };
  const chance = chanceClause(r.p_value as number, r.q_value as number);
  const what = r.direction === 'drop' ? 'to our network' : 'to competitors';
  if (r.test === 'share' && ev.baselineShare != null && ev.recentShare != null)
    return `Share of referrals ${what} ${r.direction === 'drop' ? 'fell' : 'rose'} from ${pctText(ev.baselineShare)} to ${pctText(ev.recentShare)} (${line}) since ${since}; ${chance}`;
  return `Referrals ${what} ${r.direction === 'drop' ? 'dropped' : 'rose'} from ${(r.baseline_rate as number).toFixed(1)} to ${(r.recent_rate as number).toFixed(1)} a month (${line}) since ${since}; ${chance}`;
}

function present(r: Record<string, unknown>) {
  const name = personName({
    first: r.first_name as string | null,
    last: r.last_name as string | null,
    credential: r.credential as string | null,
  });
  const m = (v: unknown) => (v ? String(v).slice(0, 7) : null);
  return {
    id: r.id as number,
    referringNpi: r.referring_npi as string,
    physician: name || null,
    countyFips: r.county_fips as string | null,
    countyName: r.county_name as string | null,
    zip5: r.practice_zip5 as string | null,
    serviceLine: r.service_line as string,
    target: r.target as string,
    direction: r.direction as string,
    test: r.test as string,
    summary: summarize(r, m(r.start_month)),
    asOf: m(r.as_of),
    startMonth: m(r.start_month),
    windowMonths: r.window_months as number,
    baseline: { from: m(r.baseline_from), to: m(r.baseline_to), ratePerMonth: r.baseline_rate as number },
    recent: {
      from: m(r.recent_from),
      to: m(r.recent_to),
      ratePerMonth: r.recent_rate as number,
      observed: r.observed_recent as number,
      expected: r.expected_recent as number,
    },
    ratio: r.ratio as number,
    pValue: r.p_value as number,
    qValue: r.q_value as number,
    evidence: r.evidence,
    sources: r.sources as string,
    dataDate: r.data_date ? String(r.data_date).slice(0, 10) : null,
    status: r.status as AlertStatus,
    assignee: r.assignee_user_id
      ? { id: r.assignee_user_id as number, name: r.assignee_name as string }
      : null,
    note: r.note as string | null,
    resolvedAt: r.resolved_at as Date | null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

export type AlertView = ReturnType<typeof present>;

export async function getAlert(db: Kysely<DB>, id: number) {
  const [a] = await listAlertsById(db, id);
  return a;
}

async function listAlertsById(db: Kysely<DB>, id: number) {
  const row = await db.selectFrom('alerts').select('referring_npi').where('id', '=', id).executeTakeFirst();
  if (!row) return [];
  return (await listAlerts(db, { npi: row.referring_npi, limit: 1000, offset: 0 })).filter(
    (a) => a.id === id,
  );
}

/** Is the alert's physician inside one of the user's territories (by practice ZIP or county)? */
export async function alertInUserTerritory(
  db: Kysely<DB>,
  userId: number,
  alertId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('alerts')
    .select('referring_npi')
    .where('id', '=', alertId)
    .executeTakeFirst();
  if (!row) return false;
  const hits = await listAlerts(db, {
    npi: row.referring_npi,
    territoryUserId: userId,
    limit: 1000,
    offset: 0,
  });
  return hits.some((a) => a.id === alertId);
}
