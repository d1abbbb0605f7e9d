// The read shape of one product (reference §5.1), in the official example's key casing.
import type { CategoryIndex } from "./categories.js";
import type { ShopState } from "./state.js";
import type { MockListing } from "./types.js";

const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const fileNameOf = (url: string): string => url.slice(url.lastIndexOf("/") + 1) || "image.jpg";

export interface ViewContext {
  shop: ShopState;
  categories: CategoryIndex;
  baseUrl: string;
}

export function renderProduct(p: MockListing, ctx: ViewContext): Record<string, unknown> {
  const etalase = p.etalaseId === null ? undefined : ctx.shop.etalase.find((e) => e.id === p.etalaseId);
  const leaf = ctx.categories.leaves.get(p.categoryId);
  const url = `${ctx.baseUrl}/${ctx.shop.domain}/${slugOf(p.name)}-${p.productId}`;
  const price = { value: p.price, currency: 1, LastUpdateUnix: p.updatedUnix, idr: p.price };
  return {
    basic: {
      productID: p.productId,
      shopID: p.shopId,
      status: p.status,
      Name: p.name,
      condition: p.condition,
      childCategoryID: p.categoryId,
      shortDesc: p.description,
      createTimeUnix: p.createdUnix,
      updateTimeUnix: p.updatedUnix,
    },
    price,
    weight: { value: p.weightGrams, unit: 1 },
    stock: { useStock: p.isStockUnlimited !== true, value: p.stock, stockWording: p.stock > 0 && p.stock < 5 ? "<b>Stok hampir habis!</b>" : "" },
    main_stock: p.stock,
    reserve_stock: 0,
    variant: { isParent: false, isVariant: false, childrenID: [] },
    menu: etalase ? { id: etalase.id, Name: etalase.name } : {},
    preorder: {},
    extraAttribute: { minOrder: p.minOrder, lastUpdateCategory: p.updatedUnix, isEligibleCOD: false },
    wholesale: p.wholesale.map((w, i, all) => ({
      price: { value: w.price, currency: 1, idr: w.price },
      minQuantity: w.minQty,
      maxQuantity: (all[i + 1]?.minQty ?? 0) > 0 ? (all[i + 1]?.minQty ?? 1) - 1 : 0,
    })),
    categoryTree: (leaf?.path ?? []).map((step) => ({
      id: step.id,
      Name: step.name,
      title: step.name,
      breadcrumbURL: `${ctx.baseUrl}/p/${slugOf(step.name)}`,
    })),
    pictures: p.pictures.map((src, i) => ({
      picID: p.productId * 10 + i,
      fileName: fileNameOf(src),
      filePath: src.slice(0, src.lastIndexOf("/")),
      status: 2,
      OriginalURL: src,
      ThumbnailURL: src,
      width: 0,
      height: 0,
      URL300: src,
    })),
    GMStats: {},
    stats: { countView: 0 },
    other: { sku: p.sku, url, mobileURL: url },
    campaign: { StartDate: "0001-01-01T00:00:00Z", EndDate: "0001-01-01T00:00:00Z" },
    volume: p.dimension ?? { length: 0, width: 0, height: 0 },
    warehouses: [
      { productID: p.productId, warehouseID: 1, price: { value: p.price, currency: 1, idr: p.price }, stock: { useStock: true, value: p.stock } },
    ],
  };
}
