// What Search Products does not return (it gives key fields only, §4.1): description, weight,
// category, images. Kept per product in .desbumi/ with the update_time it was read at, or the time
// we last wrote it, so a resync of an unchanged shop needs only search requests; a product changed
// elsewhere (Seller Center) has a newer update_time and is read again with Get Product.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../shared/atomic-write.js";

export interface ProductDetail {
  description: string;
  weightGrams: number;
  categoryId: string;
  /** Uploaded image uris, in gallery order. */
  images: string[];
  /** minimum_order_quantity (ID market, 1..20); absent in caches written before it was kept = 1. */
  minOrder?: number;
  /** is_pre_owned (Tokopedia-only listings, §9): the catalogue's "bekas" condition. */
  preOwned?: boolean;
  /** Product attributes by name (values joined with ", "), as Get Product names them. */
  attributes?: Record<string, string>;
  /**
   * Variants desbumi stopped by sending quantity 0 because their row says inactive (no per-SKU
   * deactivate exists, §4.6): seller SKU (lowercase) -> the row's stock when sent. Read back as
   * inactive while the SKU still has no sellable stock (read.ts variantState).
   */
  stoppedVariants?: Record<string, number>;
  /**
   * A product created for an inactive row: its SKUs were sent with quantity 0 (seller SKU lowercase
   * -> the row's stock), so it is never sellable while the deactivate waits for the review (§4.4:
   * deactivate takes live products only). Cleared by the next stock write.
   */
  heldStock?: Record<string, number>;
  /**
   * Each SKU's sales attributes (options, and the sku_img of the one that has it), by seller SKU
   * lowercase, as Get Product read them or our last SKU write sent them. Search Products returns
   * key fields only (§4.1: no sales_attributes), so variants' options come from here.
   */
  skuAttributes?: Record<string, SkuAttribute[]>;
  /** Content hashes of the certificate photos last sent in `certifications[]` (write.ts). */
  certificates?: string[];
  /** update_time seen with these details (search/Get Product), or 0 when we wrote them. */
  updateTime: number;
  /** Unix seconds just after our last successful write of this product (0 = never). */
  writtenAt: number;
}

export interface SkuAttribute {
  id?: string;
  name?: string;
  value_id?: string;
  value_name?: string;
  sku_img?: { uri?: string };
}

/** seller SKU (lowercase) -> sales attributes, for the SKUs that have any. */
export function skuAttributesOf(skus: readonly { seller_sku?: unknown; sales_attributes?: unknown }[]): Record<string, SkuAttribute[]> | undefined {
  const out: Record<string, SkuAttribute[]> = {};
  for (const s of skus) {
    if (typeof s.seller_sku !== "string" || !Array.isArray(s.sales_attributes) || s.sales_attributes.length === 0) continue;
    out[s.seller_sku.toLowerCase()] = (s.sales_attributes as SkuAttribute[]).map((a) => ({
      ...(a.id !== undefined ? { id: a.id } : {}),
      ...(a.name !== undefined ? { name: a.name } : {}),
      ...(a.value_id !== undefined ? { value_id: a.value_id } : {}),
      ...(a.value_name !== undefined ? { value_name: a.value_name } : {}),
      ...(a.sku_img?.uri ? { sku_img: { uri: a.sku_img.uri } } : {}),
    }));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

interface DetailFile {
  version: 1;
  shop: string;
  products: Record<string, ProductDetail>;
}

export class DetailCache {
  private dirty = false;
  private constructor(
    private readonly file: string,
    private readonly data: DetailFile,
  ) {}

  static async open(stateDir: string, shop: string): Promise<DetailCache> {
    const file = join(stateDir, `tiktok-shop-products-${shop.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
    let data: DetailFile = { version: 1, shop, products: {} };
    try {
      const parsed = JSON.parse(await readFile(file, "utf8")) as DetailFile;
      if (parsed.version === 1 && parsed.shop === shop && typeof parsed.products === "object") data = parsed;
    } catch {
      // NOTE: missing or damaged: products are read again with Get Product.
    }
    return new DetailCache(file, data);
  }

  /**
   * The cached details if they still describe a product whose search row says `updateTime`.
   * NOTE: after our own write we do not learn the new update_time; a row updated no later than our
   * write (same clock within the API's 30 s timestamp window) is taken as our write.
   */
  fresh(id: string, updateTime: number): ProductDetail | undefined {
    const d = Object.hasOwn(this.data.products, id) ? this.data.products[id] : undefined;
    if (!d) return undefined;
    if (d.updateTime !== 0 && d.updateTime === updateTime) return d;
    if (d.writtenAt !== 0 && updateTime <= d.writtenAt) return d;
    return undefined;
  }

  get(id: string): ProductDetail | undefined {
    return Object.hasOwn(this.data.products, id) ? this.data.products[id] : undefined;
  }

  put(id: string, detail: ProductDetail): void {
    this.data.products[id] = detail;
    this.dirty = true;
  }

  /** Merge changed fields after a write. */
  wrote(id: string, patch: Partial<ProductDetail>): void {
    const old = this.get(id) ?? { description: "", weightGrams: 0, categoryId: "", images: [], updateTime: 0, writtenAt: 0 };
    this.put(id, { ...old, ...patch, updateTime: 0, writtenAt: Math.floor(Date.now() / 1000) + 1 });
  }

  /** Forget products no longer in the shop. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of Object.keys(this.data.products)) {
      if (!ids.has(id)) {
        delete this.data.products[id];
        this.dirty = true;
      }
    }
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    await writeFileAtomic(this.file, JSON.stringify(this.data) + "\n");
  }
}
