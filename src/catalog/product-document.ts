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

/** Printable ASCII without `"` and `\`: JSON.stringify writes such a string as it is, in quotes. */
const JSON_PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const jsonString = (s: string): string => (JSON_PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));
const isText = (v: unknown): v is string => typeof v === "string";

/**
 * `JSON.stringify(toProductDocument(product, line, sheet))`, the same text.
 * NOTE: a single-SKU product without v2 fields (nearly every row of a big catalogue) is written
 * field by field, its plain strings quoted as they are: JSON.stringify of the document object was
 * a tenth of `validate --format json`'s time. Any other shape (variants, v2 fields, a value of an
 * unexpected type) goes through JSON.stringify; the test compares both on many products.
 */
export function productDocumentJson(product: Product, line: number, sheet: string | undefined): string {
  const p = product;
  if (
    (p.variants !== undefined && p.variants.length > 0) ||
    p.brand !== undefined ||
    p.attributes !== undefined ||
    p.certificates !== undefined ||
    p.overrides !== undefined ||
    !isText(p.sku) ||
    !isText(p.name) ||
    !isText(p.description) ||
    !isText(p.category) ||
    !isText(p.condition) ||
    !isText(p.status) ||
    !isText(p.etalase) ||
    !Number.isFinite(p.price) ||
    !Number.isFinite(p.stock) ||
    !Number.isFinite(p.weight) ||
    !Number.isFinite(p.min_order) ||
    !Number.isFinite(line) ||
    !Array.isArray(p.images) ||
    !p.images.every(isText)
  ) {
    return JSON.stringify(toProductDocument(product, line, sheet));
  }
  let images = "";
  for (let i = 0; i < p.images.length; i++) images += `${i === 0 ? "" : ","}${jsonString(p.images[i]!)}`;
  const where = sheet === undefined ? `"line":${line}` : `"line":${line},"sheet":${jsonString(sheet)}`;
  return `{"sku":${jsonString(p.sku)},"name":${jsonString(p.name)},"description":${jsonString(p.description)},"price":${p.price},"stock":${p.stock},"weight":${p.weight},"category":${jsonString(p.category)},"condition":${jsonString(p.condition)},"status":${jsonString(p.status)},"min_order":${p.min_order},"etalase":${jsonString(p.etalase)},"images":[${images}],"variants":[],${where}}`;
}
