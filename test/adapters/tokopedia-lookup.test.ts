// Creates whose outcome is unknown (the connection dropped after the marketplace committed them):
// looked up per SKU, or, for a large batch in a shop known to be small enough, through the shop's
// pages. Either way every product ends up listed exactly once. Real mock server, seeded faults.
import { afterEach, describe, expect, it } from "vitest";
import { pagesAreCheaper } from "../../src/adapters/tokopedia/operations.js";
import { createFaultPicker } from "../../src/mock-server/faults.js";
import type { MockFaults } from "../../src/mock-server/index.js";
import type { Change } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import type { SeedListing } from "./contract.js";
import { MOCK_LEAF_ID, startMockRig, type MockRig } from "./mock-harness.js";

const INFO_ROUTE = "GET /inventory/v1/fs/:fs_id/product/info";
const DROP_RATE = 0.2;

/**
 * A seed whose fault draws are: the first request (the create batch) committed then dropped, the
 * next `clean` requests untouched. Found by replaying the server's own picker, not hard-coded.
 */
function dropFirstThenClean(clean: number): MockFaults {
  for (let seed = 1; seed < 1_000_000; seed++) {
    const picker = createFaultPicker({ commitThenDrop: DROP_RATE, seed });
    if (picker.pick() !== "commitThenDrop") continue;
    let ok = true;
    for (let i = 0; i < clean && ok; i++) ok = picker.pick() === "none";
    if (ok) return { commitThenDrop: DROP_RATE, seed };
  }
  throw new Error("no seed found");
}

const creates = (n: number): Change[] =>
  Array.from({ length: n }, (_, i) => {
    const sku = `NEW-${String(i).padStart(2, "0")}`;
    return { kind: "create", sku, product: makeDesired({ sku, name: `Produk Baru ${i}`, categoryId: MOCK_LEAF_ID }) };
  });

const seedListings = (n: number): SeedListing[] =>
  Array.from({ length: n }, (_, i) => ({ sku: `OLD-${i}`, name: `Produk Lama ${i}`, price: 10_000, stock: 5 }));

let rig: MockRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

/**
 * One clean create first: the adapter probes a new endpoint with a single item until the first
 * answer tells it the rate limit, so only after this does a whole batch of 25 go out at once.
 */
async function learnCreateLimit(r: MockRig): Promise<void> {
  const outcomes = await r.adapter.apply([{ kind: "create", sku: "FIRST", product: makeDesired({ sku: "FIRST", name: "Produk Pertama", categoryId: MOCK_LEAF_ID }) }]);
  expect(outcomes[0]?.status).toBe("applied");
}

function expectEachOnce(r: MockRig, skus: readonly string[]): void {
  const live = r.server.listings().filter((l) => l.status !== 0).map((l) => l.sku);
  for (const sku of skus) expect(live.filter((s) => s === sku)).toHaveLength(1);
}

describe("tokopedia adapter: creates with an unknown outcome", () => {
  it("a lost batch of 25 in a shop listed this run: found through 2 pages, not 25 lookups; no duplicates", async () => {
    rig = await startMockRig({ seed: seedListings(40) });
    expect(await rig.adapter.listListings()).toHaveLength(40);
    await learnCreateLimit(rig);
    const before = rig.server.stats().byRoute[INFO_ROUTE] ?? 0;
    // 66 listings after the batch: 2 pages.
    rig.server.setFaults(dropFirstThenClean(2));
    const changes = creates(25);
    const outcomes = await rig.adapter.apply(changes);

    expect(rig.server.stats().faultsInjected).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(changes.map(() => "applied"));
    expect(new Set(outcomes.map((o) => (o.status === "applied" ? o.listingId : ""))).size).toBe(25);
    expect((rig.server.stats().byRoute[INFO_ROUTE] ?? 0) - before).toBe(2);
    expect(rig.server.stats().byRoute["POST /v3/products/fs/:fs_id/create"]).toBe(2);
    expectEachOnce(rig, changes.map((c) => c.sku));
    expect(rig.server.listings()).toHaveLength(66);
  });

  it("without a listing this run (shop size unknown) it looks up each SKU; still no duplicates", async () => {
    rig = await startMockRig({ seed: seedListings(5) });
    await learnCreateLimit(rig);
    rig.server.setFaults(dropFirstThenClean(25));
    const changes = creates(25);
    const outcomes = await rig.adapter.apply(changes);
    expect(rig.server.stats().faultsInjected).toBe(1);
    expect(outcomes.every((o) => o.status === "applied")).toBe(true);
    expect(rig.server.stats().byRoute[INFO_ROUTE]).toBe(25);
    expectEachOnce(rig, changes.map((c) => c.sku));
  });

  it("a lost batch the marketplace never committed: one page says it is missing, and it is sent again once", async () => {
    rig = await startMockRig({ seed: seedListings(3) });
    await rig.adapter.listListings();
    await learnCreateLimit(rig);
    // Reset (nothing committed) for the first batch; then clean: pages say "missing", resend creates.
    for (let seed = 1; ; seed++) {
      const picker = createFaultPicker({ reset: DROP_RATE, seed });
      if (picker.pick() !== "reset") continue;
      if ([0, 1, 2, 3, 4, 5].every(() => picker.pick() === "none")) {
        rig.server.setFaults({ reset: DROP_RATE, seed });
        break;
      }
    }
    const changes = creates(12);
    const infoBefore = rig.server.stats().byRoute[INFO_ROUTE] ?? 0;
    const outcomes = await rig.adapter.apply(changes);
    expect(outcomes.every((o) => o.status === "applied")).toBe(true);
    // One page said "not there"; the batch was sent once more (creates: the first, the reset one, the resend).
    expect((rig.server.stats().byRoute[INFO_ROUTE] ?? 0) - infoBefore).toBe(1);
    expect(rig.server.stats().byRoute["POST /v3/products/fs/:fs_id/create"]).toBe(3);
    expectEachOnce(rig, changes.map((c) => c.sku));
    expect(rig.server.listings()).toHaveLength(16);
  });

  it("pages only when they are fewer requests than lookups, and only for more than 10 items", () => {
    expect(pagesAreCheaper(25, 40)).toBe(true);
    expect(pagesAreCheaper(25, undefined)).toBe(false);
    expect(pagesAreCheaper(10, 0)).toBe(false);
    expect(pagesAreCheaper(11, 0)).toBe(true);
    // 2,000 listings = 41 pages: 25 lookups are cheaper.
    expect(pagesAreCheaper(25, 2000)).toBe(false);
  });
});
