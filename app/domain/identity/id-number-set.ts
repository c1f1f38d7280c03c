// The ID numbers already seen in one import file, with the row each was first seen on: a
// million-row roster's in-file duplicate check in about 24 MB of typed arrays, where a Map of
// strings took over 100 MB of heap and the garbage collector's time with it.
//
// A valid ID number is 17 digits and a check character those digits determine, so the 17
// digits alone identify it exactly: two 32-bit halves (the first 9 digits, the last 8), no
// hashing and no chance of a false duplicate. The table is open addressing with linear
// probing, kept at most half full, grown by doubling.

/** The first row a number was seen on, or undefined (then it is recorded as seen on `row`). */
export interface FirstSeen {
  firstRow(key: string, row: number): number | undefined;
}

/** The default for any column: a Map of its keys. */
export class MapFirstSeen implements FirstSeen {
  private readonly seen = new Map<string, number>();
  firstRow(key: string, row: number): number | undefined {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, row);
    return first;
  }
}

const INITIAL_SLOTS = 1 << 12;

/** In-file duplicates of normalised 18-character ID numbers (parseIdNumber's output). */
export class IdNumberSeen implements FirstSeen {
  private high = new Uint32Array(INITIAL_SLOTS);
  private low = new Uint32Array(INITIAL_SLOTS);
  /** Row + 1 per slot; 0 marks an empty slot. */
  private rows = new Uint32Array(INITIAL_SLOTS);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Bytes the table holds (for the import's memory figures). */
  get bytes(): number {
    return this.rows.length * 12;
  }

  firstRow(key: string, row: number): number | undefined {
    if (key.length !== 18) throw new RangeError("not a normalised ID number");
    const high = Number(key.slice(0, 9));
    const low = Number(key.slice(9, 17));
    const found = this.find(high, low);
    if (this.rows[found] !== 0) return (this.rows[found] as number) - 1;
    this.high[found] = high;
    this.low[found] = low;
    this.rows[found] = row + 1;
    if (++this.count * 2 > this.rows.length) this.grow();
    return undefined;
  }

  /** The slot holding the number, or the empty slot where it belongs. */
  private find(high: number, low: number): number {
    const mask = this.rows.length - 1;
    // Mixes both halves (multiplicative hashing) so numbers that differ in any digit spread.
    let slot = (Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b) >>> 7) & mask;
    while (this.rows[slot] !== 0) {
      if (this.high[slot] === high && this.low[slot] === low) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const { high, low, rows } = this;
    const slots = rows.length * 2;
    this.high = new Uint32Array(slots);
    this.low = new Uint32Array(slots);
    this.rows = new Uint32Array(slots);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const slot = this.find(high[i] as number, low[i] as number);
      this.high[slot] = high[i] as number;
      this.low[slot] = low[i] as number;
      this.rows[slot] = rows[i] as number;
    }
  }
}
