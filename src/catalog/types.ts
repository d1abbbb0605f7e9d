// The catalogue model: one normalized product per spreadsheet row.
import type { Issue } from "../issues.js";

export type Condition = "NEW" | "USED";
export type ProductStatus = "active" | "inactive";

/** A normalized catalogue row, with canonical field names (the JSON output uses these names). */
export interface Product extends ProductV2Fields {
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

/** The single-SKU (v1) catalogue columns; v2 columns (variants, attributes ...) have their own maps. */
export type ProductField = (typeof PRODUCT_FIELDS)[number];

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
  /** The header row's line (CSV) or row number (XLSX), when a header was found. */
  headerLine?: number;
  /**
   * Where each mapped field is in the file: the header text as written and the 0-based column
   * index (images: the first image column). Lets later steps (sync's category checks) locate
   * their issues like the reader's own. Absent when no header row was found.
   */
  columns?: Partial<Record<ProductField, { header: string; index: number }>>;
  /**
   * Catalogue v2: where the per-marketplace columns are (`Nama Produk (TikTok Shop)`), by override
   * key and field, the first certificate file column and the variant photo column; for issues
   * located after reading.
   */
  extraColumns?: {
    overrides?: Record<string, Partial<Record<"name" | "price" | "stock", { header: string; index: number }>>>;
    certificateFiles?: { header: string; index: number };
    /** `Atribut: <name>` columns by the name as written after the colon (plan-time attribute issues). */
    attributes?: Record<string, { header: string; index: number }>;
    /** The one `Atribut` cell of `name=value; ...`. */
    attributeCell?: { header: string; index: number };
    brand?: { header: string; index: number };
    certificates?: Partial<Record<import("./certificates.js").CertificateKind, { header: string; index: number }>>;
    /** The per-variant photo column (`Foto Variasi`), where variant photo issues are located. */
    variantPhoto?: { header: string; index: number };
  };
  /**
   * Issue 14.4: the kept products spooled to a temporary file (loadCatalog's spoolProducts;
   * `products` is then empty). Its reader must call dispose() when done.
   */
  productSpool?: import("./product-spool.js").ProductSpool;
}

// ---- Catalogue v2 (issue 14). Shared contract for the catalogue reader, the plan and every adapter.
// Optional on Product while the pipeline grows into it; readers of v2 fields treat "absent" as empty.

/** One sellable SKU of a product with variants (sizes, colours, flavours ...). */
export interface Variant {
  sku: string;
  /** Option name as written in the catalogue (`Ukuran`, `Warna`) -> value (`M`, `Merah`), in column order. */
  options: Record<string, string>;
  /** Whole rupiah. */
  price: number;
  stock: number;
  /** Whole grams; the product's weight when the variant row gives none. */
  weight: number;
  /** 0 or 1 photo reference (same forms as Product.images). */
  images: string[];
  status: ProductStatus;
  /** This variant's own `Harga (Shopee)` / `Stok (Shopee)` cells, keyed like Product.overrides. */
  overrides?: Record<string, Omit<MarketplaceOverride, "name">>;
  line: number;
  sheet?: string;
  cell?: string;
}

/** Certificates and permits as written (trimmed); absent = not given. */
export interface Certificates {
  /** SPP-IRT / PIRT home-industry permit number. */
  pirt?: string;
  /** BPOM RI MD/ML registration number. */
  bpom?: string;
  /** BPOM POM TR (traditional medicine, jamu). */
  pomTr?: string;
  halal?: string;
  sni?: string;
  /** Certificate photos or PDFs (references like Product.images). */
  files?: string[];
}

/** Per-marketplace overrides from `Nama Produk (Shopee)`-style columns, keyed by marketplace family. */
export interface MarketplaceOverride {
  name?: string;
  price?: number;
  stock?: number;
}

/** Catalogue v2 product fields (all optional on Product so v1 code paths keep compiling). */
export interface ProductV2Fields {
  /** Brand as written; "" = no brand (adapters send their "no brand" value). */
  brand?: string;
  /** Marketplace attributes by name as written (`Bahan` -> `Katun`). */
  attributes?: Record<string, string>;
  certificates?: Certificates;
  /** Keyed by marketplace family: "tiktok-shop", "shopee", "tokopedia". */
  overrides?: Record<string, MarketplaceOverride>;
  /**
   * The SKUs of a product with variants ([] or absent for a single-SKU product). When non-empty,
   * Product.sku is the parent code (`Kode Induk`; the first variant's SKU when the file has no
   * parent column), and Product.price/stock are the first variant's price and the sum of stocks.
   */
  variants?: Variant[];
}
