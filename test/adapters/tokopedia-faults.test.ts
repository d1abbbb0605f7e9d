// Issue 9 "Done when": under injected faults a full sync of 200 products ends with every product
// listed exactly once; a steady sync paced by the rate-limit headers hits no 429 at all.
import { afterEach, describe, expect, it } from "vitest";
import type { Change, ChangeOutcome } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { MOCK_LEAF_ID, startMockRig, type MockRig } from "./mock-harness.js";

const creates = (count: number, prefix: string): Change[] =>
  Array.from({ length: count }, (_, i) => {
    const sku = `${prefix}-${String(i).padStart(3, "0")}`;
    return {
      kind: "create",
      sku,
      product: makeDesired({ sku, name: `Produk Desa ${prefix} ${i}`, categoryId: MOCK_LEAF_ID, price: 10_000 + i }),
    };
  });

describe("tokopedia adapter under load and faults", () => {
  let rig: MockRig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it("paces by the X-Ratelimit headers: 60 creates + listing at 20 req/s without a single 429", async () => {
    rig = await startMockRig({ server: { rateLimit: 20, burst: 20 } });
    const outcomes = await rig.adapter.apply(creates(60, "PACE"));
    expect(outcomes.filter((o) => o.status !== "applied")).toEqual([]);
    const listed = await rig.adapter.listListings();
    expect(listed).toHaveLength(60);
    expect(rig.server.stats().rateLimited).toBe(0);
    const stats = rig.adapter.stats?.();
    expect(stats?.rateLimited).toBe(0);
    // Bulk creates: far fewer requests than items.
    expect(stats?.writeRequests).toBeLessThan(30);
  });

  it("with 500s, 429s, resets and commit-then-drop, a 200-product sync lists every product exactly once", async () => {
    rig = await startMockRig({
      server: {
        rateLimit: 2000,
        burst: 100,
        faults: { error500: 0.08, error429: 0.05, reset: 0.05, commitThenDrop: 0.08, seed: 42 },
      },
      adapter: { maxRetries: 6, concurrency: 4 },
    });
    const wanted = creates(200, "SYNC");
    // A sync: list, create what is missing, repeat for retryable failures (as a rerun would).
    const seen: ChangeOutcome[] = [];
    for (let round = 0; round < 4; round++) {
      const present = new Set((await rig.adapter.listListings()).map((l) => l.sku));
      const missing = wanted.filter((c) => !present.has(c.sku));
      if (missing.length === 0) break;
      seen.push(...(await rig.adapter.apply(missing)));
    }
    // Enough faults to matter (fewer requests, hence draws, since lost batches are found through pages).
    expect(rig.server.stats().faultsInjected).toBeGreaterThan(5);
    const live = rig.server.listings().filter((l) => l.status !== 0);
    const counts = new Map<string, number>();
    for (const l of live) counts.set(l.sku, (counts.get(l.sku) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(live).toHaveLength(200);
    expect(seen.filter((o) => o.status === "failed" && !o.error.retryable)).toEqual([]);

    // Then updates under the same faults: 100 price changes, 20 deactivations.
    const byId = new Map(live.map((l) => [l.sku, String(l.productId)]));
    const updates: Change[] = wanted.slice(0, 120).map((c, i) =>
      i < 100
        ? {
            kind: "update",
            sku: c.sku,
            listingId: byId.get(c.sku) ?? "",
            fields: [{ field: "price", from: 0, to: 20_000 + i }],
            product: makeDesired({ sku: c.sku, categoryId: MOCK_LEAF_ID, price: 20_000 + i }),
          }
        : { kind: "deactivate", sku: c.sku, listingId: byId.get(c.sku) ?? "", reason: "pruned", fields: [] },
    );
    const updated = await rig.adapter.apply(updates);
    expect(updated.filter((o) => o.status !== "applied")).toEqual([]);
    const after = new Map(rig.server.listings().map((l) => [l.sku, l]));
    expect(after.get("SYNC-007")?.price).toBe(20_007);
    expect(after.get("SYNC-110")?.status).toBe(3);
    expect(rig.server.listings().filter((l) => l.status !== 0)).toHaveLength(200);
  });
});
