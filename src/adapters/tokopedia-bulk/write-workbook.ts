// Writes template rows as Seller Center upload workbooks, atomically (temp file + rename), so a
// crash never leaves a half-written file that someone might upload.
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  BULK_COLUMNS,
  BULK_GROUPS,
  BULK_SHEET_NAME,
  FIRST_DATA_ROW,
  GROUP_ROW,
  HEADER_ROW,
  EDIT_EXTRA_HEADERS,
  EDIT_SHEET_NAME,
  INSTRUCTION_ROW,
  isOwnWorkbook,
  REFERENCE_SHEETS,
} from "./layout.js";
import type { BulkRow } from "./to-row.js";

/** What the reference sheets list: only what this workbook's rows use. */
export interface ReferenceData {
  /** Category code -> the name the catalogue (or the `categories` map) gives it ("" when unknown). */
  categories: ReadonlyMap<string, string>;
  /** Etalase as the catalogue wrote it -> the code written to `Nomor Etalase` (undefined: a name, left out). */
  etalase: ReadonlyMap<string, string | undefined>;
  /** Courier ids written to `Kurir Pengiriman*` ("" when none are configured). */
  couriers: string;
}

/** The edit workbook's extra cells per row (tokopedia-ubah-NNN.xlsx). */
export interface EditCells {
  productId: string | null;
  /** What changed, in the template's words (`Harga (Rp)*, Status*`). */
  changed: string;
}

export interface WorkbookContent {
  rows: readonly BulkRow[];
  /** Present for the edit workbook: one per row. */
  edits?: readonly EditCells[];
  reference?: ReferenceData;
}

/** One workbook's bytes: the template sheet with rows 1-3 as in Seller Center's file, then the reference sheets. */
export async function buildWorkbook({ rows, edits, reference }: WorkbookContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "desbumi";
  const ws = wb.addWorksheet(edits ? EDIT_SHEET_NAME : BULK_SHEET_NAME, { views: [{ state: "frozen", ySplit: INSTRUCTION_ROW }] });
  // The edit workbook puts `Product ID` and `Yang Berubah` before the template's columns.
  const shift = edits ? EDIT_EXTRA_HEADERS.length : 0;
  ws.columns = [...(edits ? [{ width: 16 }, { width: 28 }] : []), ...BULK_COLUMNS.map((c) => ({ width: c.width }))];
  for (const group of BULK_GROUPS) {
    ws.mergeCells(GROUP_ROW, group.from + shift, GROUP_ROW, group.to + shift);
    ws.getCell(GROUP_ROW, group.from + shift).value = group.title;
  }
  if (edits) ws.getCell(GROUP_ROW, 1).value = "UBAH PRODUK: jangan upload lewat Tambah Produk Sekaligus";
  ws.getRow(GROUP_ROW).font = { bold: true };
  ws.getRow(HEADER_ROW).values = [...(edits ? EDIT_EXTRA_HEADERS : []), ...BULK_COLUMNS.map((c) => c.header)];
  ws.getRow(HEADER_ROW).font = { bold: true };
  ws.getRow(INSTRUCTION_ROW).values = [...(edits ? EDIT_INSTRUCTIONS : []), ...BULK_COLUMNS.map((c) => c.instruction)];
  ws.getRow(INSTRUCTION_ROW).font = { italic: true, color: { argb: "FF666666" } };
  rows.forEach((row, i) => {
    const sheetRow = ws.getRow(FIRST_DATA_ROW + i);
    const edit = edits?.[i];
    if (edit) {
      if (edit.productId !== null) sheetRow.getCell(1).value = edit.productId;
      sheetRow.getCell(2).value = edit.changed;
    }
    BULK_COLUMNS.forEach((column, j) => {
      const value = row[column.field];
      if (value !== null && value !== "") sheetRow.getCell(j + 1 + shift).value = value;
    });
  });
  if (reference) addReferenceSheets(wb, reference);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EDIT_INSTRUCTIONS = [
  "Id produk di Seller Center (kosong: tidak ada di ekspor sebelumnya; cari dengan SKU Name).",
  "Kolom yang berubah. Ubah lewat Seller Center > Ubah Sekaligus, bukan Tambah Produk Sekaligus (akan membuat produk ganda).",
] as const;

function addReferenceSheets(wb: ExcelJS.Workbook, ref: ReferenceData): void {
  const sheet = (name: string, headers: string[], rows: (string | number)[][], note: string): void => {
    const ws = wb.addWorksheet(name);
    ws.columns = headers.map(() => ({ width: 28 }));
    ws.getRow(1).values = headers;
    ws.getRow(1).font = { bold: true };
    rows.forEach((row, i) => (ws.getRow(i + 2).values = row));
    ws.getCell(rows.length + 3, 1).value = note;
    ws.getCell(rows.length + 3, 1).font = { italic: true, color: { argb: "FF666666" } };
  };
  const codes = [...ref.categories.entries()].sort(([a], [b]) => Number(a) - Number(b));
  sheet(REFERENCE_SHEETS.categories, ["Kode Kategori", "Nama di katalog"], codes.map(([code, name]) => [Number(code), name]), "Kategori yang dipakai berkas ini (dari desbumi). Daftar lengkap: lembar kategori Seller Center.");
  const etalase = [...ref.etalase.entries()].sort(([a], [b]) => a.localeCompare(b));
  sheet(
    REFERENCE_SHEETS.etalase,
    ["Etalase di katalog", "Nomor Etalase"],
    etalase.map(([written, code]) => [written, code === undefined ? "(nama, bukan kode: tidak ditulis; produk masuk etalase bawaan)" : Number(code)]),
    "Nomor Etalase hanya menerima kode dari Daftar Etalase di Seller Center; nama dikosongkan.",
  );
  sheet(
    REFERENCE_SHEETS.couriers,
    ["ID Kurir"],
    ref.couriers === "" ? [["(kosong: isi \"couriers\" di desbumi.config.json)"]] : ref.couriers.split(",").map((id) => [Number(id)]),
    "ID kurir yang ditulis di Kurir Pengiriman* (dari \"couriers\" di desbumi.config.json; daftar ID di Seller Center).",
  );
}

/** Write `bytes` to `dir/name` so readers see either the old file or the whole new one. */
export async function writeFileAtomic(dir: string, name: string, bytes: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}

/**
 * Remove numbered upload workbooks this run did not write (left from an earlier, larger run), so
 * the folder holds exactly one upload. Only our own file names are touched.
 */
export async function removeStaleWorkbooks(dir: string, keep: ReadonlySet<string>): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const stale = names.filter((n) => isOwnWorkbook(n) && !keep.has(n));
  for (const name of stale) await rm(join(dir, name), { force: true });
  return stale;
}
