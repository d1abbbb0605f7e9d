// Decodes one product object from a create/edit body. Keys match case-insensitively (`Name` and
// `name`), as Go's JSON decoder does upstream; a wrong JSON type rejects the whole request (400),
// like a failed unmarshal would. Business rules are checked later, per row (product-rules.ts).
import { describeValue, invalidFormat, reject } from "./envelope.js";
import { JsonDecimal } from "./http/json.js";

export interface ProductFields {
  id?: number;
  name?: string;
  description?: string;
  sku?: string;
  price?: number;
  priceCurrency?: string;
  stock?: number;
  status?: string;
  minOrder?: number;
  categoryId?: number;
  condition?: string;
  weight?: number;
  weightUnit?: string;
  pictures?: string[];
  /** null: take it out of its etalase. */
  etalaseId?: number | null;
  wholesale?: { minQty: number; price: number }[];
  /** null: remove the dimension. */
  dimension?: { height: number; width: number; length: number } | null;
  hasVariant?: boolean;
}

/** A JSON object with lower-cased keys (later duplicates win, as in Go); prototype-free. */
export type LowerObject = Record<string, unknown>;

/**
 * Issue 13.13: the copy has no prototype, so a `__proto__` key is an ordinary (unknown, ignored)
 * field and never changes what other keys read as.
 */
export function lowerKeys(value: unknown): LowerObject | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof JsonDecimal) return undefined;
  const out = Object.create(null) as LowerObject;
  for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = v;
  return out;
}

const isPresent = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Issue 13.17: an int field takes an integer literal only, as Go's decoder into an int64 does:
 * `1e3` and `2147700000.0` (JsonDecimal, their spelling kept by the parser) are refused, and so is
 * a value a JavaScript number cannot hold exactly.
 */
export function readInt(obj: LowerObject, key: string, path: string): number | undefined {
  const v = obj[key];
  if (!isPresent(v)) return undefined;
  if (typeof v !== "number" || !Number.isSafeInteger(v)) return invalidFormat(`${path}${key}`, v, "int");
  return v;
}

function readNumber(obj: LowerObject, key: string, path: string): number | undefined {
  const raw = obj[key];
  if (!isPresent(raw)) return undefined;
  const v = raw instanceof JsonDecimal ? raw.value : raw;
  if (typeof v !== "number" || !Number.isFinite(v)) return invalidFormat(`${path}${key}`, raw, "number");
  return v;
}

function readString(obj: LowerObject, key: string, path: string): string | undefined {
  const v = obj[key];
  if (!isPresent(v)) return undefined;
  if (typeof v !== "string") return invalidFormat(`${path}${key}`, v, "string");
  return v;
}

function readObject(obj: LowerObject, key: string, path: string): LowerObject | undefined {
  const v = obj[key];
  if (!isPresent(v)) return undefined;
  const o = lowerKeys(v);
  if (!o) return invalidFormat(`${path}${key}`, v, "object");
  return o;
}

function readArray(obj: LowerObject, key: string, path: string): unknown[] | undefined {
  const v = obj[key];
  if (!isPresent(v)) return undefined;
  if (!Array.isArray(v)) return invalidFormat(`${path}${key}`, v, "array");
  return v;
}

function readPictures(obj: LowerObject, path: string): string[] | undefined {
  const list = readArray(obj, "pictures", path);
  if (!list) return undefined;
  return list.map((item, i) => {
    const pic = lowerKeys(item);
    if (!pic) return invalidFormat(`${path}pictures[${i}]`, item, "object");
    return readString(pic, "file_path", `${path}pictures[${i}].`) ?? "";
  });
}

function readEtalase(obj: LowerObject, path: string): number | null | undefined {
  // Edit accepts `menu:{id}` as well as `etalase:{id}` (reference §5.4).
  const key = isPresent(obj.etalase) ? "etalase" : isPresent(obj.menu) ? "menu" : undefined;
  if (!key) return undefined;
  const e = readObject(obj, key, path);
  const id = e ? readInt(e, "id", `${path}${key}.`) : undefined;
  return id === undefined || id === 0 ? null : id;
}

function readWholesale(obj: LowerObject, path: string): { minQty: number; price: number }[] | undefined {
  const list = readArray(obj, "wholesale", path);
  if (!list) return undefined;
  return list.map((item, i) => {
    const w = lowerKeys(item);
    if (!w) return invalidFormat(`${path}wholesale[${i}]`, item, "object");
    return {
      minQty: readInt(w, "min_qty", `${path}wholesale[${i}].`) ?? 0,
      price: readInt(w, "price", `${path}wholesale[${i}].`) ?? 0,
    };
  });
}

function readDimension(obj: LowerObject, path: string): ProductFields["dimension"] {
  if (!(("dimension" in obj))) return undefined;
  const d = readObject(obj, "dimension", path);
  if (!d || Object.keys(d).length === 0) return null;
  const at = `${path}dimension.`;
  return { height: readInt(d, "height", at) ?? 0, width: readInt(d, "width", at) ?? 0, length: readInt(d, "length", at) ?? 0 };
}

/** Decodes `products[i]`; throws RequestRejected (400) on a wrong JSON type. */
export function decodeProduct(raw: unknown, index: number): ProductFields {
  const path = `products[${index}].`;
  const obj = lowerKeys(raw);
  if (!obj) return reject("PRD_DLV_043", `Invalid request body: products[${index}] is ${describeValue(raw)}, should be an object`);
  const fields: ProductFields = {};
  const set = <K extends keyof ProductFields>(key: K, value: ProductFields[K] | undefined): void => {
    if (value !== undefined) fields[key] = value;
  };
  set("id", readInt(obj, "id", path));
  set("name", readString(obj, "name", path));
  set("description", readString(obj, "description", path));
  set("sku", readString(obj, "sku", path));
  set("price", readInt(obj, "price", path));
  set("priceCurrency", readString(obj, "price_currency", path));
  set("stock", readInt(obj, "stock", path));
  set("status", readString(obj, "status", path));
  set("minOrder", readInt(obj, "min_order", path));
  set("categoryId", readInt(obj, "category_id", path));
  set("condition", readString(obj, "condition", path));
  set("weight", readNumber(obj, "weight", path));
  set("weightUnit", readString(obj, "weight_unit", path));
  set("pictures", readPictures(obj, path));
  set("etalaseId", readEtalase(obj, path));
  set("wholesale", readWholesale(obj, path));
  set("dimension", readDimension(obj, path));
  if (isPresent(obj.variant)) fields.hasVariant = true;
  return fields;
}
