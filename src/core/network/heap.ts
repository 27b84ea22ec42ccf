// A binary min-heap of (key, node) over typed arrays with lazy deletion: pushing a node again with
// a smaller key is allowed and stale entries are skipped by the caller (cheaper than decrease-key).
export class MinHeap {
  private keys: Float64Array;
  private nodes: Uint32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Uint32Array(capacity);
  }

  clear() {
    this.size = 0;
  }

  push(key: number, node: number) {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.nodes[i] = this.nodes[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Smallest key (call only when size > 0). */
  topKey(): number {
    return this.keys[0];
  }

  /** Remove the smallest entry and return its node. */
  pop(): number {
    const top = this.nodes[0];
    const last = --this.size;
    const key = this.keys[last];
    const node = this.nodes[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.keys[i] = this.keys[c];
      this.nodes[i] = this.nodes[c];
      i = c;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }

  private grow() {
    const k = new Float64Array(this.keys.length * 2);
    k.set(this.keys);
    const n = new Uint32Array(this.nodes.length * 2);
    n.set(this.nodes);
    this.keys = k;
    this.nodes = n;
  }
}
