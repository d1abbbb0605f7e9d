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

// NOTE: 64 independently growing shards (not one big table) so growing never holds two copies
// of everything at once, and growth by 1.5x at 85% load keeps the tables close to full: at 1M
// keys a table is ~17 MB instead of the ~37 MB peak of one power-of-two table.
const SHARDS = 64;
const INITIAL_SLOTS = 256;
const MAX_LOAD = 0.85;
const SHARD_DIVISOR = 2 ** 47; // top 6 of the 53 hash bits pick the shard

interface Shard {
  keys: Float64Array;
  lines: Uint32Array;
  size: number;
}

const newShard = (slots: number): Shard => ({ keys: new Float64Array(slots), lines: new Uint32Array(slots), size: 0 });

export class KeyLineTable {
  private readonly shards: Shard[] = Array.from({ length: SHARDS }, () => newShard(INITIAL_SLOTS));

  /** Remembers `line` (>= 1) for `hash` if new and returns 0; otherwise returns the first line seen. */
  firstLine(hash: number, line: number): number {
    const shard = this.shards[Math.floor(hash / SHARD_DIVISOR) % SHARDS]!;
    if (shard.size + 1 > shard.keys.length * MAX_LOAD) grow(shard);
    return probe(shard, hash, line);
  }
}

function probe(shard: Shard, hash: number, line: number): number {
  const { keys, lines } = shard;
  const slots = keys.length;
  let slot = hash % slots;
  while (lines[slot] !== 0) {
    if (keys[slot] === hash) return lines[slot]!;
    slot = slot + 1 === slots ? 0 : slot + 1;
  }
  keys[slot] = hash;
  lines[slot] = line;
  shard.size++;
  return 0;
}

function grow(shard: Shard): void {
  const { keys, lines } = shard;
  const bigger = newShard(Math.ceil(keys.length * 1.5));
  for (let i = 0; i < keys.length; i++) if (lines[i] !== 0) probe(bigger, keys[i]!, lines[i]!);
  shard.keys = bigger.keys;
  shard.lines = bigger.lines;
  shard.size = bigger.size;
}
