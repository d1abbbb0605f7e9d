// Products spooled to a temporary file instead of memory (issue 14.4: `validate --format json`
// streams its document). Each product is written as one line `<line>\t<document JSON>` with
// synchronous chunked writes (the pipeline is synchronous per batch; no stream backpressure to
// manage). A late cross-row finding drops products by line; reading back skips them.
// NOTE: a temp file, not a second pass over the catalogue: one pass keeps rows/s, the file keeps
// peak memory flat (1M products are ~1 GB as objects, ~300 MB as JSON text on disk).
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toProductDocument } from "./product-document.js";
import type { Product } from "./types.js";

const CHUNK_CHARS = 1 << 20;

export interface ProductSpool {
  add(product: Product, line: number, sheet: string | undefined): void;
  /** Products at these (first) lines are not read back. */
  drop(lines: ReadonlySet<number>): void;
  /** Flush; call once all products are added. */
  close(): void;
  /** The document JSON of each kept product, in file order. */
  documents(): AsyncIterable<string>;
  /** Remove the temporary file (idempotent; also done at process exit). */
  dispose(): void;
}

export function createProductSpool(): ProductSpool {
  const dir = mkdtempSync(join(tmpdir(), "desbumi-products-"));
  const path = join(dir, "products.jsonl");
  let fd: number | undefined = openSync(path, "wx", 0o600);
  let buffer = "";
  const dropped = new Set<number>();
  /** Every line of a product with variants, for dropping it by any of its rows. */
  const variantLines = new Map<number, number>();
  const flush = (): void => {
    if (fd !== undefined && buffer.length > 0) writeSync(fd, buffer);
    buffer = "";
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
      buffer += `${line}\t${JSON.stringify(toProductDocument(product, line, sheet))}\n`;
      for (const v of product.variants ?? []) if (v.line !== line) variantLines.set(v.line, line);
      if (buffer.length >= CHUNK_CHARS) flush();
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
      // NOTE: read in large chunks and split by hand: readline was a visible share of the time.
      const stream = createReadStream(path, { encoding: "utf8", highWaterMark: CHUNK_CHARS });
      let rest = "";
      for await (const chunk of stream as AsyncIterable<string>) {
        const text = rest + chunk;
        let start = 0;
        for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
          const tab = text.indexOf("\t", start);
          if (dropped.size === 0 || !dropped.has(Number(text.slice(start, tab)))) yield text.slice(tab + 1, end);
          start = end + 1;
        }
        rest = text.slice(start);
      }
    },
    dispose,
  };
}
