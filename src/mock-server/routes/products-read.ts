// GET /inventory/v1/fs/{fs_id}/product/info: by product_id(s), by product_url, by sku, or a shop page.
import { parseIntStrict } from "../http/request.js";
import { malformed, ok, type Reply } from "../envelope.js";
import { renderProduct } from "../product-view.js";
import { findLiveBySku } from "../state.js";
import type { MockListing } from "../types.js";
import { FS, type Route, type RouteContext } from "./types.js";

export const PER_PAGE_MAX = 50;
const IDS_MAX = 50;
const WINDOW_MAX = 10_000;

type Sorter = (a: MockListing, b: MockListing) => number;
const byId: Sorter = (a, b) => a.productId - b.productId;
const then = (first: Sorter): Sorter => (a, b) => first(a, b) || byId(a, b);
const SORTS: Record<number, Sorter> = {
  1: byId,
  2: then((a, b) => b.updatedUnix - a.updatedUnix),
  3: byId,
  4: byId,
  5: then((a, b) => b.price - a.price),
  6: then((a, b) => a.price - b.price),
  7: then((a, b) => a.name.localeCompare(b.name)),
  8: then((a, b) => b.name.localeCompare(a.name)),
  9: then((a, b) => a.stock - b.stock),
  10: then((a, b) => b.stock - a.stock),
};

const intParam = (ctx: RouteContext, name: string): number | Reply | undefined => {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const n = parseIntStrict(raw.trim());
  if (n === undefined) return malformed("PRD_DLV_042", `Invalid field [${name}] format, value [${raw}] should be int`);
  return n;
};

const isReply = (v: unknown): v is Reply => typeof v === "object" && v !== null && "status" in v;

const render = (ctx: RouteContext, list: MockListing[]): Reply =>
  ok(list.map((p) => renderProduct(p, { shop: ctx.shop, categories: ctx.categories, baseUrl: ctx.baseUrl })));

function byIds(ctx: RouteContext, raw: string): Reply {
  const parts = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (parts.length > IDS_MAX) return malformed("PRD_DLV_018", `Max allowed products per-request are ${IDS_MAX} products`);
  const found: MockListing[] = [];
  for (const part of parts) {
    const id = parseIntStrict(part);
    if (id === undefined) return malformed("PRD_DLV_042", `Invalid field [product_id] format, value [${part}] should be int`);
    const p = ctx.shop.products.get(id);
    if (p) found.push(p);
  }
  return render(ctx, found);
}

function byUrl(ctx: RouteContext, url: string): Reply {
  const match = /-(\d+)\/?$/.exec(url.trim());
  const p = match?.[1] ? ctx.shop.products.get(Number(match[1])) : undefined;
  return render(ctx, p ? [p] : []);
}

function shopPage(ctx: RouteContext): Reply {
  const page = intParam(ctx, "page");
  if (isReply(page)) return page;
  const perPage = intParam(ctx, "per_page");
  if (isReply(perPage)) return perPage;
  const sort = intParam(ctx, "sort");
  if (isReply(sort)) return sort;
  if (page === undefined) return malformed("PRD_DLV_005", "page cannot be empty when shop_id is filled");
  if (perPage === undefined) return malformed("PRD_DLV_045", "Field [per_page] should not be empty");
  if (page < 1) return malformed("PRD_DLV_038", `Value [${page}] of field [page] is not allowed, must be 1 or more`);
  if (perPage < 1 || perPage > PER_PAGE_MAX) {
    return malformed("PRD_DLV_038", `Value [${perPage}] of field [per_page] is not allowed, must be between 1 and ${PER_PAGE_MAX}`);
  }
  const sorter = SORTS[sort ?? 1];
  if (!sorter) return malformed("PRD_DLV_038", `Value [${String(sort)}] of field [sort] is not allowed, must be between 1 and 10`);
  const lastSortRaw = ctx.query.get("last_sort")?.trim();
  const lastSort = lastSortRaw && /^\d+$/.test(lastSortRaw) ? Number(lastSortRaw) : undefined;
  const start = (page - 1) * perPage;
  if (lastSort === undefined && start + perPage > WINDOW_MAX) {
    return malformed("PRD_DLV_038", `page * per_page over ${WINDOW_MAX} needs last_sort`);
  }
  let live = [...ctx.shop.products.values()].filter((p) => p.status !== 0).sort(sorter);
  // NOTE: last_sort is read as "after this product_id" (reference §5.1: semantics undocumented).
  if (lastSort !== undefined) live = live.filter((p) => p.productId > lastSort);
  const from = lastSort === undefined ? start : 0;
  return render(ctx, live.slice(from, from + perPage));
}

function getProductInfo(ctx: RouteContext): Reply {
  const ids = ctx.query.get("product_id") ?? ctx.query.get("product");
  if (ids !== null && ids.trim() !== "") return byIds(ctx, ids);
  const url = ctx.query.get("product_url");
  if (url !== null && url.trim() !== "") return byUrl(ctx, url);
  const sku = ctx.query.get("sku");
  if (sku !== null && sku.trim() !== "") {
    const p = findLiveBySku(ctx.shop, sku);
    return render(ctx, p ? [p] : []);
  }
  if (ctx.query.get("shop_id")) return shopPage(ctx);
  return malformed("PRD_DLV_045", "Field [product_id] or [product_url] or [sku] or [shop_id] should not be empty");
}

export const productInfoRoute: Route = {
  key: "GET /inventory/v1/fs/:fs_id/product/info",
  methods: ["GET"],
  pattern: new RegExp(`^/inventory/v1/fs/${FS}/product/info$`),
  isWrite: false,
  needsShopId: false,
  hasBody: false,
  handle: getProductInfo,
};
