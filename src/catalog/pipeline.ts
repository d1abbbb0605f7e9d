// The shared catalogue pipeline, as named steps over streamed rows:
//   rows -> header (header-step) -> cells -> normalized row (row-step) -> products with variants
//   (variant-step, variant-build) -> products (product-step) -> cross-row rules (cross-row-step)
//   -> the file as a whole (file-step).
// Per row it keeps nothing but compact rule state (and products when asked for).
import { DEFAULT_RULES, type MarketplaceRules } from "../rules.js";
import { REQUIRED_FIELDS, type HeaderMap } from "./columns.js";
import { createCrossRowStep } from "./cross-row-step.js";
import { columnMap, extraColumnMap, reportFile, sortIssues } from "./file-step.js";
import { createHeaderStep } from "./header-step.js";
import { createIssueSink } from "./issue-sink.js";
import { withLinkTargets } from "./link-cells.js";
import { createProductStep, type ProductStep } from "./product-step.js";
import { createVariantStep } from "./variant-step.js";
import type { RawRow, RowSource } from "./source.js";
import type { CatalogResult, Product } from "./types.js";

export interface NormalizeRowsOptions {
  /** The file name as the user gave it (issue `file`). */
  file: string;
  rules?: MarketplaceRules;
  /** Keep normalized products (default true). */
  collectProducts?: boolean;
  /** With collectProducts: spool them to a temporary file (CatalogResult.productSpool) instead of memory. */
  spoolProducts?: boolean;
  /** Sees each row that became a product, also when products are not kept (photo checks of `validate`). */
  onProduct?: (product: Product, line: number, sheet: string | undefined) => void;
}

export async function normalizeRows(source: RowSource, opts: NormalizeRowsOptions): Promise<CatalogResult> {
  const rules = opts.rules ?? DEFAULT_RULES;
  const collect = opts.collectProducts ?? true;
  const { file } = opts;
  const { format, sheet } = source;
  const spool = collect && opts.spoolProducts ? (await import("./product-spool.js")).createProductSpool() : undefined;
  // NOTE: the zod safety net guards only products handed on to sync or normalize; loading zod costs
  // ~50 ms of start-up, so a plain `validate` never loads it. A spooled json report skips it too:
  // it was a third of `validate --format json`'s time (issue 14.4's goal is >= 0.5x of bare
  // csv-parse), and the report only prints what the same normalizer gives sync.
  const check = collect && !spool ? (await import("./schema.js")).productSchema : undefined;
  const sink = createIssueSink(file, sheet);
  const products = tapProducts(createProductStep({ sheet, collect, check, ...(spool ? { spool } : {}) }), opts.onProduct, sheet);
  const crossRows = createCrossRowStep(rules, sink);
  let rows = 0;

  const variants = createVariantStep({ format, rules, sink, sheet, products, crossRows });
  const onData = (raw: RawRow, header: HeaderMap): void => {
    rows++;
    variants.take(withLinkTargets(raw, header), header);
  };
  const headerStep = createHeaderStep({ rules, sink, source, onData });

  if (source.batches) {
    for await (const batch of source.batches) for (const row of batch) headerStep.take(row);
  } else {
    for await (const row of source.rows) headerStep.take(row);
  }
  headerStep.end();
  const { header, headerLine } = headerStep;
  variants.end(header);

  const lateErrorLines = new Set<number>();
  crossRows.finish(header, (line, sku) => {
    lateErrorLines.add(line);
    if (sku !== undefined) products.markInvalid(sku);
  });
  products.drop(lateErrorLines);
  spool?.close();

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
  if (header) {
    result.columns = columnMap(header);
    result.headerLine = headerLine;
  }
  const extraColumns = header ? extraColumnMap(header) : undefined;
  if (extraColumns) result.extraColumns = extraColumns;
  if (spool) result.productSpool = spool;
  return result;
}

export { REQUIRED_FIELDS };

/** The product step, also showing each product to `onProduct` (validate's photo checks). */
function tapProducts(step: ProductStep, onProduct: NormalizeRowsOptions["onProduct"], sheet: string | undefined): ProductStep {
  if (!onProduct) return step;
  return {
    ...step,
    products: step.products,
    add(row, header) {
      step.add(row, header);
      if (row.product && !row.hasError && header.missing.length === 0) onProduct(row.product, row.line, sheet);
    },
    addProduct(product) {
      step.addProduct(product);
      onProduct(product, product.line, product.sheet);
    },
  };
}
