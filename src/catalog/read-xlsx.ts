// Reads one sheet of an .xlsx workbook as raw rows for the shared catalogue pipeline.
// NOTE: only the sheet that is read is inflated, streamed row by row (xlsx-sheet-rows.ts), with
// caps on inflated bytes and filled cells (xlsx-limits.ts): an unused sheet of a million rows
// costs nothing, a zip bomb is one FILE_TOO_LARGE issue. Row i is spreadsheet row i and cell j is
// column j (leading empty rows and columns are kept as blanks and nulls).
import { open, stat } from "node:fs/promises";
import type { Issue } from "../issues.js";
import { isBlankRow } from "./cell.js";
import { mapHeader } from "./columns.js";
import { HEADER_SEARCH_ROWS } from "./header-search.js";
import type { RawRow, RowSource } from "./source.js";
import { readSheetLinks } from "./xlsx-hyperlinks.js";
import { XlsxDamaged, XlsxTooLarge } from "./xlsx-limits.js";
import { readSharedStrings } from "./xlsx-shared-strings.js";
import { readSheetRows, type ExternalFormula, type SheetContext } from "./xlsx-sheet-rows.js";
import { externalFormulaIssues, workbookWarnings } from "./xlsx-warnings.js";
import { parseRelationships, readWorkbook, relsPathOf, type Workbook, type WorkbookSheet } from "./xlsx-workbook.js";
import { openZip, readPartText, type ZipArchive } from "./xlsx-zip.js";

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
  const { file } = opts;
  const issues: Issue[] = [];
  let zip: ZipArchive;
  let workbook: Workbook | undefined;
  let strings: string[] = [];
  let chosen: ChosenSheet | undefined;
  try {
    zip = await openZip(path);
    workbook = await readWorkbook(zip);
    if (!workbook) return unreadable(await mismatchIssue(path, file, "zip"));
    issues.push(...(await workbookWarnings(zip, file)));
    strings = await readSharedStrings(zip, workbook.sharedStringsPath);
    const ctx: SheetContext = { sharedStrings: strings, dateStyles: workbook.dateStyles, epoch1904: workbook.epoch1904 };
    const { sheets } = workbook;
    if (opts.sheet === undefined && sheets.length > 1) chosen = await defaultSheet(zip, sheets, ctx, file);
    else {
      const wanted = opts.sheet === undefined ? sheets[0] : findSheet(sheets, opts.sheet);
      if (!wanted) {
        issues.push({
          code: "SHEET_NOT_FOUND",
          severity: "error",
          file,
          ...(opts.sheet !== undefined ? { value: opts.sheet } : {}),
          args: { sheet: opts.sheet ?? "", sheets: sheets.map((s) => s.name).join(", ") },
        });
        return { format: "xlsx", rows: emptyRows(), issues };
      }
      chosen = { sheet: wanted, issues: [] };
    }
  } catch (error) {
    // Missing file, no permission, a directory: the caller (loadCatalog) turns these into a
    // UsageError; they say nothing about the content.
    if (isSystemError(error)) throw error;
    const issue = await readProblem(path, file, error, chosen?.sheet.name);
    return { format: "xlsx", rows: emptyRows(), issues: [...issues, issue] };
  }
  issues.push(...chosen.issues);
  const { sheet } = chosen;
  const ctx: SheetContext = { sharedStrings: strings, dateStyles: workbook.dateStyles, epoch1904: workbook.epoch1904 };
  const batches = (): AsyncGenerator<RawRow[]> => sheetBatches(zip, sheet, ctx, { file, issues });
  return {
    format: "xlsx",
    sheet: sheet.name,
    ...(chosen.otherSheets ? { otherSheets: chosen.otherSheets } : {}),
    rows: {
      async *[Symbol.asyncIterator]() {
        for await (const batch of batches()) yield* batch;
      },
    },
    batches: { [Symbol.asyncIterator]: batches },
    issues,
  };
}

interface ChosenSheet {
  sheet: WorkbookSheet;
  issues: Issue[];
  otherSheets?: string[];
}

/**
 * The sheet's rows; its reading problems (FILE_TOO_LARGE, a damaged sheet) and the formulas whose
 * values come from outside (EXTERNAL_LINK) go to `issues` as they are found.
 */
async function* sheetBatches(zip: ZipArchive, sheet: WorkbookSheet, base: SheetContext, out: { file: string; issues: Issue[] }): AsyncGenerator<RawRow[]> {
  if (sheet.path === undefined) return;
  const found: ExternalFormula[] = [];
  try {
    const rels = await readPartText(zip, relsPathOf(sheet.path));
    const links = rels === undefined ? undefined : await readSheetLinks(zip, sheet.path, parseRelationships(rels));
    const ctx: SheetContext = { ...base, ...(links ? { links } : {}), onExternal: (f) => found.push(f) };
    yield* readSheetRows(zip, sheet.path, ctx);
  } catch (error) {
    if (isSystemError(error)) throw error;
    out.issues.push(await readProblem(zip.path, out.file, error, sheet.name));
  }
  out.issues.push(...externalFormulaIssues(found, out.file, sheet.name));
}

/**
 * No --sheet: the first sheet, unless it has no catalogue header and another sheet has one (an
 * instructions sheet "Petunjuk" before the catalogue "Produk" is common). When no sheet has a
 * header, the first is read as before and its MISSING_COLUMN issues learn the other sheets' names.
 * Only each sheet's first rows are read to tell.
 */
async function defaultSheet(zip: ZipArchive, sheets: WorkbookSheet[], ctx: SheetContext, file: string): Promise<ChosenSheet> {
  const first = sheets[0]!;
  // Sheets named as examples or instructions are tried last: a marketplace template's "Contoh"
  // sheet has a header and example products, but the facilitator filled in "Template".
  const ordered = [...sheets.filter((s) => !isDecoySheet(s.name)), ...sheets.filter((s) => isDecoySheet(s.name))];
  for (const candidate of ordered) {
    const line = await headerRow(zip, candidate, ctx);
    if (line === undefined) continue;
    if (candidate === first) return { sheet: first, issues: [] };
    const firstIsExample = isDecoySheet(first.name) && (await headerRow(zip, first, ctx)) !== undefined;
    const guessed: Issue = { code: "SHEET_GUESSED", severity: "warning", file, line, sheet: candidate.name, args: { sheet: candidate.name, first: first.name, ...(firstIsExample ? { example: 1 } : {}) } };
    return { sheet: candidate, issues: [guessed] };
  }
  return { sheet: first, issues: [], otherSheets: sheets.slice(1).map((s) => s.name) };
}

/** A sheet named as an example or instructions (Indonesian and English template names). */
export function isDecoySheet(name: string): boolean {
  return /(^|[^a-z])(contoh|example|examples|sample|samples|petunjuk|panduan|pedoman|instruksi|instruction|instructions|guide|guidelines|cara pengisian)([^a-z]|$)/i.test(name);
}

/** The spreadsheet row of the sheet's catalogue header (as the pipeline finds it), if any. */
async function headerRow(zip: ZipArchive, sheet: WorkbookSheet, ctx: SheetContext): Promise<number | undefined> {
  if (sheet.path === undefined) return undefined;
  let seen = 0;
  for await (const batch of readSheetRows(zip, sheet.path, ctx)) {
    for (const row of batch) {
      if (isBlankRow(row.cells)) continue;
      if (mapHeader(row.cells).missing.length === 0) return row.line;
      if (++seen >= HEADER_SEARCH_ROWS) return undefined;
    }
  }
  return undefined;
}

/** Exact name first; a facilitator typing `--sheet sheet1` for `Sheet1` still means that sheet. */
function findSheet(sheets: WorkbookSheet[], name: string): WorkbookSheet | undefined {
  const exact = sheets.find((s) => s.name === name);
  if (exact) return exact;
  const folded = name.trim().toLowerCase();
  const loose = sheets.filter((s) => s.name.trim().toLowerCase() === folded);
  return loose.length === 1 ? loose[0] : undefined;
}

async function* emptyRows(): AsyncGenerator<RawRow> {}

const unreadable = (issue: Issue): RowSource => ({ format: "xlsx", rows: emptyRows(), issues: [issue] });

/** A reading failure as its issue: FILE_TOO_LARGE naming the limit, or what the file really is. */
async function readProblem(path: string, file: string, error: unknown, sheet: string | undefined): Promise<Issue> {
  if (error instanceof XlsxTooLarge) {
    const issue: Issue = { code: "FILE_TOO_LARGE", severity: "error", file, args: { limit: error.limit, max: error.max, part: error.part } };
    if (sheet !== undefined) issue.sheet = sheet;
    if (error.line !== undefined) issue.line = error.line;
    return issue;
  }
  if ((await stat(path)).size === 0) return { code: "EMPTY_FILE", severity: "error", file };
  // A RangeError is a zip structure pointing past its own bytes. Anything else is a bug: rethrown.
  if (error instanceof XlsxDamaged || error instanceof RangeError) return mismatchIssue(path, file, "damaged");
  throw error;
}

const ODS_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HEAD_BYTES = 128;

/** What the file is instead, from its first bytes; `zipKind` when it is a zip that is not a workbook. */
async function mismatchIssue(path: string, file: string, zipKind: "zip" | "damaged"): Promise<Issue> {
  const head = await readHead(path);
  let actual: XlsxMismatch;
  if (head.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) actual = "xls";
  // ODF puts an uncompressed `mimetype` entry first, so its type is readable in the header.
  else if (head[0] === 0x50 && head[1] === 0x4b) actual = head.toString("latin1").includes(ODS_MIMETYPE) ? "ods" : zipKind;
  else actual = head.includes(0) ? "damaged" : "csv";
  // `expected` only when the name promises a workbook (an .ods named .ods is not a renamed file).
  const args: Record<string, string> = /\.xls[xm]$/i.test(file) ? { expected: "xlsx", actual } : { actual };
  return { code: "FILE_TYPE_MISMATCH", severity: "error", file, line: 1, args };
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
