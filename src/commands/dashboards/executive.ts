// Executive / market overview: share to our network and leakage per service line over time, top risers
// and fallers, the estimated value of leakage, and physicians new to the market. The referral figures
// come from the stored market view (marketView.ts, refreshed by referral imports); names, the value of
// leakage and the directory arrivals are read when the page opens (they are cheap).
import type { Kysely } from 'kysely';
import { newPhysiciansByMonth, newPhysiciansList } from '../../db/queries/dashboards/executive';
import { namesOf } from '../../db/queries/referrals/market';
import { getReferralSettings } from '../../db/queries/referrals/settings';
import type { DB } from '../../db/schema';
import { marketView, trendWithin } from './marketView';
import { type Panel, panel } from './panel';

const SOURCE = 'Internal referrals (EHR/FHIR), monthly rollup';
const NPPES = { source: 'NPPES (directory arrivals)', dataDate: null };

export async function buildExecutive(db: Kysely<DB>, q: { months: number; serviceLine?: string }) {
  const [view, arrivals, fresh, settings] = await Promise.all([
    marketView(db, q.serviceLine ?? ''),
    newPhysiciansByMonth(db, 12),
    newPhysiciansList(db, 120),
    getReferralSettings(db),
  ]);
  const { movers, leakage, dataDate } = view;
  const people = await namesOf(
    db,
    [...movers.risers, ...movers.fallers, ...leakage.items].map((m) => m.referringNpi),
  );
  const nameOf = (npi: string) => people.get(npi)?.name ?? npi;
  const rows = trendWithin(view, q.months);
  // Value of leakage over the last 12 months of the trend, all referrers in the market.
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
    (kind: string) => (m: { referringNpi: string; prior: number; recent: number; change: number }) => ({
      kind,
      npi: m.referringNpi,
      name: nameOf(m.referringNpi),
      prior: m.prior,
      recent: m.recent,
      change: m.change,
    });
  const panels: Panel[] = [
    panel(
      {
        id: 'exec-share-trend',
        title: 'Share to our network and leakage by service line',
        source: SOURCE,
        dataDate,
        definition:
          'Share = referrals to our network (ours + affiliated, with subsidiaries) ÷ all referrals in the line; leakage = referrals to competitor systems.',
      },
      {
        month: 'Month',
        service_line: 'Service line',
        total: ['Referrals', 'number'],
        ours: ['To us', 'number'],
        competitor: ['To competitors', 'number'],
        share: ['Share', 'percent'],
        leakage: ['Leakage', 'percent'],
      },
      rows.map((r) => ({
        ...r,
        share: r.total ? r.ours / r.total : null,
        leakage: r.total ? r.competitor / r.total : null,
      })),
    ),
    panel(
      {
        id: 'exec-movers',
        title: `Top risers and fallers (referrals to us, ${movers.recent.from}–${movers.recent.to} vs ${movers.prior.from}–${movers.prior.to})`,
        source: SOURCE,
        dataDate: movers.dataDate,
        link: '/providers/{npi}',
      },
      {
        kind: 'Direction',
        name: 'Physician',
        prior: ['Prior 6 mo', 'number'],
        recent: ['Recent 6 mo', 'number'],
        change: ['Change', 'number'],
      },
      // the largest swings first, whichever way (risers then fallers hid every faller below the fold)
      [...movers.risers.map(moverRow('riser')), ...movers.fallers.map(moverRow('faller'))].sort(
        (a, b) => Math.abs(b.change) - Math.abs(a.change),
      ),
    ),
    panel(
      {
        id: 'exec-leakage-value',
        title: `Value of leakage, ${months[0] ?? ''}–${months.at(-1) ?? ''} (${settings.valuePerCaseIsDefault ? 'planning default value per case' : 'your value per case'})`,
        source: SOURCE,
        dataDate: leakage.dataDate,
        definition:
          'Referrals from all referrers in the market that went to competitor systems, × the value per case of the service line (referral settings). Lines without a value per case show none.',
      },
      {
        line: 'Service line',
        leaked: ['Referrals to competitors', 'number'],
        value_per_case: ['Value per case', 'money'],
        value: ['Estimated value', 'money'],
      },
      [...valueByLine.values()].sort((a, b) => (b.value ?? -1) - (a.value ?? -1)),
    ),
    panel(
      {
        id: 'exec-leakage-referrers',
        title: 'Top leaking referrers in or aligned with our network (12 months)',
        source: SOURCE,
        dataDate: leakage.dataDate,
        link: '/providers/{npi}',
      },
      {
        name: 'Physician',
        leakage: ['To competitors', 'number'],
        total: ['All referrals', 'number'],
        value: ['Estimated value', 'money'],
      },
      leakage.items.map((i) => ({
        npi: i.referringNpi,
        name: nameOf(i.referringNpi),
        leakage: i.leakage,
        total: i.total,
        value: i.estimatedValue,
      })),
    ),
    panel(
      { id: 'exec-new-physicians-trend', title: 'Physicians new to the market by month', ...NPPES },
      { month: 'Month', reason: 'Why', county: 'County', n: ['Physicians', 'number'] },
      arrivals,
    ),
    panel(
      {
        id: 'exec-new-physicians',
        title: 'New physicians in the market (last 120 days)',
        ...NPPES,
        link: '/providers/{npi}',
      },
      {
        name: 'Physician',
        taxonomy: 'Specialty',
        city: 'City',
        county: 'County',
        arrived_at: ['Arrived', 'date'],
        reason: 'Why',
      },
      fresh,
    ),
  ];
  return { dataDate, months: q.months, serviceLine: q.serviceLine ?? null, panels };
}
