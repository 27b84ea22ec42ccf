// The NPIs a reader has staged, to notice an NPI listed twice while reading (a first load merged
// during the read must not insert it twice). Open addressing over a Float64Array: a million NPIs
// take 16 MB, against ≈ 60 MB for a Set of their strings in every reader thread.

export class NpiSet {
  private slots = new Float64Array(1 << 16);
  private mask = (1 << 16) - 1;
  size = 0;

  /** Adds a 10-digit NPI; false when it was already there. */
  add(npi: string): boolean {
    const v = Number(npi) + 1; // 0 marks an empty slot
    for (let i = this.slot(v); ; i = (i + 1) & this.mask) {
      const s = this.slots[i]!;
      if (s === v) return false;
      if (s === 0) {
        this.slots[i] = v;
        if (++this.size * 2 > this.slots.length) this.grow();
        return true;
      }
    }
  }

  private slot(v: number) {
    // NPIs are near-sequential numbers: mix both 32-bit halves so they spread over the table
    let h = Math.imul((v % 0x100000000) ^ Math.imul(Math.floor(v / 0x100000000), 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) & this.mask;
  }

  private grow() {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      let i = this.slot(v);
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = v;
    }
  }
}
