// Builds the empty catalogue (xlsx with column notes, or CSV) and writes it without clobbering.
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { UsageError } from "../errors.js";
import { text } from "../i18n.js";
import { writeNewFile } from "./write-new-file.js";
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET_NAME } from "./columns.js";
import { INSTRUCTIONS, INSTRUCTIONS_SHEET_NAME } from "./instructions.js";
import { quoteCsvCell } from "../catalog/write-csv.js";

export type TemplateFormat = "xlsx" | "csv";

/** The format a file name asks for; anything else is a usage error naming the two that work. */
export function templateFormatOf(file: string): TemplateFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".csv") return "csv";
  throw new UsageError(
    text(
      `Tidak bisa membuat templat "${file}": akhiran nama harus .xlsx atau .csv${ext === ".xls" ? " (format .xls lama tidak didukung, pakai .xlsx)" : ""}`,
      `Cannot write a template to "${file}": the name must end in .xlsx or .csv${ext === ".xls" ? " (the old .xls format is not supported, use .xlsx)" : ""}`,
    ),
  );
}

export async function buildTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "desbumi";
  const ws = wb.addWorksheet(TEMPLATE_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  TEMPLATE_COLUMNS.forEach((column, i) => {
    const header = ws.getCell(1, i + 1);
    header.value = column.header;
    header.font = { bold: true };
    header.note = `${column.note.id}\n\n${column.note.en}`;
    if (column.example !== "") ws.getCell(2, i + 1).value = column.example;
  });
  // NOTE: after the catalogue sheet, so the reader (which reads the first sheet) never reads it.
  const help = wb.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  help.getColumn(1).width = 110;
  INSTRUCTIONS.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * NOTE: the first line `sep=,` makes Excel split on commas whatever the computer's list separator
 * (Indonesian Windows uses `;`, and would otherwise show every row in column A). desbumi's reader
 * honours that line; other spreadsheets show it as a first row, which the reader skips as a title.
 */
export function buildTemplateCsv(): string {
  const lines = [
    "sep=,",
    TEMPLATE_COLUMNS.map((c) => quoteCsvCell(c.header)).join(","),
    TEMPLATE_COLUMNS.map((c) => quoteCsvCell(String(c.example))).join(","),
  ];
  return `${lines.join("\r\n")}\r\n`;
}


export interface WriteTemplateOptions {
  /** Replace an existing file. */
  force?: boolean;
}

/** Write the template to `path` (absolute); `file` is the name as the user gave it, for messages. */
export async function writeTemplate(path: string, file: string, opts: WriteTemplateOptions = {}): Promise<TemplateFormat> {
  const format = templateFormatOf(file);
  const bytes = format === "xlsx" ? await buildTemplateXlsx() : Buffer.from(buildTemplateCsv(), "utf8");
  await writeNewFile(path, file, bytes, opts.force ? { force: true } : {});
  return format;
}
