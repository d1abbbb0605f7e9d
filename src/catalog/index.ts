// The catalogue's front door: a file in, a validated, normalized CatalogResult out.
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { describeFileProblem, notRegularFile } from "../fs-errors.js";
import type { Issue } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import { normalizeRows, type NormalizeRowsOptions } from "./pipeline.js";
import { readCsv, readHead } from "./read-csv.js";
import { sniffFile, sniffTextFormat } from "./sniff.js";
import type { CatalogProduct, CatalogResult } from "./types.js";
import { tapRows, type RowTap } from "./tap-rows.js";

export interface LoadCatalogOptions {
  /** Marketplace listing rules to check (default: DEFAULT_RULES). */
  rules?: MarketplaceRules;
  /** XLSX: sheet name (default: the first sheet). */
  sheet?: string;
  /** Keep normalized products in the result (default true). Validation-only runs may pass false. */
  collectProducts?: boolean;
  /** With collectProducts: spool products to a temporary file (result.productSpool) instead of memory. */
  spoolProducts?: boolean;
  /** Resolve `file` against this folder (default process.cwd()); issues keep `file` as given. */
  cwd?: string;
  /** Sees every raw row (title, header and data rows) as it is read (`desbumi check --format html`). */
  onRow?: RowTap;
  /** Sees each row that became a product, also with collectProducts false (photo checks). */
  onProduct?: NormalizeRowsOptions["onProduct"];
}

/**
 * Read a catalogue file (CSV or XLSX, sniffed by content), normalize every row, apply the rules.
 * Never throws for bad content (that is issues); throws UsageError when the file cannot be read
 * at all (missing, a directory, no permission).
 */
export async function loadCatalog(file: string, opts: LoadCatalogOptions = {}): Promise<CatalogResult> {
  const path = resolve(opts.cwd ?? process.cwd(), file);
  const pipelineOpts = {
    file,
    ...(opts.rules ? { rules: opts.rules } : {}),
    ...(opts.collectProducts !== undefined ? { collectProducts: opts.collectProducts } : {}),
    ...(opts.spoolProducts ? { spoolProducts: true } : {}),
    ...(opts.onProduct ? { onProduct: opts.onProduct } : {}),
  };
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new UsageError({ id: `${file} adalah folder, bukan berkas katalog`, en: `${file} is a folder, not a catalogue file` });
    }
    // A FIFO without a writer would block the first read forever (issue 13.14).
    if (!info.isFile()) throw new UsageError(notRegularFile(file));
    const head = await readHead(path);
    const kind = sniffFile(head);
    const ext = extname(file).toLowerCase();
    const isSpreadsheetName = ext === ".xlsx" || ext === ".xls" || ext === ".xlsm";
    if (kind.kind === "zip") {
      if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return mismatch(file, "xlsx", { expected: "csv" });
      // NOTE: loaded only for workbooks; the xlsx reader is the heaviest import of a CSV run.
      const { readXlsx } = await import("./read-xlsx.js");
      const source = await readXlsx(path, opts.sheet === undefined ? { file } : { file, sheet: opts.sheet });
      return await normalizeRows(opts.onRow ? tapRows(source, opts.onRow) : source, pipelineOpts);
    }
    if (kind.kind === "ole2") return mismatch(file, "xls", {});
    if (kind.kind === "binary") return mismatch(file, kind.actual, {});
    if (isSpreadsheetName && head.length > 0) return mismatch(file, "csv", { expected: "xlsx" });
    const format = sniffTextFormat(head, kind.encoding);
    const named: Record<string, string> = ext === ".csv" || ext === ".tsv" || ext === ".txt" ? { expected: "csv" } : {};
    if (format === "xml" || format === "fods") return mismatch(file, format, named);
    if (format === "json?" && info.size <= MAX_JSON_SNIFF_BYTES && isJson(new TextDecoder(kind.encoding).decode(await readFile(path)))) {
      return mismatch(file, "json", named);
    }
    const source = await readCsv(path, { file });
    return await normalizeRows(opts.onRow ? tapRows(source, opts.onRow) : source, pipelineOpts);
  } catch (error) {
    throw toUsageError(error, file);
  }
}

/** A file starting with `{` or `[` is parsed whole to tell JSON from a CSV; past this size it is read as CSV. */
const MAX_JSON_SNIFF_BYTES = 16 * 1024 * 1024;

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

function mismatch(file: string, actual: string, extra: Record<string, string>): CatalogResult {
  const issue: Issue = { code: "FILE_TYPE_MISMATCH", severity: "error", file, line: 1, args: { actual, ...extra } };
  return { file, format: actual === "xlsx" ? "xlsx" : "csv", valid: false, rows: 0, products: [], invalidSkus: [], issues: [issue] };
}

/** File-system failures become a bilingual UsageError; anything else is not ours to hide. */
function toUsageError(error: unknown, file: string): unknown {
  if (error instanceof UsageError) return error;
  const code = error instanceof Error && "code" in error ? String((error as NodeJS.ErrnoException).code) : "";
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new UsageError({ id: `Berkas tidak ditemukan: ${file}`, en: `File not found: ${file}` });
    case "EISDIR":
      return new UsageError({ id: `${file} adalah folder, bukan berkas katalog`, en: `${file} is a folder, not a catalogue file` });
    case "EACCES":
    case "EPERM":
      return new UsageError({ id: `Tidak ada izin membaca ${file}`, en: `No permission to read ${file}` });
    case "EIO":
    case "EMFILE":
    case "ENFILE":
      return new UsageError({ id: `Berkas ${file} tidak bisa dibaca (${code})`, en: `Cannot read ${file} (${code})` });
    default: {
      const text = describeFileProblem(code, file, "read");
      return text ? new UsageError(text) : error;
    }
  }
}

export { normalizeRows, type NormalizeRowsOptions } from "./pipeline.js";
export { readCsv } from "./read-csv.js";
export { formatRupiah, parsePrice } from "./money.js";
export { formatGrams, parseWeight } from "./weight.js";
export { parseCount } from "./stock.js";
export { lookupHeader, ALIAS_NAMES } from "./header-aliases.js";
export { REQUIRED_FIELDS } from "./columns.js";
// NOTE: the zod schemas live in ./schema.js; import them from there (not re-exported: zod would load
// at every start-up).
