// GET etalase (showcases) and the category tree (reference §5.8, §5.9).
import { ok } from "../envelope.js";
import { searchCategories } from "../categories.js";
import { FS, type Route } from "./types.js";

export const etalaseRoute: Route = {
  key: "GET /inventory/v1/fs/:fs_id/product/etalase",
  methods: ["GET"],
  pattern: new RegExp(`^/inventory/v1/fs/${FS}/product/etalase$`),
  isWrite: false,
  needsShopId: true,
  hasBody: false,
  handle: (ctx) => {
    const uri = `${ctx.baseUrl}/${ctx.shop.domain}`;
    return ok({
      shop: { id: ctx.shop.shopId, name: ctx.shop.name, uri, location: "Jawa Tengah" },
      etalase: ctx.shop.etalase.map((e) => ({
        etalase_id: e.id,
        etalase_name: e.name,
        alias: e.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
        url: `${uri}/etalase/${e.id}`,
      })),
    });
  },
};

export const categoryRoute: Route = {
  key: "GET /inventory/v1/fs/:fs_id/product/category",
  methods: ["GET"],
  pattern: new RegExp(`^/inventory/v1/fs/${FS}/product/category$`),
  isWrite: false,
  needsShopId: false,
  hasBody: false,
  handle: (ctx) => {
    const keyword = ctx.query.get("keyword");
    // NOTE: the category fixture carries a numeric `error_code: 0`, unlike other endpoints.
    if (keyword && keyword.trim() !== "") return ok({ categories: searchCategories(ctx.categories, keyword) }, 0);
    return ok({ categories: ctx.categories.tree }, 0);
  },
};
