// Reads a previous bulk-upload export (one workbook, or a folder of them) back into listings, so a
// sync can plan only the rows that changed. Columns are found by header text, so both template
// layouts (A: 23 columns, B: 20) and Seller Center's own edit export read the same way.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import readXlsxFile from "read-excel-file/node";
import type { Listing } from "../../plan/types.js";
import { BULK_SHEET_NAME, isOwnWorkbook } from "./layout.js";

type ExportField =
  | "name"
  | "description"
  | "categoryId"
  | "weight"
  | "min_order"
  | "etalase"
  | "condition"
  | "sku"
  | "status"
  | "stock"
  | "price"
  | "image"
  | "productId";

/** Header text folded (lower case, `*` and punctuation gone) -> field. */
const HEADER_FIELDS: Record<string, ExportField> = {
  "nama produk": "name",
  "deskripsi produk": "description",
  "kode kategori": "categoryId",
  "kategori kode": "categoryId",
  "berat gram": "weight",
  "minimum pemesanan": "min_order",
  "nomor etalase": "etalase",
  "etalase kode": "etalase",
  kondisi: "condition",
  "sku name": "sku",
  "sku produk": "sku",
  status: "status",
  "jumlah stok": "stock",
  "harga rp": "price",
  // Seller Center's "Ubah Sekaligus" export, and desbumi's own tokopedia-ubah workbooks.
  "product id": "productId",
};
const IMAGE_HEADER = /^(?:foto produk|gambar) [1-5]$/;
/** The header row is looked for this far down (the templates use row 2; some copies row 3 or 4). */
const HEADER_SEARCH_ROWS = 10;

export interface ExportRead {
  listings: Listing[];
  /** Workbooks read, in order. */
  files: string[];
  /** Data rows without a SKU Name: they cannot be matched to catalogue rows. */
  rowsWithoutSku: number;
  /** SKU -> Seller Center product id, where the export has a `Product ID` column. */
  productIds: Map<string, string>;
}

/** The workbooks a `previous` path means: the file itself, or the folder's upload workbooks. */
export async function listExportFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => !n.startsWith(".") && n.toLowerCase().endsWith(".xlsx"));
  const ours = names.filter(isOwnWorkbook);
  return (ours.length > 0 ? ours : names).sort().map((n) => join(path, n));
}

export async function readExport(path: string): Promise<ExportRead> {
  const files = await listExportFiles(path);
  const bySku = new Map<string, Listing>();
  let rowsWithoutSku = 0;
  const productIds = new Map<string, string>();
  for (const file of files) {
    const sheets = await readXlsxFile(file);
    const sheet = sheets.find((s) => s.sheet === BULK_SHEET_NAME) ?? sheets[0];
    if (!sheet) continue;
    const read = readRows(sheet.data as unknown[][]);
    rowsWithoutSku += read.rowsWithoutSku;
    // A later workbook wins: it was written (or exported) after the earlier one.
    for (const listing of read.listings) bySku.set(listing.sku, listing);
    for (const [sku, id] of read.productIds) productIds.set(sku, id);
  }
  return { listings: [...bySku.values()], files, rowsWithoutSku, productIds };
}

export const foldHeader = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function readRows(data: unknown[][]): { listings: Listing[]; rowsWithoutSku: number; productIds: Map<string, string> } {
  const productIds = new Map<string, string>();
  const headerIndex = data.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((c) => typeof c === "string" && foldHeader(c) === "nama produk"));
  if (headerIndex < 0) return { listings: [], rowsWithoutSku: 0, productIds };
  const columns = mapColumns(data[headerIndex] ?? []);
  const listings: Listing[] = [];
  let rowsWithoutSku = 0;
  for (const row of data.slice(headerIndex + 1)) {
    const cell = (field: ExportField): unknown => {
      const index = columns.get(field)?.[0];
      return index === undefined ? null : row[index];
    };
    // The instruction row (and any note row) has words where the price goes.
    const price = wholeNumber(cell("price"));
    if (price === undefined) continue;
    const sku = text(cell("sku"));
    if (sku === "") {
      rowsWithoutSku += 1;
      continue;
    }
    const productId = text(cell("productId"));
    if (/^\d+$/.test(productId)) productIds.set(sku, productId);
    listings.push({
      id: sku,
      sku,
      name: text(cell("name")),
      description: text(cell("description")),
      price,
      stock: wholeNumber(cell("stock")) ?? 0,
      weight: wholeNumber(cell("weight")) ?? 0,
      categoryId: text(cell("categoryId")),
      condition: /^bekas$/i.test(text(cell("condition"))) ? "USED" : "NEW",
      status: /^nonaktif$/i.test(text(cell("status"))) ? "inactive" : "active",
      min_order: wholeNumber(cell("min_order")) ?? 1,
      etalase: text(cell("etalase")),
      images: (columns.get("image") ?? []).map((i) => text(row[i])).filter((url) => url !== ""),
    });
  }
  return { listings, rowsWithoutSku, productIds };
}

function mapColumns(header: unknown[]): Map<ExportField, number[]> {
  const columns = new Map<ExportField, number[]>();
  header.forEach((cell, index) => {
    if (typeof cell !== "string") return;
    const folded = foldHeader(cell);
    const field = IMAGE_HEADER.test(folded) ? "image" : HEADER_FIELDS[folded];
    if (!field) return;
    const list = columns.get(field) ?? [];
    list.push(index);
    columns.set(field, list);
  });
  return columns;
}

const text = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
};

function wholeNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
