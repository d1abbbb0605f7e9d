// One seeded chaos run of the tiktok-shop adapter against its mock (issue 15 item 5): 500s, 429s,
// connection resets and commit-then-drop on every endpoint including create; the sync is rerun
// (list -> diff -> apply) until nothing is left to do. Then: every SKU exactly once in the mock,
// every field as the catalogue says (no lost update), and a price round that converges too.
import { diffCatalog } from "../../src/plan/diff.js";
import type { DesiredProduct } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { TIKTOK_LEAF_ID, startTikTokRig } from "./tiktok-rig.js";

export interface TikTokChaosResult {
  seed: number;
  rounds: number;
  faults: number;
  violations: string[];
}

const MAX_ROUNDS = 12;

export async function runTikTokChaos(opts: { seed: number; products: number }): Promise<TikTokChaosResult> {
  const rig = await startTikTokRig({ titleMinLength: 1, faults: { seed: opts.seed, error500: 0.08, error429: 0.08, reset: 0.05, commitThenDrop: 0.05 } }, { maxRetries: 2, retryBaseMs: 2 });
  const violations: string[] = [];
  let rounds = 0;
  try {
    let catalogue: DesiredProduct[] = Array.from({ length: opts.products }, (_, i) => {
      const sku = `CH-${String(i).padStart(4, "0")}`;
      return makeDesired({ sku, name: `Keripik Singkong Pedas Desa ${i}`, categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID, price: 10_000 + i, stock: 5 + (i % 7) });
    });
    const converge = async (): Promise<void> => {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        rounds += 1;
        const adapter = await rig.adapter();
        let listings;
        try {
          listings = await adapter.listListings();
        } catch {
          continue; // a read that exhausted its retries: the next run reads again
        }
        const plan = diffCatalog({ products: catalogue, listings, invalidSkus: [], prune: false });
        if (plan.changes.length === 0) return;
        await adapter.apply(plan.changes).catch(() => undefined);
        await adapter.close();
      }
      violations.push(`did not converge in ${MAX_ROUNDS} rounds`);
    };
    await converge();
    catalogue = catalogue.map((p, i) => (i % 3 === 0 ? { ...p, price: p.price + 500 } : i % 3 === 1 ? { ...p, stock: p.stock + 1, name: `${p.name} Baru` } : p));
    await converge();
    const live = rig.mock.state.products.filter((p) => p.status !== "DELETED");
    const bySku = new Map<string, number>();
    for (const p of live) for (const s of p.skus) bySku.set(s.seller_sku ?? "", (bySku.get(s.seller_sku ?? "") ?? 0) + 1);
    for (const p of catalogue) {
      const n = bySku.get(p.sku) ?? 0;
      if (n !== 1) violations.push(`${p.sku} is in the shop ${n} times`);
      const m = live.find((x) => x.skus[0]?.seller_sku === p.sku);
      if (m && (m.title !== p.name || m.skus[0]?.price.amount !== String(p.price) || m.skus[0]?.inventory[0]?.quantity !== p.stock)) {
        violations.push(`${p.sku} lost an update: ${m.title} ${m.skus[0]?.price.amount} ${m.skus[0]?.inventory[0]?.quantity}`);
      }
    }
    if (live.length !== catalogue.length) violations.push(`${live.length} products in the shop, ${catalogue.length} in the catalogue`);
    return { seed: opts.seed, rounds, faults: rig.mock.stats().faultsInjected, violations };
  } finally {
    await rig.stop();
  }
}
