// Reads one sheet of an .xlsx workbook as raw rows for the shared catalogue pipeline.
// NOTE: read-excel-file (not exceljs) because it is small, streams the zip, parses with a SAX
// parser and keeps the sheet's geometry: row i of its result is spreadsheet row i+1 and cell j is
// column j (leading empty rows and columns are kept as nulls, trailing ones are dropped). In Node
// it parses in-thread (its worker helper is only used in browsers).
import { open } from "node:fs/promises";
import readXlsxFile, { InvalidInputError } from "read-excel-file/node";
import { errorMessage } from "../errors.js";
import type { Issue } from "../issues.js";
import { isBlankRow } from "./cell.js";
import { mapHeader } from "./columns.js";
import { HEADER_SEARCH_ROWS } from "./header-search.js";
import type { RawCell, RawRow, RowSource } from "./source.js";
import { readSheetFacts, type SheetFacts } from "./xlsx-sheet-facts.js";

export interface ReadXlsxOptions {
  /** The file name as the user gave it, for issue locations. */
  file: string;
  /**
   * Sheet name. Unknown name -> a SHEET_NOT_FOUND issue in `issues`. Default: the first sheet, or,
   * when the first has no catalogue header but another sheet does, that sheet (with a
   * SHEET_GUESSED warning saying so).
   */
  sheet?: string;
}

/**
 * What a file that is not a readable workbook really is (the `actual` of FILE_TYPE_MISMATCH):
 * an OpenDocument spreadsheet, an old .xls, text (CSV), another kind of zip, or a damaged .xlsx.
 */
export type XlsxMismatch = "ods" | "xls" | "csv" | "zip" | "damaged";

/** Read an .xlsx workbook's sheet as raw rows (numbers stay numbers, formulas give cached values). */
export async function readXlsx(path: string, opts: ReadXlsxOptions): Promise<RowSource> {
  const issues: Issue[] = [];
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // Every sheet is parsed so an unknown --sheet can list the real names; catalogues are small.
    sheets = await readXlsxFile(path);
  } catch (error) {
    // Missing file, no permission, a directory: the caller (loadCatalog) turns these into a
    // UsageError; they say nothing about the content.
    if (isSystemError(error)) throw error;
    issues.push(await unreadableIssue(path, opts.file, error));
    return { format: "xlsx", rows: emptyRows(), issues };
  }
  if (opts.sheet === undefined && sheets.length > 1) return withFacts(path, sheets, defaultSheet(sheets, opts.file));
  const wanted = opts.sheet === undefined ? sheets[0] : findSheet(sheets, opts.sheet);
  if (!wanted) {
    issues.push({
      code: "SHEET_NOT_FOUND",
      severity: "error",
      file: opts.file,
      ...(opts.sheet !== undefined ? { value: opts.sheet } : {}),
      args: { sheet: opts.sheet ?? "", sheets: sheets.map((s) => s.sheet).join(", ") },
    });
    return { format: "xlsx", rows: emptyRows(), issues };
  }
  return withFacts(path, sheets, { format: "xlsx", sheet: wanted.sheet, data: wanted.data, issues });
}

interface ChosenSheet {
  format: "xlsx";
  sheet: string;
  data: unknown[][];
  issues: Issue[];
  otherSheets?: string[];
}

/** The chosen sheet's rows, with its hidden rows and formula-error cells (see xlsx-sheet-facts.ts). */
async function withFacts(path: string, sheets: { sheet: string }[], chosen: ChosenSheet): Promise<RowSource> {
  // read-excel-file lists sheets in workbook.xml order, so the position finds the same <sheet>.
  const facts = await readSheetFacts(path, sheets.findIndex((s) => s.sheet === chosen.sheet));
  const { data, ...source } = chosen;
  return { ...source, rows: toRows(data, facts) };
}

/**
 * No --sheet: the first sheet, unless it has no catalogue header and another sheet has one (an
 * instructions sheet "Petunjuk" before the catalogue "Produk" is common). When no sheet has a
 * header, the first is read as before and its MISSING_COLUMN issues learn the other sheets' names.
 */
function defaultSheet(sheets: { sheet: string; data: unknown[][] }[], file: string): ChosenSheet {
  const first = sheets[0]!;
  if (headerRow(first.data) !== undefined) return { format: "xlsx", sheet: first.sheet, data: first.data, issues: [] };
  for (const candidate of sheets.slice(1)) {
    const line = headerRow(candidate.data);
    if (line === undefined) continue;
    const guessed: Issue = { code: "SHEET_GUESSED", severity: "warning", file, line, sheet: candidate.sheet, args: { sheet: candidate.sheet, first: first.sheet } };
    return { format: "xlsx", sheet: candidate.sheet, data: candidate.data, issues: [guessed] };
  }
  const others = sheets.slice(1).map((s) => s.sheet);
  return { format: "xlsx", sheet: first.sheet, data: first.data, issues: [], otherSheets: others };
}

/** The spreadsheet row of the sheet's catalogue header (as the pipeline finds it), if any. */
function headerRow(data: unknown[][]): number | undefined {
  let seen = 0;
  for (let i = 0; i < data.length && seen < HEADER_SEARCH_ROWS; i++) {
    const cells = (data[i] ?? []).map(toRawCell);
    if (isBlankRow(cells)) continue;
    seen++;
    if (mapHeader(cells).missing.length === 0) return i + 1;
  }
  return undefined;
}

/** Exact name first; a facilitator typing `--sheet sheet1` for `Sheet1` still means that sheet. */
function findSheet<T extends { sheet: string }>(sheets: T[], name: string): T | undefined {
  const exact = sheets.find((s) => s.sheet === name);
  if (exact) return exact;
  const folded = name.trim().toLowerCase();
  const loose = sheets.filter((s) => s.sheet.trim().toLowerCase() === folded);
  return loose.length === 1 ? loose[0] : undefined;
}

async function* toRows(data: unknown[][], facts: SheetFacts): AsyncGenerator<RawRow> {
  // read-excel-file drops trailing rows it sees as empty, and an error cell is empty to it.
  let last = data.length;
  for (const line of facts.errorCells.keys()) last = Math.max(last, line);
  for (let i = 0; i < last; i++) {
    const line = i + 1;
    const row: RawRow = { line, cells: (data[i] ?? []).map(toRawCell) };
    if (facts.hiddenRows.has(line)) row.hidden = true;
    const errors = facts.errorCells.get(line);
    if (errors) row.errorCells = errors;
    yield row;
  }
}

async function* emptyRows(): AsyncGenerator<RawRow> {}

function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return String(value);
}

const ODS_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HEAD_BYTES = 128;

/** Only called after read-excel-file refused the file, to say what it is instead. */
async function sniffMismatch(path: string, error: unknown): Promise<XlsxMismatch> {
  const head = await readHead(path);
  if (head.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) return "xls";
  if (head[0] === 0x50 && head[1] === 0x4b) {
    // ODF puts an uncompressed `mimetype` entry first, so its type is readable in the header.
    if (head.toString("latin1").includes(ODS_MIMETYPE)) return "ods";
    const unzipped = !(error instanceof InvalidInputError && (error as { code?: string }).code === "INVALID_ZIP");
    // A zip that opens but has no workbook inside (.docx, any archive) is not an xlsx at all.
    return unzipped && /file not found/i.test(errorMessage(error)) ? "zip" : "damaged";
  }
  return head.includes(0) ? "damaged" : "csv";
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

async function unreadableIssue(path: string, file: string, error: unknown): Promise<Issue> {
  if (error instanceof InvalidInputError && (error as { code?: string }).code === "NO_DATA") {
    return { code: "EMPTY_FILE", severity: "error", file };
  }
  const actual = await sniffMismatch(path, error);
  // `expected` only when the name promises a workbook (an .ods named .ods is not a renamed file).
  const args: Record<string, string> = /\.xls[xm]$/i.test(file) ? { expected: "xlsx", actual } : { actual };
  return { code: "FILE_TYPE_MISMATCH", severity: "error", file, line: 1, args };
}
