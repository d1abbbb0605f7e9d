// Compact "first line per key" memory for cross-row rules on million-row files.
//
// NOTE: a Map<string, number> of 1M SKUs costs well over 100 MB; the benchmark wants peak
// memory at 1M rows within 1.5x of 100k. So each key is reduced to a 53-bit hash kept in a
// Float64Array (open addressing, linear probing) next to its first line in a Uint32Array:
// 12 bytes a slot. Two different keys sharing a 53-bit hash would be reported as duplicates;
// at 1M distinct keys the chance of any such pair is about n^2/2^54 ~ 1 in 18,000 files.
// That rare false positive is accepted: the report names both lines, so a person sees it.

/** Two independent 32-bit FNV/murmur-style mixes over UTF-16 units, joined to 53 bits. */
export function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x2f1e3d4b;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ s.length, 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 11) * 0x100000000 + (h2 >>> 0);
}

const INITIAL_SLOTS = 1 << 10;

export class KeyLineTable {
  private keys = new Float64Array(INITIAL_SLOTS);
  private lines = new Uint32Array(INITIAL_SLOTS);
  private size = 0;

  /** Remembers `line` for `hash` if new and returns 0; otherwise returns the first line seen. */
  firstLine(hash: number, line: number): number {
    if ((this.size + 1) * 4 > this.keys.length * 3) this.grow();
    const mask = this.keys.length - 1;
    let slot = (hash % this.keys.length) & mask;
    while (this.lines[slot] !== 0) {
      if (this.keys[slot] === hash) return this.lines[slot]!;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = hash;
    this.lines[slot] = line;
    this.size++;
    return 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.lines = new Uint32Array(oldKeys.length * 2);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldLines[i] !== 0) this.firstLine(oldKeys[i]!, oldLines[i]!);
    }
  }
}
