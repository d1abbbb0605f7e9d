// Machine report: a versioned JSON document (version 1). Keys are part of the public contract.
import type { CatalogProduct, CatalogResult } from "../catalog/types.js";
import { PRODUCT_FIELDS } from "../catalog/types.js";
import type { Issue } from "../issues.js";
import { pick, type Lang } from "../i18n.js";
import type { Reporter, UnreadableFile, ValidationReport } from "./types.js";
import { isFileValid, sortIssues } from "./counts.js";
import { formatIssue } from "./messages.js";

export const JSON_REPORT_VERSION = 1;

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

export type JsonProduct = Record<(typeof PRODUCT_FIELDS)[number], unknown> & { line: number; sheet?: string };

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

export function toJsonProduct(product: CatalogProduct): JsonProduct {
  const out = {} as JsonProduct;
  for (const field of PRODUCT_FIELDS) out[field] = product[field];
  out.line = product.line;
  if (product.sheet !== undefined) out.sheet = product.sheet;
  return out;
}

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

/**
 * The same document as buildJsonReport, written piecewise (one issue or product per line) so a
 * catalogue of 100,000 rows never becomes one giant string.
 */
export const json: Reporter = async (report, { io, lang }) => {
  let buffer = "";
  const emit = (s: string): void => {
    buffer += s;
    if (buffer.length >= CHUNK_CHARS) {
      io.stdout.write(buffer);
      buffer = "";
    }
  };
  const list = <T>(items: readonly T[], toJson: (item: T) => unknown): void => {
    emit("[");
    items.forEach((item, i) => emit(`${i === 0 ? "" : ","}\n      ${JSON.stringify(toJson(item))}`));
    emit(items.length > 0 ? "\n    ]" : "]");
  };
  emit(`{\n  "version": ${JSON_REPORT_VERSION},\n  "valid": ${isReportValid(report)},\n  "files": [`);
  report.results.forEach((result, i) => {
    const head = { file: result.file, valid: isFileValid(result, report.strict), rows: result.rows };
    emit(`${i === 0 ? "" : ","}\n    ${JSON.stringify(head).slice(0, -1)},\n    "issues": `);
    list(sortIssues(result.issues), (issue) => toJsonIssue(issue, lang));
    emit(`,\n    "products": `);
    list(result.products, toJsonProduct);
    emit("}");
  });
  const unreadable = report.unreadable ?? [];
  unreadable.forEach((entry, i) => {
    const comma = i === 0 && report.results.length === 0 ? "" : ",";
    emit(`${comma}\n    ${JSON.stringify(toJsonUnreadable(entry, lang))}`);
  });
  emit(report.results.length + unreadable.length > 0 ? "\n  ]\n}\n" : "]\n}\n");
  io.stdout.write(buffer);
};
