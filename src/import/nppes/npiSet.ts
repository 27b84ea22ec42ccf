// The NPIs staged so far, to notice an NPI listed twice while reading (a first load merged during
// the read must not insert it twice). The readers send each batch's NPIs as numbers and the main
// thread adds them here, so a repeat across two readers' halves is seen too. Open addressing over
// an Int32Array keyed by the first nine digits (the tenth is their check digit, and only valid
// NPIs are staged): a million NPIs take 8 MB, against ≈ 60 MB for a Set of their strings.

export class NpiSet {
  private slots = new Int32Array(1 << 16);
  private mask = (1 << 16) - 1;
  size = 0;

  /** Adds a valid 10-digit NPI (as a number); false when it was already there. */
  add(npi: number): boolean {
    const v = Math.floor(npi / 10) + 1; // 0 marks an empty slot; < 2^31
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
    // NPIs are near-sequential numbers: mix the bits so they spread over the table
    let h = Math.imul(v, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) & this.mask;
  }

  private grow() {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      let i = this.slot(v);
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = v;
    }
  }
}
