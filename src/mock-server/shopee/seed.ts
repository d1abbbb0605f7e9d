// Preloading a fresh mock shop (tests, demos, `--seed file.json`): items put in directly, not
// through the API, each with one uploaded-looking image.
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { seedLogistics } from "./fixtures.js";
import { touch, type Item, type Shop } from "./store.js";

const seedItemSchema = z.object({
  sku: z.string(),
  name: z.string(),
  price: z.number(),
  stock: z.number().int(),
  status: z.enum(["NORMAL", "UNLIST", "REVIEWING", "BANNED", "SELLER_DELETE", "SHOPEE_DELETE"]).optional(),
  categoryId: z.number().int().optional(),
  /** Kilograms. @default 0.25 */
  weight: z.number().optional(),
  description: z.string().optional(),
  /** One tier of variants. */
  variants: z
    .object({ tier: z.string(), options: z.array(z.object({ option: z.string(), sku: z.string(), price: z.number(), stock: z.number().int() })) })
    .optional(),
});

export const seedSchema = z.array(seedItemSchema);
export type SeedItem = z.infer<typeof seedItemSchema>;

/** Masker Kain: a leaf without mandatory attributes, so seeded items are valid as they are. */
export const SEED_CATEGORY_ID = 100012;

export function seedShop(shop: Shop, items: readonly SeedItem[], nowUnix: number): void {
  for (const s of items) {
    const imageId = `id-11134207-${randomBytes(12).toString("hex")}`;
    shop.images.set(imageId, { imageId, bytes: 0, sha256: "" });
    const variants = s.variants;
    const item: Item = {
      itemId: shop.nextItemId++,
      status: s.status ?? "NORMAL",
      name: s.name,
      description: s.description ?? "Buatan tangan warga desa.",
      sku: s.sku,
      price: variants ? Math.min(...variants.options.map((o) => o.price)) : s.price,
      stock: variants ? variants.options.reduce((n, o) => n + o.stock, 0) : s.stock,
      weight: s.weight ?? 0.25,
      categoryId: s.categoryId ?? SEED_CATEGORY_ID,
      condition: "NEW",
      brand: { brand_id: 0, original_brand_name: "NoBrand" },
      attributes: [],
      imageIds: [imageId],
      logistics: seedLogistics(),
      dimension: { package_length: 20, package_width: 15, package_height: 5 },
      tiers: variants ? [{ name: variants.tier, options: variants.options.map((o) => ({ option: o.option })) }] : [],
      models: variants ? variants.options.map((o, i) => ({ modelId: shop.nextModelId++, tierIndex: [i], sku: o.sku, price: o.price, stock: o.stock })) : [],
      createTime: nowUnix,
      updateTime: nowUnix,
    };
    touch(shop, item, nowUnix);
    shop.items.set(item.itemId, item);
  }
}
