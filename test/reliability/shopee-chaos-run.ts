// Issue 16 chaos: the shopee adapter against the Shopee mock with seeded error_server, error_rate_limit,
// error_system_busy, resets and commit-then-drop on add_item and init_tier_variation. Sync-like
// rounds (list -> diff -> apply) until nothing is left; then the shop must hold every product once,
// with the latest prices and stocks (no duplicate, no lost update).
import type { Variant } from "../../src/catalog/types.js";
import { diffCatalog } from "../../src/plan/diff.js";
import type { Change, DesiredProduct, Listing } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { SHOPEE_LEAF_ID, startShopeeRig } from "../adapters/shopee-rig.js";

export interface ShopeeChaosResult {
  seed: number;
  rounds: number;
  faults: number;
  violations: string[];
}

const variants = (sku: string, base: number): Variant[] =>
  ["S", "M"].map((size, i) => ({ sku: `${sku}-${size}`, options: { Ukuran: size }, price: base + i * 1000, stock: 3 + i, weight: 250, images: [], status: "active", line: 2 }));

function catalogue(n: number, bump: number): DesiredProduct[] {
  return Array.from({ length: n }, (_, i) => {
    const sku = `CH-${String(i).padStart(3, "0")}`;
    const withVariants = i % 5 === 0;
    return makeDesired({
      sku,
      name: `Produk Desa ${i}`,
      categoryId: SHOPEE_LEAF_ID,
      category: SHOPEE_LEAF_ID,
      price: 20_000 + i * 100 + bump,
      stock: 5 + (bump % 7),
      images: [`https://img.example.test/${sku}.jpg`],
      ...(withVariants ? { variants: variants(sku, 20_000 + bump) } : {}),
    });
  });
}

/** Variant price/stock changes the plan would carry (photos-plan's VariantChange), by model SKU. */
function withVariantsOnly(changes: Change[], _products: readonly DesiredProduct[], listings: readonly Listing[]): Change[] {
  const byId = new Map(listings.map((l) => [l.id, l]));
  const out: Change[] = [];
  for (const c of changes) {
    if (c.kind !== "update" || !c.product.variants?.length) {
      out.push(c);
      continue;
    }
    const listing = byId.get(c.listingId);
    if ((listing?.variants?.length ?? 0) === 0) {
      // Models never made (a create whose init_tier_variation was lost): the adapter finishes it.
      out.push(c);
      continue;
    }
    const vcs = c.product.variants.flatMap((v) => {
      const live = listing?.variants?.find((x) => x.sku === v.sku);
      if (!live) return [];
      const fields = [
        ...(live.price !== v.price ? [{ field: "price" as const, from: live.price, to: v.price }] : []),
        ...(live.stock !== v.stock ? [{ field: "stock" as const, from: live.stock, to: v.stock }] : []),
      ];
      return fields.length > 0 ? [{ kind: "update" as const, sku: v.sku, variantId: live.id, fields }] : [];
    });
    const fields = c.fields.filter((f) => f.field !== "price" && f.field !== "stock");
    if (fields.length > 0 || vcs.length > 0) out.push({ ...c, fields, variants: vcs });
  }
  return out;
}

/** The v1 diff compares item-level price/stock; for products with variants those follow the models. */
function comparable(products: readonly DesiredProduct[]): DesiredProduct[] {
  return products.map((p) => (p.variants?.length ? { ...p, price: Math.min(...p.variants.map((v) => v.price)), stock: p.variants.reduce((n, v) => n + v.stock, 0) } : p));
}

export async function runShopeeChaos(opts: { seed: number; products: number; maxRounds?: number }): Promise<ShopeeChaosResult> {
  const rig = await startShopeeRig({
    server: { rateLimit: 1000, faults: { seed: opts.seed, server: 0.05, rateLimit: 0.05, busy: 0.03, reset: 0.03, drop: 0.25 } },
  });
  const violations: string[] = [];
  let rounds = 0;
  try {
    for (const bump of [0, 700]) {
      const desired = comparable(catalogue(opts.products, bump));
      for (let round = 0; round < (opts.maxRounds ?? 12); round += 1) {
        rounds += 1;
        let listings: Listing[];
        try {
          listings = await rig.adapter.listListings();
        } catch {
          continue; // the listing itself hit too many faults: the next round reads again
        }
        const plan = diffCatalog({ products: desired, listings });
        const changes = withVariantsOnly(plan.changes, desired, listings);
        if (changes.length === 0) break;
        await rig.adapter.apply(changes).catch(() => undefined);
      }
    }
    rig.server.setFaults({});
    const items = rig.server.items();
    const bySku = new Map<string, number>();
    for (const item of items) bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + 1);
    const want = catalogue(opts.products, 700);
    for (const p of want) {
      const count = bySku.get(p.sku) ?? 0;
      if (count !== 1) violations.push(`${p.sku}: ${count} items`);
      const item = items.find((i) => i.sku === p.sku);
      if (!item) continue;
      if (p.variants?.length) {
        const got = item.models.map((m) => `${m.sku}=${m.price}/${m.stock}`).join(",");
        const exp = p.variants.map((v) => `${v.sku}=${v.price}/${v.stock}`).join(",");
        if (got !== exp) violations.push(`${p.sku}: models ${got}, want ${exp}`);
      } else if (item.price !== p.price || item.stock !== p.stock) {
        violations.push(`${p.sku}: price/stock ${item.price}/${item.stock}, want ${p.price}/${p.stock}`);
      }
    }
    return { seed: opts.seed, rounds, faults: rig.server.stats().faultsInjected, violations };
  } finally {
    await rig.stop();
  }
}
