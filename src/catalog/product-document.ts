// A product as the JSON report (document version 2) prints it: the v1 fields in their order,
// `variants` (always, [] for a single-SKU product), v2 fields when given, then its location.
import type { CatalogProduct, Product, PRODUCT_FIELDS, Variant } from "./types.js";

export type ProductDocument = Record<(typeof PRODUCT_FIELDS)[number], unknown> & {
  variants: VariantDocument[];
  brand?: string;
  attributes?: Record<string, string>;
  certificates?: CatalogProduct["certificates"];
  overrides?: CatalogProduct["overrides"];
  line: number;
  sheet?: string;
};

export interface VariantDocument {
  sku: string;
  options: Record<string, string>;
  price: number;
  stock: number;
  weight: number;
  images: string[];
  status: string;
  overrides?: Variant["overrides"];
  line: number;
  sheet?: string;
  cell?: string;
}

const toVariantDocument = (v: Variant): VariantDocument => {
  const out: VariantDocument = { sku: v.sku, options: v.options, price: v.price, stock: v.stock, weight: v.weight, images: v.images, status: v.status, line: v.line };
  if (v.overrides !== undefined) {
    delete (out as Partial<VariantDocument>).line;
    out.overrides = v.overrides;
    out.line = v.line;
  }
  if (v.sheet !== undefined) out.sheet = v.sheet;
  if (v.cell !== undefined) out.cell = v.cell;
  return out;
};

export function toProductDocument(product: Product, line: number, sheet: string | undefined): ProductDocument {
  // NOTE: one object literal in PRODUCT_FIELDS order (a loop over dynamic keys was a tenth of
  // `validate --format json`'s time); the test pins the key order against PRODUCT_FIELDS.
  const out: ProductDocument = {
    sku: product.sku,
    name: product.name,
    description: product.description,
    price: product.price,
    stock: product.stock,
    weight: product.weight,
    category: product.category,
    condition: product.condition,
    status: product.status,
    min_order: product.min_order,
    etalase: product.etalase,
    images: product.images,
    variants: product.variants === undefined ? [] : product.variants.map(toVariantDocument),
    line,
  };
  if (product.brand !== undefined || product.attributes !== undefined || product.certificates !== undefined || product.overrides !== undefined) {
    delete (out as Partial<ProductDocument>).line;
    if (product.brand !== undefined) out.brand = product.brand;
    if (product.attributes !== undefined && Object.keys(product.attributes).length > 0) out.attributes = product.attributes;
    if (product.certificates !== undefined && Object.keys(product.certificates).length > 0) out.certificates = product.certificates;
    if (product.overrides !== undefined && Object.keys(product.overrides).length > 0) out.overrides = product.overrides;
    out.line = line;
  }
  if (sheet !== undefined) out.sheet = sheet;
  return out;
}
