// The catalogue model: one normalized product per spreadsheet row.
import type { Issue } from "../issues.js";

export type Condition = "NEW" | "USED";
export type ProductStatus = "active" | "inactive";

/** A normalized catalogue row, with canonical field names (the JSON output uses these names). */
export interface Product {
  /** Kept exactly as written (leading zeros survive). */
  sku: string;
  name: string;
  description: string;
  /** Whole rupiah. */
  price: number;
  stock: number;
  /** Whole grams. */
  weight: number;
  /** The category cell as written: a marketplace id (`1760`), a name or a path; "" when empty. */
  category: string;
  condition: Condition;
  status: ProductStatus;
  min_order: number;
  /** Etalase (showcase) id or name as written; "" when empty. */
  etalase: string;
  /** 0 to 5 http(s) URLs (0 only when the row also has a NO_IMAGES issue). */
  images: string[];
}

export const PRODUCT_FIELDS = [
  "sku",
  "name",
  "description",
  "price",
  "stock",
  "weight",
  "category",
  "condition",
  "status",
  "min_order",
  "etalase",
  "images",
] as const satisfies readonly (keyof Product)[];

/** Where a row lives in its file. `line` is the CSV physical line or the XLSX row number. */
export interface RowLocation {
  line: number;
  sheet?: string;
}

export interface CatalogProduct extends Product, RowLocation {}

/** What a catalogue file became after read -> normalize -> rules. */
export interface CatalogResult {
  file: string;
  format: "csv" | "xlsx";
  /** No error-severity issue. */
  valid: boolean;
  /** Data rows seen (blank and title rows excluded). */
  rows: number;
  /** Rows without errors, in file order. Empty when the caller asked not to collect products. */
  products: CatalogProduct[];
  /** SKUs (as written) of rows that had errors: sync must never touch their listings. */
  invalidSkus: string[];
  issues: Issue[];
  /**
   * Where each mapped field is in the file: the header text as written and the 0-based column
   * index (images: the first image column). Lets later steps (sync's category checks) locate
   * their issues like the reader's own. Absent when no header row was found.
   */
  columns?: Partial<Record<keyof Product, { header: string; index: number }>>;
}
