// Replace provider_influence with a job's results in one transaction (COPY for speed).

import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../connection';

export type InfluenceRow = {
  npi: string;
  weightedDegree: number;
  inStrength: number;
  outStrength: number;
  pagerank: number;
  pagerankPct: number;
  betweenness: number;
  community: number;
};

const COLUMNS =
  'npi, weighted_degree, in_strength, out_strength, pagerank, pagerank_pct, betweenness, community, computed_at, job_id, source';

export async function replaceInfluence(
  database: Database,
  rows: Iterable<InfluenceRow>,
  meta: { jobId: number; computedAt: Date; source: string },
): Promise<number> {
  const at = meta.computedAt.toISOString();
  const parts: string[] = [];
  let count = 0;
  for (const r of rows) {
    parts.push(
      `${r.npi}\t${r.weightedDegree}\t${r.inStrength}\t${r.outStrength}\t${r.pagerank}\t${r.pagerankPct}\t${r.betweenness}\t${r.community}\t${at}\t${meta.jobId}\t${meta.source}\n`,
    );
    count++;
  }
  const copy = `COPY provider_influence (${COLUMNS}) FROM`;
  if (database.kind === 'pglite') {
    await database.pglite!.transaction(async (tx) => {
      await tx.query('delete from provider_influence');
      if (count) await tx.query(`${copy} '/dev/blob'`, [], { blob: new Blob(parts) });
    });
    return count;
  }
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query('delete from provider_influence');
    const stream = client.query(copyFrom(`${copy} STDIN`));
    const done = Promise.race([
      once(stream, 'finish'),
      once(stream, 'error').then(([e]) => Promise.reject(e)),
    ]);
    for (let i = 0; i < parts.length; i += 10_000) {
      if (!stream.write(parts.slice(i, i + 10_000).join(''))) await once(stream, 'drain');
    }
    stream.end();
    await done;
    await client.query('commit');
    // The delete + COPY leaves the old rows dead and the visibility map unset: until autovacuum
    // comes by, target lists could not use the (npi) include (pagerank_pct) index without visiting
    // the heap, and the planner would not know the new statistics. Seconds at 1M rows.
    await client.query('vacuum (analyze) provider_influence');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  return count;
}
