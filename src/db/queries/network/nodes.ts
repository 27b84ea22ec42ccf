// Who a graph node is: name, specialty line, network status (of their primary organization,
// walking up to the health system), location and stored influence metrics.
import type { Kysely } from 'kysely';
import { personName } from '../../../core/directory/personName';
import type { NetworkBucket } from '../../../core/referrals/types';
import type { DB } from '../../schema';
import { networkOfOrgs } from '../referrals/network';

export type NodeInfo = {
  id: string;
  kind: 'provider' | 'organization';
  name: string;
  serviceLine: string | null;
  networkStatus: NetworkBucket;
  organization: string | null;
  lat: number | null;
  lon: number | null;
  influence: {
    weightedDegree: number;
    pagerank: number;
    pagerankPct: number;
    betweenness: number;
    community: number;
    computedAt: Date;
  } | null;
};

export async function describeNodes(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, NodeInfo>> {
  const out = new Map<string, NodeInfo>();
  const npis = ids.filter((i) => !i.startsWith('org:'));
  const orgNodes = ids
    .filter((i) => i.startsWith('org:'))
    .map((i) => Number(i.slice(4)))
    .filter(Number.isSafeInteger);
  const [people, members, infl] = npis.length
    ? await Promise.all([
        db
          .selectFrom('providers')
          .select(['npi', 'first_name', 'last_name', 'credential', 'primary_service_line', 'lat', 'lon'])
          .where('npi', 'in', npis)
          .execute(),
        db
          .selectFrom('memberships')
          .select(['provider_npi', 'organization_id', 'role'])
          .where('provider_npi', 'in', npis)
          .orderBy('provider_npi')
          .orderBy('organization_id')
          .execute(),
        db.selectFrom('provider_influence').selectAll().where('npi', 'in', npis).execute(),
      ])
    : [[], [], []];
  const primaryOrg = new Map<string, number>();
  for (const m of members)
    if (!primaryOrg.has(m.provider_npi) || m.role === 'primary')
      primaryOrg.set(m.provider_npi, Number(m.organization_id));
  const nets = await networkOfOrgs(db, [...primaryOrg.values(), ...orgNodes]);
  const inf = new Map(infl.map((r) => [r.npi, r]));
  for (const p of people) {
    const org = primaryOrg.get(p.npi);
    const i = inf.get(p.npi);
    out.set(p.npi, {
      id: p.npi,
      kind: 'provider',
      name: personName({ first: p.first_name, last: p.last_name, credential: p.credential }),
      serviceLine: p.primary_service_line,
      networkStatus: org !== undefined ? (nets.get(org)?.network ?? 'unknown') : 'unknown',
      organization: org !== undefined ? (nets.get(org)?.name ?? null) : null,
      lat: p.lat,
      lon: p.lon,
      influence: i
        ? {
            weightedDegree: i.weighted_degree,
            pagerank: i.pagerank,
            pagerankPct: i.pagerank_pct,
            betweenness: i.betweenness,
            community: i.community,
            computedAt: i.computed_at,
          }
        : null,
    });
  }
  for (const id of orgNodes) {
    const n = nets.get(id);
    if (n)
      out.set(`org:${id}`, {
        id: `org:${id}`,
        kind: 'organization',
        name: n.name,
        serviceLine: null,
        networkStatus: n.network,
        organization: n.name,
        lat: null,
        lon: null,
        influence: null,
      });
  }
  for (const id of ids)
    if (!out.has(id))
      out.set(id, {
        id,
        kind: id.startsWith('org:') ? 'organization' : 'provider',
        name: id.startsWith('org:') ? `Organization ${id.slice(4)}` : `NPI ${id} (not in directory)`,
        serviceLine: null,
        networkStatus: 'unknown',
        organization: null,
        lat: null,
        lon: null,
        influence: null,
      });
  return out;
}
