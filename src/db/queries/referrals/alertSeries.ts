// The detector's input for the whole market as of a month: per physician × offered service line
// (and per physician over all offered lines), monthly referrals to our network and to competitors,
// their total referrals (the denominator of the share test), and each line's market volume per month
// (the index of the volume test).
import { type Kysely, sql } from 'kysely';
import { type MonthIndex, monthStartDate, parseMonth } from '../../../core/referrals/months';
import type { ShiftSeries } from '../../../core/referrals/shiftDetector';
import type { DB } from '../../schema';
import { INTERNAL_SOURCES, offeredServiceLines, orgNetworkCte } from './network';

export interface DetectorInput {
  firstMonth: MonthIndex;
  asOf: MonthIndex;
  series: ShiftSeries[];
  index: Map<string, number[]>;
}

export async function loadDetectorInput(
  db: Kysely<DB>,
  asOf: MonthIndex,
  monthsBack: number,
): Promise<DetectorInput> {
  const firstMonth = asOf - monthsBack + 1;
  const L = monthsBack;
  const lines = await offeredServiceLines(db);
  const rows = await sql<{
    referring_npi: string;
    service_line: string;
    month: string;
    total: number;
    ours: number;
    comp: number;
  }>`
    with recursive ${orgNetworkCte}
    select m.referring_npi, m.service_line, m.month, sum(m.count)::int as total,
      coalesce(sum(m.count) filter (where n.network in ('ours','affiliated')), 0)::int as ours,
      coalesce(sum(m.count) filter (where n.network = 'competitor'), 0)::int as comp
    from referral_monthly m left join org_net n on n.org_id = m.dest_org_id
    where m.month between ${monthStartDate(firstMonth)}::date and ${monthStartDate(asOf)}::date
      and m.source in (${sql.join([...INTERNAL_SOURCES])}) and m.service_line in (${sql.join([...lines])})
    group by 1, 2, 3`.execute(db);
  const index = new Map<string, number[]>([['all', new Array(L).fill(0)]]);
  const ours = new Map<string, number[]>();
  const comp = new Map<string, number[]>();
  const totals = new Map<string, number[]>();
  const slot = (m: Map<string, number[]>, k: string) => {
    let a = m.get(k);
    if (!a) {
      a = new Array(L).fill(0);
      m.set(k, a);
    }
    return a;
  };
  for (const r of rows.rows) {
    const t = parseMonth(String(r.month).slice(0, 10)) - firstMonth;
    if (t < 0 || t >= L) continue;
    slot(index, r.service_line)[t]! += r.total;
    index.get('all')![t]! += r.total;
    for (const key of [`${r.referring_npi}|${r.service_line}`, `${r.referring_npi}|all`]) {
      slot(ours, key)[t]! += r.ours;
      slot(comp, key)[t]! += r.comp;
      slot(totals, key)[t]! += r.total;
    }
  }
  const series: ShiftSeries[] = [];
  for (const [key, counts] of ours) {
    const [npi, line] = key.split('|') as [string, string];
    const tot = totals.get(key)!;
    series.push({ referringNpi: npi, serviceLine: line, target: 'ours', counts, totals: tot });
    series.push({
      referringNpi: npi,
      serviceLine: line,
      target: 'competitor',
      counts: comp.get(key)!,
      totals: tot,
    });
  }
  return { firstMonth, asOf, series, index };
}
