// The zip under an .xlsx, read by random access: the central directory at the end of the file
// says where each entry is, and only the entries asked for are read and inflated, in bounded
// chunks, with their inflated bytes counted against the caps in xlsx-limits.ts.
// NOTE: not a sequential unzip (fflate's Unzip): Excel writes sharedStrings.xml after the sheets,
// so a front-to-back stream would have to hold a sheet until the strings arrive, and an unused
// sheet would still be inflated to be skipped. node:zlib's raw inflate is native and streams with
// back-pressure (fflate's Inflate emits a whole pushed chunk's output at once).
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { MAX_ENTRY_BYTES, MAX_PART_BYTES, MAX_TOTAL_BYTES, MAX_ZIP_ENTRIES, XlsxDamaged, XlsxTooLarge } from "./xlsx-limits.js";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory declares it; checked up front, then enforced while inflating. */
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  path: string;
  /** Entry names as written (OPC part names are case-insensitive: see `find`). */
  names: readonly string[];
  find(name: string): ZipEntry | undefined;
  /** Inflated bytes read so far, all entries (each byte counted once, however often an entry is read). */
  budget: { total: number; counted: Map<string, number> };
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const CHUNK_BYTES = 256 * 1024;

/**
 * The archive's directory. Throws XlsxDamaged when the file is not a complete zip (no end record,
 * a directory that does not parse), XlsxTooLarge for an absurd number of entries.
 */
export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + MAX_COMMENT + 20);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new XlsxDamaged("no end of central directory");
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if ((count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const z64 = await readAt(handle, Number(tail.readBigUInt64LE(at - 12)), 56);
      if (z64.length < 56 || z64.readUInt32LE(0) !== ZIP64_EOCD) throw new XlsxDamaged("bad zip64 end record");
      count = Number(z64.readBigUInt64LE(32));
      dirSize = Number(z64.readBigUInt64LE(40));
      dirOffset = Number(z64.readBigUInt64LE(48));
    }
    if (count > MAX_ZIP_ENTRIES) throw new XlsxTooLarge("zip_entries", MAX_ZIP_ENTRIES, "zip");
    if (dirOffset + dirSize > size) throw new XlsxDamaged("central directory past the end");
    const entries = parseDirectory(await readAt(handle, dirOffset, dirSize), count);
    const byName = new Map<string, ZipEntry>();
    for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e);
    return { path, names: entries.map((e) => e.name), find: (name) => byName.get(name.toLowerCase()), budget: { total: 0, counted: new Map() } };
  } finally {
    await handle.close();
  }
}

function parseDirectory(dir: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new XlsxDamaged("bad central directory entry");
    const flags = dir.readUInt16LE(p + 8);
    const method = dir.readUInt16LE(p + 10);
    let compressedSize = dir.readUInt32LE(p + 20);
    let size = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    let localOffset = dir.readUInt32LE(p + 42);
    const name = dir.toString("utf8", p + 46, p + 46 + nameLength);
    // Zip64: the sizes and offset that overflowed 32 bits are in extra field 0x0001, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dir.readUInt16LE(e);
      const len = dir.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        const next = (): number => {
          const v = q + 8 <= e + 4 + len ? Number(dir.readBigUInt64LE(q)) : NaN;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + len;
    }
    if (flags & 1) throw new XlsxDamaged("encrypted entry");
    if (![size, compressedSize, localOffset].every(Number.isFinite)) throw new XlsxDamaged("bad zip64 extra field");
    entries.push({ name, method, compressedSize, size, localOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/**
 * The entry's inflated bytes, in chunks of at most 256 KiB. Stops with XlsxTooLarge as soon as
 * the entry (or all entries read) pass their cap, declared or not; with XlsxDamaged on a bad
 * header, an unknown compression method, or deflate data that does not inflate.
 */
export async function* readEntry(zip: ZipArchive, entry: ZipEntry, maxBytes = MAX_ENTRY_BYTES): AsyncGenerator<Buffer> {
  const { budget } = zip;
  let counted = budget.counted.get(entry.name) ?? 0;
  if (entry.size > maxBytes) throw new XlsxTooLarge("entry_bytes", maxBytes, entry.name);
  if (budget.total + Math.max(0, entry.size - counted) > MAX_TOTAL_BYTES) throw new XlsxTooLarge("total_bytes", MAX_TOTAL_BYTES, entry.name);
  const start = await dataStart(zip.path, entry);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxDamaged(`compression method ${entry.method}`);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(zip.path, { start, end: start + entry.compressedSize - 1, highWaterMark: CHUNK_BYTES });
  const inflated = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: CHUNK_BYTES })) : raw;
  // A read error of the file itself stays a system error; a zlib error means damaged data.
  raw.on("error", (error) => inflated.destroy(error));
  let bytes = 0;
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new XlsxTooLarge("entry_bytes", maxBytes, entry.name);
      if (bytes > counted) {
        budget.total += bytes - counted;
        budget.counted.set(entry.name, (counted = bytes));
        if (budget.total > MAX_TOTAL_BYTES) throw new XlsxTooLarge("total_bytes", MAX_TOTAL_BYTES, entry.name);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof XlsxTooLarge || isSystemError(error)) throw error;
    throw new XlsxDamaged(`entry ${entry.name} does not inflate`);
  } finally {
    raw.destroy();
    inflated.destroy();
  }
}

/** A small part (workbook.xml, rels, styles) as text, or undefined when the zip has no such entry. */
export async function readPartText(zip: ZipArchive, name: string): Promise<string | undefined> {
  const entry = zip.find(name);
  if (!entry) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of readEntry(zip, entry, MAX_PART_BYTES)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function dataStart(path: string, entry: ZipEntry): Promise<number> {
  const handle = await open(path, "r");
  try {
    const header = await readAt(handle, entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new XlsxDamaged(`bad local header of ${entry.name}`);
    return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";
}
