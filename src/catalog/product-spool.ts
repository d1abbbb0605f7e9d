// Products spooled to a temporary file instead of memory (issue 14.4: `validate --format json`
// streams its document). Each product is written as one line of document JSON (JSON.stringify
// never writes a raw line break) with synchronous chunked writes (the pipeline is synchronous per
// batch; no stream backpressure to manage). A late cross-row finding drops products by line;
// reading back skips them.
// NOTE: a temp file, not a second pass over the catalogue: one pass keeps rows/s, the file keeps
// peak memory flat (1M products are ~1 GB as objects, ~300 MB as JSON text on disk).
// NOTE: the json report reads the file back as its products list in large chunks (`listBody`),
// each line break turned into the list's separator by one native replace; splitting it into one
// string per product and joining them again was a fifth of `validate --format json`'s time.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { productDocumentJson } from "./product-document.js";
import type { Product } from "./types.js";

const CHUNK_CHARS = 1 << 20;
const CHUNK_BYTES = 1 << 20;

export interface ProductSpool {
  add(product: Product, line: number, sheet: string | undefined): void;
  /** Products at these (first) lines are not read back. */
  drop(lines: ReadonlySet<number>): void;
  /** Flush; call once all products are added. */
  close(): void;
  /** The document JSON of each kept product, in file order. */
  documents(): AsyncIterable<string>;
  /**
   * The kept products as the body of a JSON list, in chunks: each document on its own line after
   * `indent`, separated by commas (`\n<indent>{...},\n<indent>{...}`); nothing when none is kept.
   */
  listBody(indent: string): AsyncIterable<string>;
  /** Remove the temporary file (idempotent; also done at process exit). */
  dispose(): void;
}

export function createProductSpool(): ProductSpool {
  const dir = mkdtempSync(join(tmpdir(), "desbumi-products-"));
  const path = join(dir, "products.jsonl");
  let fd: number | undefined = openSync(path, "wx", 0o600);
  // NOTE: documents are encoded straight into one reused buffer: appending them to a string made a
  // 1 MB string per chunk out of thousands of pieces, and collecting those was a tenth of the time.
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  const dropped = new Set<number>();
  /** A document JSON's own line: its last `"line":` key (only `sheet` follows it; see product-document.ts). */
  const isDropped = (document: string): boolean => dropped.size > 0 && dropped.has(lineOf(document));
  /** Every line of a product with variants, for dropping it by any of its rows. */
  const variantLines = new Map<number, number>();
  const flush = (): void => {
    if (fd !== undefined) writeAll(fd, chunk, used);
    used = 0;
  };
  const dispose = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", dispose);
  };
  process.on("exit", dispose);
  return {
    add(product, line, sheet) {
      const text = `${productDocumentJson(product, line, sheet)}\n`;
      // A UTF-16 unit is at most 3 bytes of UTF-8.
      if (used + text.length * 3 > CHUNK_BYTES) flush();
      if (text.length * 3 > CHUNK_BYTES) {
        if (fd !== undefined) writeAll(fd, Buffer.from(text, "utf8"));
      } else used += chunk.write(text, used, "utf8");
      for (const v of product.variants ?? []) if (v.line !== line) variantLines.set(v.line, line);
    },
    drop(lines) {
      for (const line of lines) {
        const owner = variantLines.get(line) ?? line;
        dropped.add(owner);
      }
    },
    close() {
      flush();
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
    async *documents() {
      for await (const chunk of lines(path)) for (const document of chunk) if (!isDropped(document)) yield document;
    },
    async *listBody(indent) {
      const separator = `,\n${indent}`;
      if (dropped.size > 0) {
        let first = true;
        for await (const chunk of lines(path)) {
          let text = "";
          for (const document of chunk) {
            if (isDropped(document)) continue;
            text += `${first ? `\n${indent}` : separator}${document}`;
            first = false;
          }
          if (text !== "") yield text;
        }
        return;
      }
      // Nothing dropped: the file is the list already, but for its line breaks. A chunk's last
      // break becomes a separator only once more text follows (the file ends with one).
      let started = false;
      let pending = false;
      for await (const chunk of readChunks(path)) {
        if (chunk === "") continue;
        const ends = chunk.endsWith("\n");
        const text = (ends ? chunk.slice(0, -1) : chunk).replaceAll("\n", separator);
        const lead = !started ? `\n${indent}` : pending ? separator : "";
        started = true;
        pending = ends;
        if (lead !== "" || text !== "") yield lead + text;
      }
    },
    dispose,
  };
}

/**
 * The product's line in its document JSON: the value of its last `"line":` key. Variants' lines
 * come before it, only `sheet` after, and a `"` inside a JSON string is always escaped, so no
 * value can hold that text.
 */
export function lineOf(document: string): number {
  const at = document.lastIndexOf('"line":');
  return at < 0 ? NaN : Number.parseInt(document.slice(at + 7, at + 24), 10);
}

function writeAll(fd: number, bytes: Buffer, length = bytes.length): void {
  for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
}

function readChunks(path: string): AsyncIterable<string> {
  return createReadStream(path, { encoding: "utf8", highWaterMark: CHUNK_CHARS }) as AsyncIterable<string>;
}

/** The file's lines (without their line breaks), a chunk's worth at a time. */
async function* lines(path: string): AsyncGenerator<string[]> {
  // NOTE: read in large chunks and split by hand: readline was a visible share of the time.
  let rest = "";
  for await (const chunk of readChunks(path)) {
    const text = rest + chunk;
    const out: string[] = [];
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      out.push(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
    if (out.length > 0) yield out;
  }
}
