// POST /v3/products/fs/{fs_id}/create?shop_id= — synchronous create (reference §5.2).
import { ok, type Reply } from "../envelope.js";
import { decodeProduct } from "../product-input.js";
import { buildListing, checkCreate } from "../product-rules.js";
import { allocateProductId, MAX_PRODUCT_ID, putProduct } from "../state.js";
import { ERR_TOO_MANY_REQUEST, countOf, listInObject, requireList, v3WriteResult } from "./bulk-body.js";
import { FS, type Route, type RouteContext } from "./types.js";

/** The reference leaves v3's cap open; v2 documents 25, so the mock uses that. */
export const CREATE_MAX = 25;

function createProducts(ctx: RouteContext): Reply {
  const list = requireList(listInObject(ctx.body, "products"), "products", CREATE_MAX, ctx.body);
  const decoded = list.map((raw, i) => decodeProduct(raw, i));
  const succeeded: { product_id: number }[] = [];
  const failed: Record<string, unknown>[] = [];
  decoded.forEach((fields, i) => {
    const row = { product_name: fields.name ?? "", product_price: fields.price ?? 0, sku: fields.sku ?? "" };
    if (i >= ctx.granted) {
      failed.push({ ...row, error: [ERR_TOO_MANY_REQUEST], message: ERR_TOO_MANY_REQUEST });
      return;
    }
    const errors = checkCreate(fields, ctx);
    // Ids stay exact for JavaScript clients (issue 13.11): a shop that reached the cap is full.
    if (ctx.shop.nextProductId > MAX_PRODUCT_ID) errors.push(`This shop cannot take more products (product ids would pass ${MAX_PRODUCT_ID})`);
    if (errors.length > 0) {
      failed.push({ ...row, error: errors });
      return;
    }
    const listing = buildListing(fields, allocateProductId(ctx.shop), ctx.shop.shopId, ctx.nowUnix);
    putProduct(ctx.shop, listing);
    succeeded.push({ product_id: listing.productId });
  });
  return ok(v3WriteResult(decoded.length, succeeded, failed));
}

export const productCreateRoute: Route = {
  key: "POST /v3/products/fs/:fs_id/create",
  methods: ["POST"],
  pattern: new RegExp(`^/v3/products/fs/${FS}/create$`),
  isWrite: true,
  needsShopId: true,
  hasBody: true,
  countItems: (body) => countOf(listInObject(body, "products")),
  handle: createProducts,
};
