// Machine report: a versioned JSON document (version 2 since issue 14: products carry `variants`).
// Keys are part of the public contract; the README documents versions 1 and 2.
import { toProductDocument, type ProductDocument } from "../catalog/product-document.js";
import type { ProductSpool } from "../catalog/product-spool.js";
import type { CatalogProduct, CatalogResult } from "../catalog/types.js";
import type { Issue } from "../issues.js";
import { pick, type Lang } from "../i18n.js";
import type { Reporter, UnreadableFile, ValidationReport } from "./types.js";
import { isFileValid, sortIssues } from "./counts.js";
import { formatIssue } from "./messages.js";

export const JSON_REPORT_VERSION = 2;

export interface JsonIssue {
  code: string;
  severity: "error" | "warning";
  /** null for file-level issues (e.g. MISSING_COLUMN). */
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
  hint: string;
  sheet?: string;
  cell?: string;
}

/** Version 2: the v1 product fields, `variants` ([] for a single-SKU product), v2 fields when given, line/sheet. */
export type JsonProduct = ProductDocument;

export interface JsonFile {
  file: string;
  valid: boolean;
  rows: number;
  /** Only for a file that could not be read at all (then valid is false and the lists are empty). */
  error?: { message: string };
  issues: JsonIssue[];
  products: JsonProduct[];
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  valid: boolean;
  files: JsonFile[];
}

export function toJsonIssue(issue: Issue, lang: Lang): JsonIssue {
  const { message, hint } = formatIssue(issue, lang);
  const out: JsonIssue = {
    code: issue.code,
    severity: issue.severity,
    line: issue.line ?? null,
    column: issue.column ?? null,
    value: issue.value ?? null,
    message,
    hint,
  };
  if (issue.sheet !== undefined) out.sheet = issue.sheet;
  if (issue.cell !== undefined) out.cell = issue.cell;
  return out;
}

export const toJsonProduct = (product: CatalogProduct): JsonProduct => toProductDocument(product, product.line, product.sheet);

export function toJsonFile(result: CatalogResult, strict: boolean, lang: Lang): JsonFile {
  return {
    file: result.file,
    valid: isFileValid(result, strict),
    rows: result.rows,
    issues: sortIssues(result.issues).map((issue) => toJsonIssue(issue, lang)),
    products: result.products.map(toJsonProduct),
  };
}

export function toJsonUnreadable({ file, text }: UnreadableFile, lang: Lang): JsonFile {
  return { file, valid: false, rows: 0, error: { message: pick(text, lang) }, issues: [], products: [] };
}

/** Readable files in the order given, then the ones that could not be read. */
export function buildJsonReport({ results, strict, unreadable = [] }: ValidationReport, lang: Lang): JsonReport {
  const files = [...results.map((result) => toJsonFile(result, strict, lang)), ...unreadable.map((entry) => toJsonUnreadable(entry, lang))];
  return { version: JSON_REPORT_VERSION, valid: isReportValid({ results, strict, unreadable }), files };
}

const isReportValid = ({ results, strict, unreadable = [] }: ValidationReport): boolean =>
  unreadable.length === 0 && results.every((result) => isFileValid(result, strict));

const CHUNK_CHARS = 64 * 1024;
/** Before each issue or product of a file's lists. */
const ITEM_INDENT = "      ";

/**
 * The same document as buildJsonReport, written piecewise (one issue or product per line) so a
 * catalogue of 100,000 rows never becomes one giant string. Products spooled by the pipeline
 * (CatalogResult.productSpool) are streamed from their file, so they are never all in memory.
 */
export const json: Reporter = async (report, { io, lang }) => {
  let buffer = "";
  const emit = async (s: string): Promise<void> => {
    buffer += s;
    if (buffer.length >= CHUNK_CHARS) {
      const ok = io.stdout.write(buffer);
      buffer = "";
      // Wait for a slow reader instead of queueing the whole document in memory.
      if (!ok && "once" in io.stdout && typeof io.stdout.once === "function") await new Promise<void>((resolve) => (io.stdout as NodeJS.WritableStream).once("drain", () => resolve()));
    }
  };
  const list = async (items: Iterable<string> | AsyncIterable<string>): Promise<void> => {
    await emit("[");
    let i = 0;
    for await (const item of items) await emit(`${i++ === 0 ? "" : ","}\n${ITEM_INDENT}${item}`);
    await emit(i > 0 ? "\n    ]" : "]");
  };
  /** The same list as `list`, its body read from the spool in large chunks (see product-spool.ts). */
  const spooledList = async (spool: ProductSpool): Promise<void> => {
    let any = false;
    await emit("[");
    for await (const text of spool.listBody(ITEM_INDENT)) {
      any = true;
      await emit(text);
    }
    await emit(any ? "\n    ]" : "]");
  };
  const each = function* <T>(items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
    for (const item of items) yield JSON.stringify(toJson(item));
  };
  try {
    await emit(`{\n  "version": ${JSON_REPORT_VERSION},\n  "valid": ${isReportValid(report)},\n  "files": [`);
    for (const [i, result] of report.results.entries()) {
      const head = { file: result.file, valid: isFileValid(result, report.strict), rows: result.rows };
      await emit(`${i === 0 ? "" : ","}\n    ${JSON.stringify(head).slice(0, -1)},\n    "issues": `);
      await list(each(sortIssues(result.issues), (issue) => toJsonIssue(issue, lang)));
      await emit(`,\n    "products": `);
      if (result.productSpool) await spooledList(result.productSpool);
      else await list(each(result.products, toJsonProduct));
      await emit("}");
    }
    const unreadable = report.unreadable ?? [];
    for (const [i, entry] of unreadable.entries()) {
      const comma = i === 0 && report.results.length === 0 ? "" : ",";
      await emit(`${comma}\n    ${JSON.stringify(toJsonUnreadable(entry, lang))}`);
    }
    await emit(report.results.length + unreadable.length > 0 ? "\n  ]\n}\n" : "]\n}\n");
    io.stdout.write(buffer);
  } finally {
    for (const result of report.results) result.productSpool?.dispose();
  }
};
