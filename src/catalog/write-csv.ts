// The canonical catalogue as CSV: UTF-8, comma-separated, LF line ends, canonical headers, one
// row per single-SKU product or per variant, images joined by `|` (columns: canonical-columns.ts).
// What `desbumi normalize` writes.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { once } from "node:events";
import { PRODUCT_FIELDS, type Product } from "./types.js";
import { canonicalColumns, canonicalRows, IMAGE_SEPARATOR, type CanonicalColumn } from "./canonical-columns.js";

/** The v1 headers: what a catalogue without variants, attributes or certificates is written with. */
export const CANONICAL_HEADERS: readonly string[] = PRODUCT_FIELDS;
export { IMAGE_SEPARATOR };

/**
 * Spreadsheet formula injection (CWE-1236): a cell starting with one of these is run as a formula
 * by Excel/LibreOffice/Sheets when the CSV is opened. Such cells get a leading `'`, which
 * spreadsheets show as a plain-text marker. NOTE: the `'` is part of the written text; see the
 * README for how reading a normalized file treats it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const protectFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** RFC 4180 quoting: only when the cell holds a comma, a quote or a line break. */
export const quoteCsvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const line = (cells: readonly string[]): string => `${cells.map((c) => quoteCsvCell(protectFormula(c))).join(",")}\n`;

/** A single-SKU product as one line under the v1 headers. */
export function formatCsvRow(product: Product): string {
  return line(canonicalColumns([]).map((c) => c.cell({ product })));
}

/**
 * The header line, then one line per product or variant; each ends with "\n". Lazy over the rows
 * (the header needs one look at the products first: which v2 columns any of them has).
 */
export function* canonicalCsvLines(products: readonly Product[]): Generator<string> {
  const columns: CanonicalColumn[] = canonicalColumns(products);
  yield line(columns.map((c) => c.header));
  for (const row of canonicalRows(products)) yield line(columns.map((c) => c.cell(row)));
}

export const formatCanonicalCsv = (products: readonly Product[]): string => [...canonicalCsvLines(products)].join("");

/**
 * Write atomically: into a temporary file next to `path`, then rename over it, so a crash or a
 * full disk never leaves a half-written catalogue where the old one was.
 */
export async function writeCanonicalCsv(products: readonly Product[], path: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const out = createWriteStream(temp, { encoding: "utf8", flags: "wx" });
  try {
    await once(out, "open");
    for (const line of canonicalCsvLines(products)) {
      if (!out.write(line)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    await rename(temp, path);
  } catch (error) {
    out.destroy();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
