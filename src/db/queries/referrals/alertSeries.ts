// The detector's input for the whole market as of a month: per physician × offered service line
// (and per physician over all offered lines), monthly referrals to our network and to competitors,
// their total referrals (the denominator of the share test), and each line's market volume per month
// (the index of the volume test).
import { type Kysely, sql } from 'kysely';
import { type MonthIndex, monthStartDate } from '../../../core/referrals/months';
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
  // One row per physician × line with its months packed in one text value ("YYYYMM total ours comp",
  // comma-separated): the ≈ 260,000 physician × line × month rows of the demo market took the
  // embedded database 12.8 s to hand over as rows (most of it building them), 2.3 s packed.
  const rows = await sql<{ referring_npi: string; service_line: string; cells: string }>`
    with recursive ${orgNetworkCte},
    g as (
      select m.referring_npi, m.service_line, m.month, sum(m.count)::int as total,
        coalesce(sum(m.count) filter (where n.network in ('ours','affiliated')), 0)::int as ours,
        coalesce(sum(m.count) filter (where n.network = 'competitor'), 0)::int as comp
      from referral_monthly m left join org_net n on n.org_id = m.dest_org_id
      where m.month between ${monthStartDate(firstMonth)}::date and ${monthStartDate(asOf)}::date
        and m.source in (${sql.join([...INTERNAL_SOURCES])}) and m.service_line in (${sql.join([...lines])})
      group by 1, 2, 3)
    select referring_npi, service_line,
      string_agg(to_char(month, 'YYYYMM') || ' ' || total || ' ' || ours || ' ' || comp, ',') as cells
    from g group by 1, 2`.execute(db);
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
    const keys = [`${r.referring_npi}|${r.service_line}`, `${r.referring_npi}|all`];
    for (const cell of r.cells.split(',')) {
      const [ym, total, o, c] = cell.split(' ').map(Number) as [number, number, number, number];
      const t = Math.floor(ym / 100) * 12 + (ym % 100) - 1 - firstMonth;
      if (t < 0 || t >= L) continue;
      slot(index, r.service_line)[t]! += total;
      index.get('all')![t]! += total;
      for (const key of keys) {
        slot(ours, key)[t]! += o;
        slot(comp, key)[t]! += c;
        slot(totals, key)[t]! += total;
      }
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
