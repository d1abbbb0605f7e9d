// Step 3 of the pipeline, read rows -> products: a row without errors becomes a CatalogProduct;
// a row with errors only marks its SKU as not to be touched by sync.
import { InternalError } from "../errors.js";
import type { HeaderMap } from "./columns.js";
import type { ReadRow } from "./row-step.js";
import type { ProductSpool } from "./product-spool.js";
import type { CatalogProduct } from "./types.js";

/** The zod safety net's shape (loaded only when products are handed on; see pipeline.ts). */
export interface ProductCheck {
  safeParse(value: unknown): { success: boolean };
}

export interface ProductStep {
  add(row: ReadRow, header: HeaderMap): void;
  /** A product built from several rows (with variants). */
  addProduct(product: CatalogProduct): void;
  /** Rows a late (cross-row) finding made invalid. */
  drop(lines: ReadonlySet<number>): void;
  markInvalid(sku: string): void;
  readonly products: CatalogProduct[];
  invalidSkus(): string[];
}

export interface ProductStepOptions {
  sheet: string | undefined;
  /** Keep the products (false: validation only, nothing but SKUs of invalid rows is kept). */
  collect: boolean;
  check: ProductCheck | undefined;
  /**
   * Spool kept products to a temporary file instead of `products` (validate --format json).
   * NOTE: then a product dropped by a late duplicate-name finding has no SKU to add to
   * invalidSkus; only sync reads invalidSkus, and sync never spools.
   */
  spool?: ProductSpool;
}

export function createProductStep({ sheet, collect, check, spool }: ProductStepOptions): ProductStep {
  const products: CatalogProduct[] = [];
  const keep = (product: CatalogProduct): void => {
    if (spool) spool.add(product, product.line, product.sheet);
    else products.push(product);
  };
  const invalid = new Set<string>();
  return {
    add(row, header) {
      // A missing required column makes every row incomplete, though no row has an error of its own.
      if (row.hasError || !row.product || header.missing.length > 0) {
        if (row.sku !== undefined) invalid.add(row.sku);
        return;
      }
      if (!collect) return;
      if (check && !check.safeParse(row.product).success) {
        throw new InternalError(`normalized row at line ${row.line} does not match the product schema`);
      }
      if (spool) spool.add(row.product, row.line, sheet);
      else products.push(sheet === undefined ? { ...row.product, line: row.line } : { ...row.product, line: row.line, sheet });
    },
    addProduct(product) {
      if (!collect) return;
      const { line: _line, sheet: _sheet, ...fields } = product;
      if (check && !check.safeParse(fields).success) {
        throw new InternalError(`normalized product at line ${product.line} does not match the product schema`);
      }
      keep(product);
    },
    drop(lines) {
      if (lines.size === 0) return;
      spool?.drop(lines);
      for (let i = products.length - 1; i >= 0; i--) {
        const p = products[i]!;
        // A product with variants goes when any of its rows has a late finding.
        if (lines.has(p.line) || p.variants?.some((v) => lines.has(v.line))) {
          invalid.add(p.sku);
          for (const v of p.variants ?? []) invalid.add(v.sku);
          products.splice(i, 1);
        }
      }
    },
    markInvalid(sku) {
      invalid.add(sku);
    },
    products,
    invalidSkus: () => [...invalid],
  };
}
