// Seller-API shapes <-> desbumi's Listing / DesiredProduct.
// Doc: shared/reference/tokopedia-seller-api.md §5.1 (read shape), §5.2 (create v3), §5.4 (edit v3),
// §5.5 (price), §5.6 (stock), §5.7 (active/inactive), §5.9 (categories), §6 (field rules).
import type { Category } from "../types.js";
import type { DesiredProduct, FieldChange, Listing } from "../../plan/types.js";
import { flattenCategoryTree, type CategoryNode } from "../../categories/tree.js";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Read a key whatever its casing (the official example says `Name`, the doc table `name`). */
export function getKey(obj: unknown, key: string): unknown {
  if (!isObj(obj)) return undefined;
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const num = (v: unknown, fallback = 0): number => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
};

/**
 * The read shape of one product -> Listing, or undefined for deleted products (status 0), which
 * are gone from the shop. NOTE: pending (-1) and banned (-2) products are kept, as `inactive`:
 * hiding them would make the next plan create the same SKU again, i.e. a duplicate.
 */
export function readListing(raw: unknown): Listing | undefined {
  const basic = getKey(raw, "basic");
  const id = num(getKey(basic, "productID"), NaN);
  if (!Number.isFinite(id)) return undefined;
  const statusCode = num(getKey(basic, "status"), 1);
  if (statusCode === 0) return undefined;
  const stock = getKey(raw, "stock");
  const weight = getKey(raw, "weight");
  const weightUnit = num(getKey(weight, "unit"), 1);
  const menu = getKey(raw, "menu");
  const pictures = getKey(raw, "pictures");
  const price = getKey(raw, "price");
  return {
    id: String(id),
    sku: str(getKey(getKey(raw, "other"), "sku")),
    name: str(getKey(basic, "Name")),
    description: str(getKey(basic, "shortDesc")),
    price: num(getKey(price, "value"), num(getKey(price, "idr"))),
    stock: getKey(stock, "useStock") === false ? 0 : num(getKey(stock, "value")),
    // Issue 12.7: a listing whose stock is not tracked is always available, whatever its number.
    ...(getKey(stock, "useStock") === false ? { stockUnlimited: true } : {}),
    weight: Math.round(num(getKey(weight, "value")) * (weightUnit === 2 ? 1000 : 1)),
    categoryId: str(getKey(basic, "childCategoryID")),
    condition: num(getKey(basic, "condition"), 1) === 2 ? "USED" : "NEW",
    status: statusCode === 1 ? "active" : "inactive",
    min_order: num(getKey(getKey(raw, "extraAttribute"), "minOrder"), 1),
    etalase: num(getKey(menu, "id")) > 0 ? str(getKey(menu, "id")) : "",
    images: Array.isArray(pictures)
      ? pictures.map((p) => str(getKey(p, "OriginalURL"))).filter((u) => u !== "")
      : [],
  };
}

/** The shop id a product belongs to, when the answer says. */
export const readShopId = (raw: unknown): string => str(getKey(getKey(raw, "basic"), "shopID"));

/**
 * NOTE (issue 12.7): write `status` is the stock status (LIMITED | UNLIMITED | EMPTY, §5.2/§6). The
 * doc defines stock 0 as "always available" (UNLIMITED), which would make a sold-out row sellable
 * without limit, so desbumi never sends UNLIMITED: stock 0 goes out as EMPTY (no sellable stock;
 * the marketplace moves the product to the warehouse, and work.ts activates it again when the row
 * is active), anything else as LIMITED.
 */
export const stockStatus = (stock: number): "LIMITED" | "EMPTY" => (stock > 0 ? "LIMITED" : "EMPTY");

/** An etalase id goes out only when the cell holds one (names are resolved to ids before, in etalase.ts). */
const etalaseRef = (etalase: string): { id: number } | undefined =>
  /^\d+$/.test(etalase.trim()) ? { id: Number(etalase.trim()) } : undefined;

export function createPayload(p: DesiredProduct): Obj {
  const etalase = etalaseRef(p.etalase);
  return {
    name: p.name,
    condition: p.condition,
    description: p.description,
    sku: p.sku,
    price: p.price,
    price_currency: "IDR",
    status: stockStatus(p.stock),
    stock: p.stock,
    min_order: p.min_order,
    category_id: Number(p.categoryId),
    weight: p.weight,
    weight_unit: "GR",
    is_free_return: false,
    is_must_insurance: false,
    pictures: p.images.map((file_path) => ({ file_path })),
    ...(etalase ? { etalase } : {}),
  };
}

/** Edit v3 wants only the changed fields, plus `id`, `sku` and `status` (§5.4). */
export function editPayload(listingId: string, sku: string, fields: readonly FieldChange[]): Obj {
  // Issue 12.7: stock 0 is never sent in an edit (it means "always available" there); work.ts
  // follows the edit with a stock update to 0, so an edit's stock status is always LIMITED.
  const out: Obj = { id: Number(listingId), sku, status: "LIMITED" };
  for (const { field, to } of fields) {
    switch (field) {
      case "name":
      case "description":
        out[field] = str(to);
        break;
      case "stock":
        if (num(to) > 0) out.stock = num(to);
        break;
      case "price":
      case "min_order":
        out[field] = num(to);
        break;
      case "weight":
        out.weight = num(to);
        out.weight_unit = "GR";
        break;
      case "category":
        out.category_id = Number(to);
        break;
      case "condition":
        out.condition = to === "USED" ? "USED" : "NEW";
        break;
      case "etalase": {
        const ref = etalaseRef(str(to));
        if (ref) out.etalase = ref;
        break;
      }
      case "images":
        out.pictures = (Array.isArray(to) ? to : []).map((u) => ({ file_path: str(u) }));
        break;
    }
  }
  return out;
}

/** §5.9: `{categories:[{name,id,child:[…]}]}`, ids as strings, leaves without `child`. */
export function readCategories(data: unknown): Category[] {
  const toNode = (raw: unknown): CategoryNode => {
    const child = getKey(raw, "child");
    return {
      id: str(getKey(raw, "id")),
      name: str(getKey(raw, "name")),
      ...(Array.isArray(child) && child.length > 0 ? { children: child.map(toNode) } : {}),
    };
  };
  const roots = getKey(data, "categories");
  return Array.isArray(roots) ? flattenCategoryTree(roots.map(toNode)) : [];
}

/** A failed row's product id: `product_id` field, or `[123]` inside an active/inactive error string. */
export function failedRowId(row: unknown): string | undefined {
  if (typeof row === "string") return /\[(\d+)\]/.exec(row)?.[1];
  const id = getKey(row, "product_id");
  return id === undefined || id === null || id === "" || id === 0 ? undefined : str(id);
}

/** A failed row's message: `message`, `error` (string or list), or the row itself when a string. */
export function failedRowMessage(row: unknown): string {
  if (typeof row === "string") return row.replace(/^Error Product ID \[\d+\]\s*:\s*/, "");
  const error = getKey(row, "error");
  if (Array.isArray(error)) return error.map(str).join("; ");
  return str(error) || str(getKey(row, "message")) || "rejected by the marketplace";
}

export const isTooManyRequests = (row: unknown): boolean =>
  (typeof row === "string" ? row : failedRowMessage(row)).includes("ERR_TOO_MANY_REQUEST");

/** The list of failed rows under any of the doc's spellings. */
export function failedRows(data: unknown): unknown[] {
  const rows = getKey(data, "failed_rows_data");
  return Array.isArray(rows) ? rows : [];
}

export function successRows(data: unknown): unknown[] {
  const rows = getKey(data, "success_rows_data") ?? getKey(data, "success_row_data") ?? getKey(data, "succeed_rows_data");
  return Array.isArray(rows) ? rows : [];
}
