// Step 3 of the pipeline, read rows -> products: a row without errors becomes a CatalogProduct;
// a row with errors only marks its SKU as not to be touched by sync.
import { InternalError } from "../errors.js";
import type { HeaderMap } from "./columns.js";
import type { ReadRow } from "./row-step.js";
import type { CatalogProduct } from "./types.js";

/** The zod safety net's shape (loaded only when products are handed on; see pipeline.ts). */
export interface ProductCheck {
  safeParse(value: unknown): { success: boolean };
}

export interface ProductStep {
  add(row: ReadRow, header: HeaderMap): void;
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
}

export function createProductStep({ sheet, collect, check }: ProductStepOptions): ProductStep {
  const products: CatalogProduct[] = [];
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
      products.push(sheet === undefined ? { ...row.product, line: row.line } : { ...row.product, line: row.line, sheet });
    },
    drop(lines) {
      if (lines.size === 0) return;
      for (let i = products.length - 1; i >= 0; i--) {
        const p = products[i]!;
        if (lines.has(p.line)) {
          invalid.add(p.sku);
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
