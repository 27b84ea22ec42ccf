// The network job: rebuild edges from the referral tables, load them as a CSR, compute weighted
// degree, PageRank, betweenness (exact up to `exactUpTo` nodes, else sampled sources) and Louvain
// communities, and store them in provider_influence. One job at a time (a unique index on the
// running row); every run is a network_jobs row with its timings, sizes and peak memory.
import { betweenness, louvain, pageRank, weightedDegree } from '../../core/network';
import type { Database } from '../../db/connection';
import { edgeSources, rebuildNetworkEdges } from '../../db/queries/network/edges';
import { type InfluenceRow, replaceInfluence } from '../../db/queries/network/influence';
import { loadGraph } from '../../db/queries/network/loadGraph';
import { NetworkError } from './errors';

export type ComputeOptions = {
  trigger: 'cli' | 'api' | 'import' | 'bench';
  startedBy?: string | null;
  /** Skip rebuilding network_edges (the benchmark loads edges directly). */
  reuseEdges?: boolean;
  exactUpTo?: number;
  samples?: number;
  seed?: number;
  onProgress?: (phase: string, done?: number, total?: number) => void;
};

export const SOURCE_LABEL = 'internal referrals (12 months) + CMS shared-patient links';

export async function startNetworkJob(database: Database, opts: ComputeOptions): Promise<number> {
  try {
    const row = await database.db
      .insertInto('network_jobs')
      .values({ trigger: opts.trigger, started_by: opts.startedBy ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw new NetworkError('A network job is already running', 409);
    throw e;
  }
}

/** Run a job to completion (the CLI awaits it; the API starts it and returns the job id). */
export async function runNetworkJob(database: Database, jobId: number, opts: ComputeOptions) {
  const { db } = database;
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    opts.onProgress?.(name);
    const s = performance.now();
    const r = await fn();
    phases[name] = Math.round(performance.now() - s);
    return r;
  };
  try {
    const sources = await edgeSources(db);
    if (!opts.reuseEdges) await phase('edges', () => rebuildNetworkEdges(db, sources));
    const g = await phase('load', () => loadGraph(database, (n) => opts.onProgress?.('load', n)));
    const n = g.out.n;
    const deg = await phase('degree', () => weightedDegree(g.out));
    const pr = await phase('pagerank', () => pageRank(g.out));
    const exact = n <= (opts.exactUpTo ?? 2000);
    const samples = exact ? undefined : Math.min(n, opts.samples ?? 64);
    const bc = await phase('betweenness', () =>
      betweenness(g.out, {
        samples,
        seed: opts.seed ?? 1,
        normalized: true,
        onSource: (d, t) => opts.onProgress?.('betweenness', d, t),
      }),
    );
    const comm = await phase('communities', () => louvain(g.out));
    const pct = percentRank(pr.rank);
    const computedAt = new Date();
    const stored = await phase('store', () =>
      replaceInfluence(database, influenceRows(g.ids, deg, pr.rank, pct, bc.values, comm.community), {
        jobId,
        computedAt,
        source: SOURCE_LABEL,
      }),
    );
    const result = {
      nodes: n,
      edges: g.out.targets.length,
      pagerank_iterations: pr.iterations,
      betweenness_sources: bc.sources,
      betweenness_exact: bc.exact,
      communities: comm.count,
      modularity: comm.modularity,
      duration_ms: Math.round(performance.now() - t0),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      phases: JSON.stringify(phases),
      sources: JSON.stringify(sources),
      data_date: sources.referrals.dataDate,
    };
    await db
      .updateTable('network_jobs')
      .set({ ...result, status: 'succeeded', finished_at: new Date(), message: `${stored} providers scored` })
      .where('id', '=', jobId)
      .execute();
    return { jobId, ...result, phases, sources, providers: stored };
  } catch (e) {
    await db
      .updateTable('network_jobs')
      .set({ status: 'failed', finished_at: new Date(), message: (e as Error).message.slice(0, 500) })
      .where('id', '=', jobId)
      .execute()
      .catch(() => {});
    throw e;
  }
}

export async function computeNetwork(database: Database, opts: ComputeOptions) {
  return runNetworkJob(database, await startNetworkJob(database, opts), opts);
}

function* influenceRows(
  ids: string[],
  deg: ReturnType<typeof weightedDegree>,
  rank: Float64Array,
  pct: Float64Array,
  bc: Float64Array,
  community: Uint32Array,
): Generator<InfluenceRow> {
  for (let i = 0; i < ids.length; i++) {
    if (ids[i].startsWith('org:')) continue; // organizations shape the flow but are not providers
    yield {
      npi: ids[i],
      weightedDegree: deg.total[i],
      inStrength: deg.in[i],
      outStrength: deg.out[i],
      pagerank: rank[i],
      pagerankPct: pct[i],
      betweenness: bc[i],
      community: community[i],
    };
  }
}

/** percent_rank: share of nodes with a strictly lower value (ties share the lowest position). */
export function percentRank(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = values.slice().sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    out[i] = n > 1 ? lo / (n - 1) : 0;
  }
  return out;
}
