// The stored market view: the referral-based figures of the market overview (share and leakage trend,
// risers and fallers, top leaking referrers), computed from the monthly rollup when a referral import
// finishes (refreshMarketView) and read from dashboard_views by every request after that. A request that
// finds no row for its inputs (a new service line, an organization's network changed) computes and stores
// it. Names are not stored: the overview looks them up when it is opened, so a renamed physician shows
// under the new name.
import { type Kysely, sql } from 'kysely';
import { parseMonth } from '../../core/referrals/months';
import { isClosing } from '../../db/background';
import { shareTrend } from '../../db/queries/dashboards/executive';
import {
  deleteStaleViews,
  readView,
  referralMarketInputs,
  writeView,
} from '../../db/queries/dashboards/views';
import { marketLeakage, marketMovers } from '../../db/queries/referrals/market';
import { offeredServiceLines, referralDataDate } from '../../db/queries/referrals/network';
import { getReferralSettings } from '../../db/queries/referrals/settings';
import type { DB } from '../../db/schema';

const NAME = 'market';
/** The longest trend the overview offers (its `months` parameter is at most 36). */
export const TREND_MONTHS = 36;

type Stripped<T> = Omit<T, 'name' | 'countyFips' | 'zip5'>;
type Movers = Awaited<ReturnType<typeof marketMovers>>;
type Leakage = Awaited<ReturnType<typeof marketLeakage>>;

export interface MarketView {
  dataDate: string | null;
  /** Every trend row is within TREND_MONTHS of this month (the rollup's last), YYYY-MM. */
  lastMonth: string | null;
  trend: Awaited<ReturnType<typeof shareTrend>>;
  movers: Omit<Movers, 'risers' | 'fallers'> & {
    risers: Stripped<Movers['risers'][number]>[];
    fallers: Stripped<Movers['fallers'][number]>[];
  };
  leakage: Omit<Leakage, 'items'> & { items: Stripped<Leakage['items'][number]>[] };
}

const strip = <T extends { name?: string; countyFips?: string | null; zip5?: string | null }>(x: T) => {
  const { name: _n, countyFips: _c, zip5: _z, ...rest } = x;
  return rest;
};

/** What the view is computed from: the referral imports, the network, and the value per case. */
async function inputsOf(db: Kysely<DB>) {
  const settings = await getReferralSettings(db);
  return `${await referralMarketInputs(db)}|${JSON.stringify(settings.valuePerCase)}`;
}

/** Computes the view from the rollup (the on-demand path; `trend` may be shared between lines). */
export async function computeMarketView(
  db: Kysely<DB>,
  serviceLine: string,
  trend?: MarketView['trend'],
): Promise<MarketView> {
  const line = serviceLine || undefined;
  const [rows, movers, leakage, dataDate, last] = await Promise.all([
    trend ?? shareTrend(db, TREND_MONTHS),
    marketMovers(db, { months: 6, limit: 10, serviceLine: line }),
    marketLeakage(db, { period: '12m', limit: 25, scope: 'network', serviceLine: line }),
    referralDataDate(db),
    sql<{ m: string | null }>`select to_char(max(month), 'YYYY-MM') as m from referral_monthly`.execute(db),
  ]);
  return {
    dataDate,
    lastMonth: last.rows[0]?.m ?? null,
    trend: rows.filter((r) => !line || r.service_line === line),
    movers: { ...movers, risers: movers.risers.map(strip), fallers: movers.fallers.map(strip) },
    leakage: { ...leakage, items: leakage.items.map(strip) },
  };
}

const inFlight = new Map<string, Promise<MarketView>>();

/** The stored view for a service line ('' = every line we offer), computed and stored when missing. */
export async function marketView(db: Kysely<DB>, serviceLine: string): Promise<MarketView> {
  const inputs = await inputsOf(db);
  const stored = await readView<MarketView>(db, NAME, serviceLine);
  if (stored && stored.inputs === inputs) return stored.body;
  const key = `${serviceLine}|${inputs}`;
  let p = inFlight.get(key);
  if (!p) {
    p = (async () => {
      const t0 = performance.now();
      const body = await computeMarketView(db, serviceLine);
      await writeView(db, {
        name: NAME,
        variant: serviceLine,
        inputs,
        body,
        computeMs: performance.now() - t0,
      });
      return body;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

/**
 * After a referral import (and at the end of the demo load): recompute the view for all lines and for
 * each line we offer, and drop views computed from older inputs. Returns how long it took.
 */
export async function refreshMarketView(db: Kysely<DB>): Promise<{ variants: number; ms: number }> {
  const t0 = performance.now();
  const inputs = await inputsOf(db);
  const trend = await shareTrend(db, TREND_MONTHS);
  const lines = ['', ...[...(await offeredServiceLines(db))].sort()];
  for (const line of lines) {
    // Closing the database (background refresh, db/background.ts): stop here, keep the stored rows.
    if (isClosing(db)) return { variants: 0, ms: performance.now() - t0 };
    const t = performance.now();
    const body = await computeMarketView(db, line, trend);
    await writeView(db, { name: NAME, variant: line, inputs, body, computeMs: performance.now() - t });
  }
  await deleteStaleViews(db, NAME, inputs);
  return { variants: lines.length, ms: performance.now() - t0 };
}

/** Trend rows within the last `months` months of the rollup (as shareTrend(db, months) would return). */
export function trendWithin(view: MarketView, months: number) {
  if (!view.lastMonth) return view.trend;
  const from = parseMonth(view.lastMonth) - months;
  return view.trend.filter((r) => parseMonth(r.month) > from);
}
