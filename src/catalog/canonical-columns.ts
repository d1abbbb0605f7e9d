// The columns of the canonical catalogue (issue 14 "Everything downstream"): the v1 fields, then,
// only when some product has them, the catalogue v2 columns: a parent code and one row per
// variant, option name/value pairs, a variant photo, brand, certificates, attributes and
// per-marketplace columns. Every header is one the reader maps back to the same field, so a
// normalized file reads back as the same products. Pure.
import { PRODUCT_FIELDS, type Certificates, type Product, type Variant } from "./types.js";

export const IMAGE_SEPARATOR = "|";

/** One output row: a single-SKU product, or one variant of a product with variants. */
export interface CanonicalRow {
  product: Product;
  variant?: Variant;
}

export interface CanonicalColumn {
  header: string;
  cell(row: CanonicalRow): string;
}

const CERTIFICATE_HEADERS: [keyof Omit<Certificates, "files">, string][] = [
  ["pirt", "pirt"],
  ["bpom", "bpom"],
  ["pomTr", "pom tr"],
  ["halal", "halal"],
  ["sni", "sni"],
];
const OVERRIDE_HEADER = { name: "name", price: "price", stock: "stock" } as const;

const joined = (v: readonly string[] | undefined): string => (v ?? []).join(IMAGE_SEPARATOR);

/** The v1 columns; price, stock, weight and status come from the variant on a variant row. */
function v1Column(field: (typeof PRODUCT_FIELDS)[number]): CanonicalColumn {
  return {
    header: field,
    cell: ({ product, variant }) => {
      if (variant && (field === "sku" || field === "price" || field === "stock" || field === "weight" || field === "status")) return String(variant[field]);
      const value = product[field];
      return Array.isArray(value) ? joined(value) : String(value);
    },
  };
}

export function canonicalColumns(products: readonly Product[]): CanonicalColumn[] {
  const columns = PRODUCT_FIELDS.map(v1Column);
  const hasVariants = products.some((p) => (p.variants?.length ?? 0) > 0);
  if (hasVariants) {
    // NOTE: "parent sku" and Shopify-style "option1 name"/"option1 value" pairs: any option name
    // reads back as written (a column headed by the option's own name works only for known names).
    columns.push({ header: "parent sku", cell: ({ product, variant }) => (variant ? product.sku : "") });
    const optionCount = Math.max(0, ...products.map((p) => Math.max(0, ...(p.variants ?? []).map((v) => Object.keys(v.options).length))));
    for (let i = 0; i < optionCount; i++) {
      columns.push({ header: `option${i + 1} name`, cell: ({ variant }) => (variant ? (Object.keys(variant.options)[i] ?? "") : "") });
      columns.push({ header: `option${i + 1} value`, cell: ({ variant }) => (variant ? (Object.values(variant.options)[i] ?? "") : "") });
    }
    if (products.some((p) => p.variants?.some((v) => v.images.length > 0))) {
      columns.push({ header: "variant image", cell: ({ variant }) => joined(variant?.images) });
    }
  }
  if (products.some((p) => p.brand !== undefined)) columns.push({ header: "brand", cell: ({ product }) => product.brand ?? "" });
  for (const [kind, header] of CERTIFICATE_HEADERS) {
    if (products.some((p) => p.certificates?.[kind] !== undefined)) columns.push({ header, cell: ({ product }) => product.certificates?.[kind] ?? "" });
  }
  if (products.some((p) => (p.certificates?.files?.length ?? 0) > 0)) {
    columns.push({ header: "certificate file", cell: ({ product }) => joined(product.certificates?.files) });
  }
  const attributes = unique(products.flatMap((p) => Object.keys(p.attributes ?? {})));
  // NOTE: one column per attribute name, case and spacing folded as the reader folds them; a
  // product that spelled the name otherwise keeps its value under the first spelling.
  for (const name of attributes) columns.push({ header: `Atribut: ${name}`, cell: ({ product }) => attributeValue(product.attributes, name) });
  for (const key of unique(products.flatMap((p) => [...Object.keys(p.overrides ?? {}), ...(p.variants ?? []).flatMap((v) => Object.keys(v.overrides ?? {}))]))) {
    for (const field of ["name", "price", "stock"] as const) {
      const given = products.some((p) => p.overrides?.[key]?.[field] !== undefined || (field !== "name" && p.variants?.some((v) => v.overrides?.[key]?.[field] !== undefined)));
      if (!given) continue;
      columns.push({
        header: `${OVERRIDE_HEADER[field]} (${key})`,
        cell: ({ product, variant }) => {
          const value = field !== "name" && variant ? variant.overrides?.[key]?.[field] : product.overrides?.[key]?.[field];
          return value === undefined ? "" : String(value);
        },
      });
    }
  }
  return columns;
}

/**
 * Products in the order their first rows are in the file. NOTE: the pipeline hands products with
 * a parent code on at the end of the file (their rows may be anywhere); normalize writes file order.
 */
export const inFileOrder = <P extends { line: number }>(products: readonly P[]): P[] => [...products].sort((a, b) => a.line - b.line);

/** Rows in product order; a product with variants is one row per variant. */
export function* canonicalRows(products: Iterable<Product>): Generator<CanonicalRow> {
  for (const product of products) {
    if (product.variants && product.variants.length > 0) for (const variant of product.variants) yield { product, variant };
    else yield { product };
  }
}

const fold = (name: string): string => name.toLowerCase().replace(/\s+/g, " ").trim();

function attributeValue(attributes: Record<string, string> | undefined, name: string): string {
  if (!attributes) return "";
  if (attributes[name] !== undefined) return attributes[name];
  const key = fold(name);
  return Object.entries(attributes).find(([k]) => fold(k) === key)?.[1] ?? "";
}

/** First-seen order, case-insensitively unique (the reader folds attribute names the same way). */
function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = fold(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
