// Read views over the stored network: ego network, strongest paths to our providers, key
// influencers, the whole-market graph for the Network page, and the job status.
import { type Kysely, sql } from 'kysely';
import { buildGraph, egoNetwork, strongestPaths } from '../../core/network';
import type { Database } from '../../db/connection';
import { type EdgeFilter, egoEdges, outwardEdges } from '../../db/queries/network/ego';
import { describeNodes } from '../../db/queries/network/nodes';
import { ourNetworkOrgIds } from '../../db/queries/referrals/network';
import type { DB } from '../../db/schema';
import { SOURCE_LABEL } from './computeNetwork';
import { NetworkError } from './errors';

async function requireProvider(db: Kysely<DB>, npi: string) {
  const p = await db.selectFrom('providers').select('npi').where('npi', '=', npi).executeTakeFirst();
  if (!p) throw new NetworkError(`provider ${npi} not found`, 404);
}

export async function getEgoNetwork(
  db: Kysely<DB>,
  npi: string,
  depth: 1 | 2,
  f: EdgeFilter & { maxNodes?: number } = {},
) {
  await requireProvider(db, npi);
  const rows = await egoEdges(db, npi, depth, f);
  const ego = egoNetwork(
    npi,
    rows.map((r) => ({ source: r.source, target: r.target, weight: r.weight })),
    { depth, maxNodes: f.maxNodes ?? 300 },
  );
  const detail = new Map(rows.map((r) => [`${r.source}>${r.target}`, r]));
  const info = await describeNodes(
    db,
    ego.nodes.map((n) => n.id),
  );
  return {
    center: npi,
    depth,
    truncated: ego.truncated,
    source: SOURCE_LABEL,
    meta: await networkMeta(db),
    nodes: ego.nodes.map((n) => ({ ...info.get(n.id)!, hop: n.hop, tie: n.strength })),
    edges: ego.edges.map((e) => {
      const d = detail.get(`${e.source}>${e.target}`)!;
      return { ...d, why: whyConnected(d) };
    }),
  };
}

/** "Why connected": the facts an edge rests on, in words. */
export function whyConnected(e: { referrals: number; sharedPatients: number; serviceLines: string[] }) {
  const parts: string[] = [];
  if (e.referrals) parts.push(`${e.referrals} referral${e.referrals === 1 ? '' : 's'} in 12 months`);
  if (e.sharedPatients)
    parts.push(`${e.sharedPatients} shared Medicare patients (CMS; collaboration, not proof of referral)`);
  const lines = e.serviceLines.length ? ` · ${e.serviceLines.join(', ').replace(/_/g, ' ')}` : '';
  return parts.join(' + ') + lines;
}

/** Strongest paths from a physician to providers in our network (optionally one service line). */
export async function getStrongestPaths(
  db: Kysely<DB>,
  npi: string,
  q: { serviceLine?: string; maxHops?: number; limit?: number },
) {
  await requireProvider(db, npi);
  const hops = q.maxHops ?? 3;
  const edges = await outwardEdges(db, npi, hops);
  const reached = [...new Set(edges.map((e) => e.target))];
  const ours = await ourNetworkOrgIds(db);
  const destinations = reached.length
    ? await sql<{ id: string }>`
        select distinct m.provider_npi as id from memberships m join providers p on p.npi = m.provider_npi
        where m.provider_npi = any(${reached}::text[]) and m.organization_id = any(${ours.length ? ours : [-1]}::bigint[])
          ${q.serviceLine ? sql`and p.primary_service_line = ${q.serviceLine}` : sql``}
        union
        select 'org:' || o.id from organizations o
        where ('org:' || o.id) = any(${reached}::text[]) and o.id = any(${ours.length ? ours : [-1]}::bigint[])
          ${q.serviceLine ? sql`and ${q.serviceLine} = any(o.service_lines)` : sql``}`.execute(db)
    : { rows: [] };
  const g = buildGraph(edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })));
  const paths = strongestPaths(
    g,
    npi,
    destinations.rows.map((r) => r.id),
    { maxHops: hops, limit: q.limit ?? 10 },
  );
  const info = await describeNodes(db, [...new Set(paths.flatMap((p) => p.nodes))]);
  return {
    from: npi,
    serviceLine: q.serviceLine ?? null,
    definition:
      'strength = product over hops of (edge weight ÷ the sender’s total outgoing weight): the share of patients following the path',
    paths: paths.map((p) => ({ ...p, steps: p.nodes.map((id) => info.get(id)!) })),
  };
}

export async function keyInfluencers(
  db: Kysely<DB>,
  q: { serviceLine?: string; territoryId?: number; limit: number },
) {
  const rows = await db
    .selectFrom('provider_influence as i')
    .innerJoin('providers as p', 'p.npi', 'i.npi')
    .select([
      'i.npi',
      'i.pagerank',
      'i.pagerank_pct',
      'i.betweenness',
      'i.weighted_degree',
      'i.community',
      'i.computed_at',
      'p.primary_service_line',
    ])
    .$if(!!q.serviceLine, (b) => b.where('p.primary_service_line', '=', q.serviceLine!))
    .$if(q.territoryId !== undefined, (b) =>
      b.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('territories as t')
            .select(sql.lit(1).as('one'))
            .where('t.id', '=', q.territoryId!)
            .where(sql<boolean>`(p.practice_zip5 = any(t.zips) or p.county_fips = any(t.counties))`),
        ),
      ),
    )
    .orderBy('i.pagerank', 'desc')
    .orderBy('i.npi')
    .limit(q.limit)
    .execute();
  const info = await describeNodes(
    db,
    rows.map((r) => r.npi),
  );
  return { meta: await networkMeta(db), items: rows.map((r) => info.get(r.npi)!) };
}

/** The market graph for the Network page: the top nodes by PageRank and the edges among them. */
export async function marketGraph(
  db: Kysely<DB>,
  q: EdgeFilter & { community?: number; networkStatus?: string; limit: number },
) {
  const top = await db
    .selectFrom('provider_influence as i')
    .select('i.npi')
    .$if(q.community !== undefined, (b) => b.where('i.community', '=', q.community!))
    .orderBy('i.pagerank', 'desc')
    .orderBy('i.npi')
    .limit(q.limit)
    .execute();
  const ids = top.map((r) => r.npi);
  const info = await describeNodes(db, ids);
  const keep = ids.filter((id) => !q.networkStatus || info.get(id)?.networkStatus === q.networkStatus);
  const edges = keep.length
    ? await sql<{
        source: string;
        target: string;
        weight: number;
        referrals: number;
        sharedPatients: number;
        serviceLines: string[];
      }>`
        select e.source_npi as source, e.target_npi as target, e.weight, e.referrals, e.shared_patients as "sharedPatients", e.service_lines as "serviceLines"
        from network_edges e
        where e.source_npi = any(${keep}::text[]) and e.target_npi = any(${keep}::text[]) and e.weight >= ${q.minWeight ?? 0}
          ${q.serviceLine ? sql`and e.service_lines @> array[${q.serviceLine}]::text[]` : sql``}`.execute(db)
    : { rows: [] };
  return { meta: await networkMeta(db), nodes: keep.map((id) => info.get(id)!), edges: edges.rows };
}

export async function networkMeta(db: Kysely<DB>) {
  const job = await db
    .selectFrom('network_jobs')
    .selectAll()
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastImport = await db
    .selectFrom('import_jobs')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  const computedAt = job?.finished_at ?? null;
  return {
    computedAt,
    jobId: job ? Number(job.id) : null,
    dataDate: job?.data_date ?? null,
    sources: job?.sources ?? null,
    stale: !computedAt || (!!lastImport?.at && new Date(lastImport.at as Date) > computedAt),
  };
}

export async function networkJobs(database: Database, limit = 20) {
  return database.db.selectFrom('network_jobs').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
