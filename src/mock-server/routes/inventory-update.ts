// POST /inventory/v1/fs/{fs_id}/price/update and .../stock/update (reference §5.5, §5.6).
// Rows are keyed by sku (preferred when both are given) or product_id; failures are rows, HTTP 200.
import { describeValue, ok, reject, type Reply } from "../envelope.js";
import { lowerKeys, readInt } from "../product-input.js";
import { PRICE_MAX, PRICE_MIN } from "../product-rules.js";
import { findLiveById, findLiveBySku, putProduct } from "../state.js";
import type { MockListing } from "../types.js";
import { ERR_TOO_MANY_REQUEST, countOf, requireList } from "./bulk-body.js";
import { FS, type Route, type RouteContext } from "./types.js";

export const INVENTORY_MAX = 100;

interface Row {
  productId?: number;
  sku?: string;
  value?: number;
}

function decodeRows(body: unknown, valueKey: string): Row[] {
  const list = requireList(Array.isArray(body) ? body : undefined, "body", INVENTORY_MAX, body);
  return list.map((raw, i) => {
    const obj = lowerKeys(raw);
    if (!obj) return reject("PRD_DLV_043", `Invalid request body: row ${i} is ${describeValue(raw)}, should be an object`);
    const sku = obj.sku;
    if (sku !== undefined && sku !== null && typeof sku !== "string") {
      return reject("PRD_DLV_042", `Invalid field [${i}].sku format, value [${describeValue(sku)}] should be string`);
    }
    const row: Row = {};
    const productId = readInt(obj, "product_id", `[${i}].`);
    const value = readInt(obj, valueKey, `[${i}].`);
    if (productId !== undefined) row.productId = productId;
    if (typeof sku === "string" && sku.trim() !== "") row.sku = sku;
    if (value !== undefined) row.value = value;
    return row;
  });
}

type Apply = (p: MockListing, value: number, ctx: RouteContext) => MockListing;
type Check = (value: number, ctx: RouteContext) => string | undefined;

function updateRows(ctx: RouteContext, valueKey: "new_price" | "new_stock", check: Check, apply: Apply): Reply {
  const rows = decodeRows(ctx.body, valueKey);
  const failed: Record<string, unknown>[] = [];
  let succeeded = 0;
  rows.forEach((row, i) => {
    const fail = (message: string): void =>
      void failed.push({ product_id: row.productId ?? 0, sku: row.sku ?? "", product_url: "", [valueKey]: row.value ?? 0, message });
    if (i >= ctx.granted) return fail(ERR_TOO_MANY_REQUEST);
    const product = row.sku !== undefined ? findLiveBySku(ctx.shop, row.sku) : row.productId !== undefined ? findLiveById(ctx.shop, row.productId) : undefined;
    if (!product) return fail(row.sku !== undefined ? "Invalid SKU." : "Invalid Product ID.");
    if (row.value === undefined) return fail(`Field [${valueKey}] should not be empty`);
    const problem = check(row.value, ctx);
    if (problem) return fail(problem);
    putProduct(ctx.shop, { ...apply(product, row.value, ctx), updatedUnix: ctx.nowUnix });
    succeeded += 1;
  });
  return ok({ failed_rows: failed.length, failed_rows_data: failed, succeed_rows: succeeded });
}

const setPrice: Apply = (p, value) => ({ ...p, price: value });

/**
 * Stock 0 moves an active product to the warehouse and a restock brings back one that left that
 * way, unless `bypass_update_product_status=true` (reference §5.6).
 */
const setStock: Apply = (p, value, ctx) => {
  const next = { ...p, stock: value, isStockUnlimited: false };
  if (ctx.query.get("bypass_update_product_status") === "true") return next;
  if (value === 0 && p.status === 1) return { ...next, status: 3, isEmptiedByStock: true };
  if (value > 0 && p.status === 3 && p.isEmptiedByStock) return { ...next, status: 1, isEmptiedByStock: false };
  return next;
};

const rowsOf = (body: unknown): number => countOf(Array.isArray(body) ? body : undefined);

export const priceUpdateRoute: Route = {
  key: "POST /inventory/v1/fs/:fs_id/price/update",
  methods: ["POST"],
  pattern: new RegExp(`^/inventory/v1/fs/${FS}/price/update$`),
  isWrite: true,
  needsShopId: true,
  hasBody: true,
  countItems: rowsOf,
  handle: (ctx) =>
    updateRows(
      ctx,
      "new_price",
      (v) => (v < PRICE_MIN || v > PRICE_MAX ? `Invalid price, must be between ${PRICE_MIN} and ${PRICE_MAX}.` : undefined),
      setPrice,
    ),
};

export const stockUpdateRoute: Route = {
  key: "POST /inventory/v1/fs/:fs_id/stock/update",
  methods: ["POST"],
  pattern: new RegExp(`^/inventory/v1/fs/${FS}/stock/update$`),
  isWrite: true,
  needsShopId: true,
  hasBody: true,
  countItems: rowsOf,
  handle: (ctx) =>
    updateRows(
      ctx,
      "new_stock",
      (v, c) => (v < 0 || v > c.maxStock ? `Invalid stock, must be between 0 and ${c.maxStock}.` : undefined),
      setStock,
    ),
};
