// Compact "first line per key" memory for cross-row rules on million-row files.
//
// NOTE: a Map<string, number> of 1M SKUs costs well over 100 MB; the benchmark wants peak
// memory at 1M rows within 1.5x of 100k. So each key is reduced to a 53-bit hash kept in a
// Float64Array next to its first line in a Uint32Array. Two different keys sharing a 53-bit
// hash would be reported as duplicates; at 1M distinct keys the chance of any such pair is about
// n^2/2^54 ~ 1 in 18,000 files. That rare false positive is accepted: the report names both
// lines, so a person sees it.

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

// NOTE (memory shape): entries live in fixed-size pages that are never copied or freed, chained
// per bucket; growing only doubles the small bucket-head array and relinks. An open-addressing
// table instead copies itself on every growth, and those dead copies (typed arrays: external
// memory, collected late) doubled peak memory at 1M rows. An entry is 16 bytes in one piece
// (hash, next, line: one cache line, as a lookup in a big table is a cache miss per piece),
// plus <= 4 bytes of heads; at most 2 entries per bucket on average.
const PAGE_BITS = 13;
const PAGE = 1 << PAGE_BITS; // entries per page
const PAGE_MASK = PAGE - 1;
const INITIAL_BUCKETS = 1 << 10;
const MAX_CHAIN = 2;

/** The hash's low 32 bits (exact: it is an integer below 2^53) under a power-of-two mask. */
const bucketOf = (hash: number, buckets: number): number => (hash >>> 0) & (buckets - 1);

/** Two views of one buffer: entry `at` is hashes[2at] and words[4at+2] (next: index + 1, 0 ends the chain), words[4at+3] (line). */
interface Page {
  hashes: Float64Array;
  words: Uint32Array;
}

function newPage(): Page {
  const buffer = new ArrayBuffer(PAGE * 16);
  return { hashes: new Float64Array(buffer), words: new Uint32Array(buffer) };
}

export class KeyLineTable {
  private heads = new Uint32Array(INITIAL_BUCKETS);
  private readonly pages: Page[] = [];
  private size = 0;

  /** Remembers `line` (>= 1) for `hash` if new and returns 0; otherwise returns the first line seen. */
  firstLine(hash: number, line: number): number {
    const buckets = this.heads.length;
    const bucket = bucketOf(hash, buckets);
    for (let ref = this.heads[bucket]!; ref !== 0; ) {
      const i = ref - 1;
      const page = this.pages[i >>> PAGE_BITS]!;
      const at = i & PAGE_MASK;
      if (page.hashes[2 * at] === hash) return page.words[4 * at + 3]!;
      ref = page.words[4 * at + 2]!;
    }
    const i = this.size++;
    if ((i & PAGE_MASK) === 0) this.pages.push(newPage());
    const page = this.pages[i >>> PAGE_BITS]!;
    const at = i & PAGE_MASK;
    page.hashes[2 * at] = hash;
    page.words[4 * at + 2] = this.heads[bucket]!;
    page.words[4 * at + 3] = line;
    this.heads[bucket] = i + 1;
    if (this.size > buckets * MAX_CHAIN) this.rehash(buckets * 2);
    return 0;
  }

  private rehash(buckets: number): void {
    const heads = new Uint32Array(buckets);
    for (let i = 0; i < this.size; i++) {
      const page = this.pages[i >>> PAGE_BITS]!;
      const at = i & PAGE_MASK;
      const bucket = bucketOf(page.hashes[2 * at]!, buckets);
      page.words[4 * at + 2] = heads[bucket]!;
      heads[bucket] = i + 1;
    }
    this.heads = heads;
  }
}
