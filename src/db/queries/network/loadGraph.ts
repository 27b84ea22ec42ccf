// Stream network_edges into typed arrays with COPY (text format) — at 20M edges, row objects
// from a SELECT would cost gigabytes; COPY text is parsed straight into a CSR.
import { to as copyTo } from 'pg-copy-streams';
import { buildCsr, type Graph, nodeNumbering } from '../../../core/network/graph';
import type { Database } from '../../connection';

const EDGE_COPY = 'COPY (select source_npi, target_npi, weight from network_edges) TO STDOUT';

class Growable {
  src = new Uint32Array(1 << 16);
  dst = new Uint32Array(1 << 16);
  w = new Float64Array(1 << 16);
  length = 0;
  push(s: number, d: number, w: number) {
    if (this.length === this.src.length) {
      const grow = <T extends Uint32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.src = grow(this.src);
      this.dst = grow(this.dst);
      this.w = grow(this.w);
    }
    this.src[this.length] = s;
    this.dst[this.length] = d;
    this.w[this.length++] = w;
  }
}

export async function loadGraph(database: Database, onEdges?: (n: number) => void): Promise<Graph> {
  const { ids, index, idOf } = nodeNumbering();
  const edges = new Growable();
  let rest = '';
  const eat = (chunk: string) => {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const t1 = text.indexOf('\t', start);
      const t2 = text.indexOf('\t', t1 + 1);
      edges.push(idOf(text.slice(start, t1)), idOf(text.slice(t1 + 1, t2)), Number(text.slice(t2 + 1, nl)));
      start = nl + 1;
      if ((edges.length & 0xfffff) === 0) onEdges?.(edges.length);
    }
    rest = text.slice(start);
  };
  if (database.kind === 'pglite') {
    const r = await database.pglite!.query(EDGE_COPY.replace('TO STDOUT', "TO '/dev/blob'"));
    eat(await r.blob!.text());
  } else {
    const client = await database.pool.connect();
    try {
      const stream = client.query(copyTo(EDGE_COPY));
      stream.setEncoding('utf8');
      for await (const chunk of stream) eat(chunk as string);
    } finally {
      client.release();
    }
  }
  onEdges?.(edges.length);
  const n = ids.length;
  return {
    ids,
    index,
    out: buildCsr(
      n,
      edges.src.subarray(0, edges.length),
      edges.dst.subarray(0, edges.length),
      edges.w.subarray(0, edges.length),
    ),
  };
}
