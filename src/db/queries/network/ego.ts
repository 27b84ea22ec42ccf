// Candidate edges for an ego network: the physician's own ties, then — for depth 2 — the strongest
// ties of their strongest neighbours (bounded per neighbour so one hub cannot flood the view).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema';

export type EdgeFilter = { serviceLine?: string; minWeight?: number };
export type EdgeRow = {
  source: string;
  target: string;
  weight: number;
  referrals: number;
  sharedPatients: number;
  serviceLines: string[];
};

const cols = sql`e.source_npi as source, e.target_npi as target, e.weight, e.referrals, e.shared_patients as "sharedPatients", e.service_lines as "serviceLines"`;
const where = (f: EdgeFilter) =>
  sql`e.weight >= ${f.minWeight ?? 0} ${f.serviceLine ? sql`and e.service_lines @> array[${f.serviceLine}]::text[]` : sql``}`;

export async function egoEdges(
  db: Kysely<DB>,
  npi: string,
  depth: 1 | 2,
  f: EdgeFilter = {},
  limits = { direct: 150, hubs: 40, perHub: 12 },
): Promise<EdgeRow[]> {
  const first = await sql<EdgeRow>`
    (select ${cols} from network_edges e where e.source_npi = ${npi} and ${where(f)} order by e.weight desc limit ${limits.direct})
    union all
    (select ${cols} from network_edges e where e.target_npi = ${npi} and ${where(f)} order by e.weight desc limit ${limits.direct})`.execute(
    db,
  );
  const rows = first.rows;
  if (depth === 1) return rows;
  const strongest = new Map<string, number>();
  for (const r of rows) {
    const other = r.source === npi ? r.target : r.source;
    strongest.set(other, Math.max(strongest.get(other) ?? 0, r.weight));
  }
  const hubs = [...strongest]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limits.hubs)
    .map(([id]) => id);
  if (!hubs.length) return rows;
  const second = await sql<EdgeRow>`
    select x.* from unnest(${hubs}::text[]) as h(id)
    cross join lateral (
      (select ${cols} from network_edges e where e.source_npi = h.id and e.target_npi <> ${npi} and ${where(f)} order by e.weight desc limit ${limits.perHub})
      union all
      (select ${cols} from network_edges e where e.target_npi = h.id and e.source_npi <> ${npi} and ${where(f)} order by e.weight desc limit ${limits.perHub})
    ) x`.execute(db);
  return [...rows, ...second.rows];
}

/** Out-edges reachable from a physician within `hops` (strongest `perNode` per node), for paths. */
export async function outwardEdges(
  db: Kysely<DB>,
  npi: string,
  hops: number,
  perNode = 25,
  f: EdgeFilter = {},
) {
  const all: EdgeRow[] = [];
  const seen = new Set([npi]);
  let frontier = [npi];
  for (let h = 0; h < hops && frontier.length; h++) {
    const r = await sql<EdgeRow>`
      select x.* from unnest(${frontier}::text[]) as f(id)
      cross join lateral (select ${cols} from network_edges e where e.source_npi = f.id and ${where(f)}
        order by e.weight desc limit ${perNode}) x`.execute(db);
    all.push(...r.rows);
    frontier = [];
    for (const e of r.rows)
      if (!seen.has(e.target)) {
        seen.add(e.target);
        frontier.push(e.target);
      }
    frontier = frontier.slice(0, 2000);
  }
  return all;
}
