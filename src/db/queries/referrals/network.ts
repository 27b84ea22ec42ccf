// The destination network of an organization: its own network_status, or — when it is the default
// 'independent' — the first non-independent status walking up parent_id to its health system.
import { type Kysely, sql } from 'kysely';
import type { NetworkBucket } from '../../../core/referrals/types';
import { SERVICE_LINES } from '../../../core/serviceLines';
import type { DB } from '../../schema';

export async function networkOfOrgs(
  db: Kysely<DB>,
  orgIds: readonly number[],
): Promise<Map<number, { network: NetworkBucket; name: string }>> {
  const out = new Map<number, { network: NetworkBucket; name: string }>();
  const ids = [...new Set(orgIds)].filter((id) => id > 0);
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows = await sql<{ org_id: number; name: string; network_status: NetworkBucket }>`
      with recursive chain as (
        select o.id as org_id, o.name as org_name, o.network_status, o.parent_id, 0 as depth
        from organizations o where o.id in (${sql.join(chunk)})
        union all
        select c.org_id, c.org_name, p.network_status, p.parent_id, c.depth + 1
        from chain c join organizations p on p.id = c.parent_id
        where c.network_status = 'independent' and c.depth < 12
      )
      select distinct on (org_id) org_id, org_name as name, network_status from chain
      order by org_id, (network_status = 'independent'), depth`.execute(db);
    for (const r of rows.rows) out.set(Number(r.org_id), { network: r.network_status, name: r.name });
  }
  return out;
}

/** Orgs whose effective network is ours or affiliated (for "referrers in or aligned with our network"). */
export async function ourNetworkOrgIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    with recursive tree as (
      select id from organizations where network_status in ('ours','affiliated') and deleted_at is null
      union
      select c.id from organizations c join tree t on c.parent_id = t.id where c.network_status = 'independent'
    ) select id from tree`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

/**
 * Service lines our network offers: the service_lines of every organization in our network (ours or
 * affiliated, with their subsidiaries). Without any configured, every referral-destination line.
 */
export async function offeredServiceLines(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await sql<{ line: string }>`
    with recursive tree as (
      select id, service_lines from organizations where network_status in ('ours','affiliated') and deleted_at is null
      union
      select c.id, c.service_lines from organizations c join tree t on c.parent_id = t.id where c.network_status = 'independent'
    ) select distinct unnest(service_lines) as line from tree`.execute(db);
  const lines = new Set(rows.rows.map((r) => r.line));
  if (lines.size) return lines;
  return new Set(SERVICE_LINES.filter((s) => s.referralDestination).map((s) => s.key));
}

/** Latest referral date imported from internal sources: the data date every figure is stated with. */
export async function referralDataDate(db: Kysely<DB>): Promise<string | null> {
  const r = await db
    .selectFrom('import_jobs')
    .select((eb) => eb.fn.max('data_date').as('d'))
    .where('kind', 'in', ['referrals', 'fhir-referrals'])
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  return r?.d ? String(r.d).slice(0, 10) : null;
}

export const INTERNAL_SOURCES = ['ehr', 'fhir'] as const;

/**
 * `org_net(org_id, network)`: every organization's effective network as a CTE to join against
 * (a hash join, far cheaper than `= any(array)` over millions of rollup rows).
 */
export const orgNetworkCte = sql`
  org_chain as (
    select o.id as org_id, o.network_status, o.parent_id, 0 as depth from organizations o
    union all
    select c.org_id, p.network_status, p.parent_id, c.depth + 1
    from org_chain c join organizations p on p.id = c.parent_id
    where c.network_status = 'independent' and c.depth < 12
  ),
  org_net as (
    select distinct on (org_id) org_id, network_status as network from org_chain
    order by org_id, (network_status = 'independent'), depth
  )`;

/** Every organization's effective network, as id lists (used by other areas, e.g. target scoring). */
export async function networkIdSets(db: Kysely<DB>): Promise<{ ourNetwork: number[]; competitor: number[] }> {
  const rows = await sql<{
    org_id: number;
    network: NetworkBucket;
  }>`with recursive ${orgNetworkCte} select org_id, network from org_net`.execute(db);
  const ourNetwork: number[] = [];
  const competitor: number[] = [];
  for (const r of rows.rows) {
    if (r.network === 'ours' || r.network === 'affiliated') ourNetwork.push(Number(r.org_id));
    else if (r.network === 'competitor') competitor.push(Number(r.org_id));
  }
  return { ourNetwork, competitor };
}
