// The shared catalogue pipeline, as named steps over streamed rows:
//   rows -> header (header-step) -> cells -> normalized row (row-step) -> products (product-step)
//   -> cross-row rules (cross-row-step) -> the file as a whole (file-step).
// Per row it keeps nothing but compact rule state (and products when asked for).
import { DEFAULT_RULES, type MarketplaceRules } from "../rules.js";
import { REQUIRED_FIELDS, type HeaderMap } from "./columns.js";
import { createCrossRowStep } from "./cross-row-step.js";
import { columnMap, reportFile, sortIssues } from "./file-step.js";
import { createHeaderStep } from "./header-step.js";
import { createIssueSink } from "./issue-sink.js";
import { createProductStep } from "./product-step.js";
import { readDataRow } from "./row-step.js";
import type { RawRow, RowSource } from "./source.js";
import type { CatalogResult } from "./types.js";

export interface NormalizeRowsOptions {
  /** The file name as the user gave it (issue `file`). */
  file: string;
  rules?: MarketplaceRules;
  /** Keep normalized products (default true). */
  collectProducts?: boolean;
}

export async function normalizeRows(source: RowSource, opts: NormalizeRowsOptions): Promise<CatalogResult> {
  const rules = opts.rules ?? DEFAULT_RULES;
  const collect = opts.collectProducts ?? true;
  const { file } = opts;
  const { format, sheet } = source;
  // NOTE: the zod safety net guards only products handed on (json, sync); loading zod costs ~50 ms
  // of start-up, so a plain `validate` never loads it.
  const check = collect ? (await import("./schema.js")).productSchema : undefined;
  const sink = createIssueSink(file, sheet);
  const products = createProductStep({ sheet, collect, check });
  const crossRows = createCrossRowStep(rules, sink);
  let rows = 0;

  const onData = (raw: RawRow, header: HeaderMap): void => {
    rows++;
    const row = readDataRow(raw, header, { format, rules, sink });
    if (row.shifted) {
      if (row.sku !== undefined) products.markInvalid(row.sku);
      return;
    }
    crossRows.check({ line: row.line, sku: row.sku, name: row.name });
    products.add(row, header);
  };
  const headerStep = createHeaderStep({ rules, sink, source, onData });

  if (source.batches) {
    for await (const batch of source.batches) for (const row of batch) headerStep.take(row);
  } else {
    for await (const row of source.rows) headerStep.take(row);
  }
  headerStep.end();
  const { header, headerLine } = headerStep;

  const lateErrorLines = new Set<number>();
  crossRows.finish(header, (line, sku) => {
    lateErrorLines.add(line);
    if (sku !== undefined) products.markInvalid(sku);
  });
  products.drop(lateErrorLines);

  reportFile({ file, source, header, headerLine, rows }, sink);
  const { issues } = sink;
  sortIssues(issues, header);
  const result: CatalogResult = {
    file,
    format,
    valid: !issues.some((i) => i.severity === "error"),
    rows,
    products: products.products,
    invalidSkus: products.invalidSkus(),
    issues,
  };
  if (header) result.columns = columnMap(header);
  return result;
}

export { REQUIRED_FIELDS };
