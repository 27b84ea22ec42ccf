// Monthly referrals to our network and in total from a goal scope's physicians (a liaison's book and
// territory, or everyone), offered service lines, for the monthly report's trend chart.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema';
import { scopeNpis } from '../goals/scope';
import { INTERNAL_SOURCES, offeredServiceLines, orgNetworkCte } from '../referrals/network';

export async function referralTrendForScope(db: Kysely<DB>, ownerId: number | null, months: number) {
  const lines = [...(await offeredServiceLines(db))];
  if (!lines.length) return [];
  const npis = ownerId === null ? null : scopeNpis({ scope: 'liaison', ownerId, campaignId: null });
  const r = await sql<{ month: string; total: number; ours: number; competitor: number }>`
    with recursive ${orgNetworkCte}, last as (select max(month) as m from referral_monthly)
    select to_char(m.month, 'YYYY-MM') as month, sum(m.count)::int as total,
      coalesce(sum(m.count) filter (where n.network in ('ours','affiliated')), 0)::int as ours,
      coalesce(sum(m.count) filter (where n.network = 'competitor'), 0)::int as competitor
    from referral_monthly m left join org_net n on n.org_id = m.dest_org_id, last
    where m.service_line in (${sql.join(lines)}) and m.source in (${sql.join([...INTERNAL_SOURCES])})
      and m.month > (last.m - make_interval(months => ${months}))::date
      ${npis ? sql`and m.referring_npi in (${npis})` : sql``}
    group by 1 order by 1`.execute(db);
  return r.rows;
}
