// Executive / market overview: share to our network and leakage per service line over time, top risers
// and fallers, the estimated value of leakage, and physicians new to the market.
import { type Kysely, sql } from 'kysely';
import { newPhysiciansByMonth, newPhysiciansList, shareTrend } from '../../db/queries/dashboards/executive';
import { marketLeakage, marketMovers } from '../../db/queries/referrals/market';
import { referralDataDate } from '../../db/queries/referrals/network';
import { getReferralSettings } from '../../db/queries/referrals/settings';
import type { DB } from '../../db/schema';
import { col, type Panel } from './panel';

const SOURCE = 'Internal referrals (EHR/FHIR), monthly rollup';

// Market figures change only when referrals or the directory are imported: cache them per process
// under a fingerprint of both (a few cheap aggregates) so the page opens fast on a busy machine.
const cache = new Map<string, Awaited<ReturnType<typeof computeExecutive>>>();
async function fingerprint(db: Kysely<DB>) {
  const r = await sql<{ f: string }>`select concat_ws('|', (select max(updated_at)::text from referral_facts),
    (select max(updated_at)::text from providers), (select max(updated_at)::text from organizations),
    (select value::text from settings where key = 'referrals')) as f`.execute(db);
  return r.rows[0]?.f ?? '';
}

export async function buildExecutive(db: Kysely<DB>, q: { months: number; serviceLine?: string }) {
  const key = `${q.months}|${q.serviceLine ?? ''}|${await fingerprint(db)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = await computeExecutive(db, q);
  if (cache.size > 20) cache.clear();
  cache.set(key, out);
  return out;
}

async function computeExecutive(db: Kysely<DB>, q: { months: number; serviceLine?: string }) {
  const [trend, movers, leakage, arrivals, fresh, dataDate] = await Promise.all([
    shareTrend(db, q.months),
    marketMovers(db, { months: 6, limit: 10, serviceLine: q.serviceLine }),
    marketLeakage(db, { period: '12m', limit: 25, scope: 'network', serviceLine: q.serviceLine }),
    newPhysiciansByMonth(db, 12),
    newPhysiciansList(db, 120),
    referralDataDate(db),
  ]);
  const rows = trend.filter((r) => !q.serviceLine || r.service_line === q.serviceLine);
  // Value of leakage over the last 12 months of the trend, all referrers in the market.
  const settings = await getReferralSettings(db);
  const months = [...new Set(rows.map((r) => r.month))].sort().slice(-12);
  const valueByLine = new Map<
    string,
    { line: string; leaked: number; value_per_case: number | null; value: number | null }
  >();
  for (const r of rows) {
    if (!months.includes(r.month)) continue;
    const per = settings.valuePerCase[r.service_line] ?? null;
    const v = valueByLine.get(r.service_line) ?? {
      line: r.service_line,
      leaked: 0,
      value_per_case: per,
      value: per === null ? null : 0,
    };
    v.leaked += r.competitor;
    if (per !== null) v.value = (v.value ?? 0) + r.competitor * per;
    valueByLine.set(r.service_line, v);
  }
  const moverRow =
    (kind: string) =>
    (m: { referringNpi: string; name?: string; prior: number; recent: number; change: number }) => ({
      kind,
      npi: m.referringNpi,
      name: m.name ?? m.referringNpi,
      prior: m.prior,
      recent: m.recent,
      change: m.change,
    });
  const panels: Panel[] = [
    {
      id: 'exec-share-trend',
      title: 'Share to our network and leakage by service line',
      source: SOURCE,
      dataDate,
      definition:
        'Share = referrals to our network (ours + affiliated, with subsidiaries) ÷ all referrals in the line; leakage = referrals to competitor systems.',
      columns: [
        col('month', 'Month'),
        col('service_line', 'Service line'),
        col('total', 'Referrals', 'number'),
        col('ours', 'To us', 'number'),
        col('competitor', 'To competitors', 'number'),
        col('share', 'Share', 'percent'),
        col('leakage', 'Leakage', 'percent'),
      ],
      rows: rows.map((r) => ({
        ...r,
        share: r.total ? r.ours / r.total : null,
        leakage: r.total ? r.competitor / r.total : null,
      })),
    },
    {
      id: 'exec-movers',
      title: `Top risers and fallers (referrals to us, ${movers.recent.from}–${movers.recent.to} vs ${movers.prior.from}–${movers.prior.to})`,
      source: SOURCE,
      dataDate: movers.dataDate,
      link: '/providers/{npi}',
      columns: [
        col('kind', 'Direction'),
        col('name', 'Physician'),
        col('prior', 'Prior 6 mo', 'number'),
        col('recent', 'Recent 6 mo', 'number'),
        col('change', 'Change', 'number'),
      ],
      rows: [...movers.risers.map(moverRow('riser')), ...movers.fallers.map(moverRow('faller'))],
    },
    {
      id: 'exec-leakage-value',
      title: `Value of leakage, ${months[0] ?? ''}–${months.at(-1) ?? ''} (${settings.valuePerCaseIsDefault ? 'planning default value per case' : 'your value per case'})`,
      source: SOURCE,
      dataDate: leakage.dataDate,
      definition:
        'Referrals from all referrers in the market that went to competitor systems, × the value per case of the service line (referral settings). Lines without a value per case show none.',
      columns: [
        col('line', 'Service line'),
        col('leaked', 'Referrals to competitors', 'number'),
        col('value_per_case', 'Value per case', 'money'),
        col('value', 'Estimated value', 'money'),
      ],
      rows: [...valueByLine.values()].sort((a, b) => (b.value ?? -1) - (a.value ?? -1)),
    },
    {
      id: 'exec-leakage-referrers',
      title: 'Top leaking referrers in or aligned with our network (12 months)',
      source: SOURCE,
      dataDate: leakage.dataDate,
      link: '/providers/{npi}',
      columns: [
        col('name', 'Physician'),
        col('leakage', 'To competitors', 'number'),
        col('total', 'All referrals', 'number'),
        col('value', 'Estimated value', 'money'),
      ],
      rows: leakage.items.map((i) => ({
        npi: i.referringNpi,
        name: i.name ?? i.referringNpi,
        leakage: i.leakage,
        total: i.total,
        value: i.estimatedValue,
      })),
    },
    {
      id: 'exec-new-physicians-trend',
      title: 'Physicians new to the market by month',
      source: 'NPPES (directory arrivals)',
      dataDate: null,
      columns: [
        col('month', 'Month'),
        col('reason', 'Why'),
        col('county', 'County'),
        col('n', 'Physicians', 'number'),
      ],
      rows: arrivals,
    },
    {
      id: 'exec-new-physicians',
      title: 'New physicians in the market (last 120 days)',
      source: 'NPPES (directory arrivals)',
      dataDate: null,
      link: '/providers/{npi}',
      columns: [
        col('name', 'Physician'),
        col('taxonomy', 'Taxonomy'),
        col('city', 'City'),
        col('county', 'County'),
        col('arrived_at', 'Arrived', 'date'),
        col('reason', 'Why'),
      ],
      rows: fresh,
    },
  ];
  return { dataDate, months: q.months, serviceLine: q.serviceLine ?? null, panels };
}
