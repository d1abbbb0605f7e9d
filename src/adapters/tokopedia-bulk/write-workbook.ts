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
  INSTRUCTION_ROW,
  WORKBOOK_NAME_PATTERN,
} from "./layout.js";
import type { BulkRow } from "./to-row.js";

/** One workbook's bytes: the template sheet with rows 1-3 as in Seller Center's file. */
export async function buildWorkbook(rows: readonly BulkRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "desbumi";
  const ws = wb.addWorksheet(BULK_SHEET_NAME, { views: [{ state: "frozen", ySplit: INSTRUCTION_ROW }] });
  ws.columns = BULK_COLUMNS.map((c) => ({ width: c.width }));
  for (const group of BULK_GROUPS) {
    ws.mergeCells(GROUP_ROW, group.from, GROUP_ROW, group.to);
    ws.getCell(GROUP_ROW, group.from).value = group.title;
  }
  ws.getRow(GROUP_ROW).font = { bold: true };
  ws.getRow(HEADER_ROW).values = BULK_COLUMNS.map((c) => c.header);
  ws.getRow(HEADER_ROW).font = { bold: true };
  ws.getRow(INSTRUCTION_ROW).values = BULK_COLUMNS.map((c) => c.instruction);
  ws.getRow(INSTRUCTION_ROW).font = { italic: true, color: { argb: "FF666666" } };
  rows.forEach((row, i) => {
    const sheetRow = ws.getRow(FIRST_DATA_ROW + i);
    BULK_COLUMNS.forEach((column, j) => {
      const value = row[column.field];
      if (value !== null && value !== "") sheetRow.getCell(j + 1).value = value;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
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
  const stale = names.filter((n) => WORKBOOK_NAME_PATTERN.test(n) && !keep.has(n));
  for (const name of stale) await rm(join(dir, name), { force: true });
  return stale;
}
