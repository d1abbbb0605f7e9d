// POST /v1/products/fs/{fs_id}/active|inactive and POST|DELETE /v3/products/fs/{fs_id}/delete (§5.7).
// Failures are strings, "Error Product ID [id] : ...", with HTTP 200.
import { describeValue, ok, reject, type Reply } from "../envelope.js";
import { findLiveById, putProduct } from "../state.js";
import type { MockListing } from "../types.js";
import { ERR_TOO_MANY_REQUEST, countOf, listInObject, requireList } from "./bulk-body.js";
import { FS, type Route, type RouteContext } from "./types.js";

export const STATUS_MAX = 25;
const NOT_FOUND = "There are some problem when retrieve product info";

function decodeIds(body: unknown): number[] {
  const list = requireList(listInObject(body, "product_id"), "product_id", STATUS_MAX, body);
  return list.map((v, i) =>
    typeof v === "number" && Number.isSafeInteger(v)
      ? v
      : reject("PRD_DLV_042", `Invalid field [product_id[${i}]] format, value [${describeValue(v)}] should be int`),
  );
}

function setStatus(ctx: RouteContext, change: (p: MockListing) => MockListing): Reply {
  const ids = decodeIds(ctx.body);
  const failed: string[] = [];
  ids.forEach((id, i) => {
    if (i >= ctx.granted) return void failed.push(`Error Product ID [${id}] : ${ERR_TOO_MANY_REQUEST}`);
    const product = findLiveById(ctx.shop, id);
    if (!product) return void failed.push(`Error Product ID [${id}] : ${NOT_FOUND}`);
    putProduct(ctx.shop, { ...change(product), updatedUnix: ctx.nowUnix });
  });
  return ok({
    total_data: ids.length,
    succeed_rows: ids.length - failed.length,
    failed_rows: failed.length,
    failed_rows_data: failed.length > 0 ? failed : null,
  });
}

const statusRoute = (key: string, methods: string[], pattern: RegExp, change: (p: MockListing) => MockListing): Route => ({
  key,
  methods,
  pattern,
  isWrite: true,
  needsShopId: true,
  hasBody: true,
  countItems: (body) => countOf(listInObject(body, "product_id")),
  handle: (ctx) => setStatus(ctx, change),
});

export const activeRoute = statusRoute(
  "POST /v1/products/fs/:fs_id/active",
  ["POST"],
  new RegExp(`^/v1/products/fs/${FS}/active$`),
  (p) => ({ ...p, status: 1, isEmptiedByStock: false }),
);

export const inactiveRoute = statusRoute(
  "POST /v1/products/fs/:fs_id/inactive",
  ["POST"],
  new RegExp(`^/v1/products/fs/${FS}/inactive$`),
  (p) => ({ ...p, status: 3, isEmptiedByStock: false }),
);

// NOTE: public clients use POST, SIR's spec says DELETE; both are accepted (reference §4).
export const deleteRoute = statusRoute(
  "POST /v3/products/fs/:fs_id/delete",
  ["POST", "DELETE"],
  new RegExp(`^/v3/products/fs/${FS}/delete$`),
  (p) => ({ ...p, status: 0, isEmptiedByStock: false }),
);
