// A directed, weighted graph in compressed sparse row (CSR) form over typed arrays. Graph metrics
// for a whole market (1M providers, 20M edges) run on this instead of graphology: a JS object per
// node/edge would need gigabytes, CSR needs ~12 bytes per edge.

export type Csr = {
  n: number;
  /** offsets[i]..offsets[i+1] index the row of node i in targets/weights. */
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
};

export type Graph = { ids: string[]; index: Map<string, number>; out: Csr };

export type Edge = { source: string; target: string; weight: number };

/**
 * Build a CSR from parallel arrays of edge endpoints (node indexes < n). Self-loops and
 * non-positive or non-finite weights are dropped (a zero-weight edge carries no signal);
 * duplicate (u,v) pairs are summed.
 */
export function buildCsr(
  n: number,
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  w: ArrayLike<number>,
): Csr {
  const m = src.length;
  const counts = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) if (keep(src[e], dst[e], w[e])) counts[src[e] + 1]++;
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const offsets = counts.slice();
  const cursor = counts.slice(0, n);
  const targets = new Uint32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  for (let e = 0; e < m; e++) {
    if (!keep(src[e], dst[e], w[e])) continue;
    const p = cursor[src[e]]++;
    targets[p] = dst[e];
    weights[p] = w[e];
  }
  return mergeDuplicates({ n, offsets, targets, weights });
}

function keep(u: number, v: number, w: number) {
  return u !== v && Number.isFinite(w) && w > 0;
}

// Sort each row by target and sum repeated targets (rows are short, insertion sort is fine).
function mergeDuplicates(g: Csr): Csr {
  const { n, offsets, targets, weights } = g;
  let dup = false;
  for (let i = 0; i < n; i++) {
    const a = offsets[i];
    const b = offsets[i + 1];
    for (let p = a + 1; p < b; p++) {
      const t = targets[p];
      const wt = weights[p];
      let q = p - 1;
      while (q >= a && targets[q] > t) {
        targets[q + 1] = targets[q];
        weights[q + 1] = weights[q];
        q--;
      }
      targets[q + 1] = t;
      weights[q + 1] = wt;
      if (q >= a && targets[q] === t) dup = true;
    }
  }
  if (!dup) return g;
  const no = new Uint32Array(n + 1);
  const nt = new Uint32Array(targets.length);
  const nw = new Float64Array(targets.length);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      if (k > no[i] && nt[k - 1] === targets[p]) nw[k - 1] += weights[p];
      else {
        nt[k] = targets[p];
        nw[k++] = weights[p];
      }
    }
    no[i + 1] = k;
  }
  return { n, offsets: no, targets: nt.slice(0, k), weights: nw.slice(0, k) };
}

/** Numbers string node ids 0, 1, 2… in first-seen order: `idOf` gives (or assigns) a node's number. */
export function nodeNumbering() {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const idOf = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = ids.length;
      ids.push(s);
      index.set(s, i);
    }
    return i;
  };
  return { ids, index, idOf };
}

/** Build a graph from string-keyed edges; node ids are numbered in first-seen order. */
export function buildGraph(edges: readonly Edge[], extraNodes: readonly string[] = []): Graph {
  const { ids, index, idOf } = nodeNumbering();
  for (const id of extraNodes) idOf(id);
  const src = new Uint32Array(edges.length);
  const dst = new Uint32Array(edges.length);
  const w = new Float64Array(edges.length);
  edges.forEach((e, k) => {
    src[k] = idOf(e.source);
    dst[k] = idOf(e.target);
    w[k] = e.weight;
  });
  return { ids, index, out: buildCsr(ids.length, src, dst, w) };
}

/** The reverse graph (every edge flipped). */
export function transpose(g: Csr): Csr {
  const src = new Uint32Array(g.targets.length);
  for (let i = 0; i < g.n; i++) src.fill(i, g.offsets[i], g.offsets[i + 1]);
  return buildCsr(g.n, g.targets, src, g.weights);
}

/** Undirected view: each pair's weight is w(u,v) + w(v,u), stored in both rows. */
export function symmetrize(g: Csr): Csr {
  const m = g.targets.length;
  const src = new Uint32Array(2 * m);
  const dst = new Uint32Array(2 * m);
  const w = new Float64Array(2 * m);
  for (let i = 0; i < g.n; i++)
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      src[p] = i;
      dst[p] = g.targets[p];
      src[m + p] = g.targets[p];
      dst[m + p] = i;
      w[p] = w[m + p] = g.weights[p];
    }
  return buildCsr(g.n, src, dst, w);
}
