// Writes a pulled catalogue as CSV (with the `sep=,` line `desbumi template` writes) or XLSX (one
// sheet, numbers as numbers, SKUs as text), never over an existing file unless asked.
import ExcelJS from "exceljs";
import { protectFormula, quoteCsvCell } from "../catalog/write-csv.js";
import { RUPIAH_FORMAT, TEMPLATE_COLUMNS, TEMPLATE_SHEET_NAME } from "../template/columns.js";
import { writeNewFile } from "../template/write-new-file.js";
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
  await writeNewFile(path, file, bytes, { force: opts.force, nameFlag: "-o" });
}
