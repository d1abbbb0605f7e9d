// PATCH /v3/products/fs/{fs_id}/edit?shop_id= — partial edit: only the fields sent change (§5.4).
import { ok, type Reply } from "../envelope.js";
import { decodeProduct } from "../product-input.js";
import { applyEdit, checkEdit } from "../product-rules.js";
import { putProduct } from "../state.js";
import { ERR_TOO_MANY_REQUEST, countOf, listInObject, requireList, v3WriteResult } from "./bulk-body.js";
import { FS, type Route, type RouteContext } from "./types.js";

export const EDIT_MAX = 25;

const NOT_EDITABLE = "Product Status Not In Active or Warehouse. Edit Process Canceled";

function editProducts(ctx: RouteContext): Reply {
  const list = requireList(listInObject(ctx.body, "products"), "products", EDIT_MAX, ctx.body);
  const decoded = list.map((raw, i) => decodeProduct(raw, i));
  const succeeded: { product_id: number; product_sku: string }[] = [];
  const failed: Record<string, unknown>[] = [];
  decoded.forEach((fields, i) => {
    const current = fields.id === undefined ? undefined : ctx.shop.products.get(fields.id);
    const row = {
      product_id: fields.id ?? 0,
      product_name: fields.name ?? current?.name ?? "",
      product_price: fields.price ?? current?.price ?? 0,
      sku: fields.sku ?? current?.sku ?? "",
    };
    const fail = (errors: string[]): void => void failed.push({ ...row, error: errors });
    if (i >= ctx.granted) return void failed.push({ ...row, error: [ERR_TOO_MANY_REQUEST], message: ERR_TOO_MANY_REQUEST });
    if (fields.id === undefined) return fail(["Field [id] should not be empty"]);
    if (!current) return fail([`Product [${fields.id}] not found`]);
    if (current.status !== 1 && current.status !== 3) return fail([NOT_EDITABLE]);
    const errors = checkEdit(fields, current, ctx);
    if (errors.length > 0) return fail(errors);
    const next = applyEdit(current, fields, ctx.nowUnix);
    putProduct(ctx.shop, next);
    succeeded.push({ product_id: next.productId, product_sku: next.sku });
  });
  return ok(v3WriteResult(decoded.length, succeeded, failed));
}

export const productEditRoute: Route = {
  key: "PATCH /v3/products/fs/:fs_id/edit",
  methods: ["PATCH"],
  pattern: new RegExp(`^/v3/products/fs/${FS}/edit$`),
  isWrite: true,
  needsShopId: true,
  hasBody: true,
  countItems: (body) => countOf(listInObject(body, "products")),
  handle: editProducts,
};
