// Writes a pulled catalogue as CSV (with the `sep=,` line `desbumi template` writes) or XLSX (one
// sheet, numbers as numbers, SKUs as text), never over an existing file unless asked.
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { protectFormula, quoteCsvCell } from "../catalog/write-csv.js";
import { UsageError } from "../errors.js";
import { text } from "../i18n.js";
import { RUPIAH_FORMAT, TEMPLATE_COLUMNS, TEMPLATE_SHEET_NAME } from "../template/columns.js";
import type { PullCell } from "./rows.js";

export type PullFormat = "csv" | "xlsx";

export interface PullTable {
  headers: readonly string[];
  rows: readonly (readonly PullCell[])[];
}

export function buildPulledCsv(table: PullTable): string {
  const line = (cells: readonly PullCell[]): string => cells.map((c) => quoteCsvCell(protectFormula(String(c)))).join(",");
  return `${["sep=,", line(table.headers), ...table.rows.map(line)].join("\r\n")}\r\n`;
}

export async function buildPulledXlsx(table: PullTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "desbumi";
  const ws = wb.addWorksheet(TEMPLATE_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = table.headers.map((header) => {
    const known = TEMPLATE_COLUMNS.find((c) => c.header === header);
    return { width: known?.width ?? 16, ...(known?.numFmt === RUPIAH_FORMAT ? { style: { numFmt: RUPIAH_FORMAT } } : {}) };
  });
  ws.getRow(1).values = [...table.headers];
  ws.getRow(1).font = { bold: true };
  table.rows.forEach((row, i) => {
    const sheetRow = ws.getRow(i + 2);
    // NOTE: "" cells stay empty (not an empty string), as a facilitator's own sheet would be.
    row.forEach((value, j) => {
      if (value !== "") sheetRow.getCell(j + 1).value = value;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Write `bytes` to `path` (absolute); `file` is the name as the user gave it, for messages. */
export async function writePulledFile(path: string, file: string, bytes: Buffer | string, opts: { force: boolean }): Promise<void> {
  try {
    if (opts.force) await replaceFile(path, bytes);
    else await writeFile(path, bytes, { flag: "wx" });
  } catch (error) {
    throw writeError(error, file);
  }
}

/** Temp file + rename, so a crash never leaves half a catalogue in place of the old file. */
async function replaceFile(path: string, bytes: Buffer | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function writeError(error: unknown, file: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST") {
    return new UsageError(
      text(`${file} sudah ada; tidak ditimpa. Pakai nama lain (-o), atau --force untuk menimpanya.`, `${file} already exists; not overwritten. Choose another name (-o), or use --force to replace it.`),
    );
  }
  if (code === "ENOENT") return new UsageError(text(`Folder untuk ${file} tidak ada.`, `The folder for ${file} does not exist.`));
  if (code === "EACCES" || code === "EPERM" || code === "EISDIR") return new UsageError(text(`Tidak bisa menulis ${file} (${code}).`, `Cannot write ${file} (${code}).`));
  throw error;
}
