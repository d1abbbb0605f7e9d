// Etalase written as a name: resolved through the shop's etalase list (fetched once per run) on the
// write path and for the sync core, against the real mock server with its own etalase list.
import { afterEach, describe, expect, it } from "vitest";
import type { ChangeOutcome } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { createTokopediaAdapter, tokopediaOptionsSchema } from "../../src/adapters/tokopedia/index.js";
import { silentLogger } from "../../src/log.js";
import { MOCK_LEAF_ID, startMockRig, type MockRig } from "./mock-harness.js";

const ETALASE = ["Makanan Ringan", "Minuman Herbal", "Kerajinan Bambu"];
const ETALASE_ROUTE = "GET /inventory/v1/fs/:fs_id/product/etalase";

let rig: MockRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

async function start(): Promise<MockRig> {
  rig = await startMockRig({ server: { etalase: ETALASE } });
  return rig;
}

/** The mock's id for one of its etalase, read from the endpoint itself. */
async function etalaseIdOf(r: MockRig, name: string): Promise<string> {
  const ids = await r.adapter.resolveEtalase!([name]);
  const id = ids.get(name);
  if (id === undefined) throw new Error(`no etalase ${name}`);
  return id;
}

const product = (sku: string, etalase: string) => makeDesired({ sku, name: `Produk ${sku}`, categoryId: MOCK_LEAF_ID, etalase });
const etalaseRequests = (r: MockRig): number => r.server.stats().byRoute[ETALASE_ROUTE] ?? 0;

describe("tokopedia adapter: etalase by name", () => {
  it("resolveEtalase matches names ignoring case and spaces, leaves unknown names and ids out, fetches once", async () => {
    const r = await start();
    const ids = await r.adapter.resolveEtalase!(["  minuman   HERBAL ", "Kerajinan Bambu", "Batik", "1402901"]);
    expect([...ids.keys()].sort()).toEqual(["  minuman   HERBAL ", "Kerajinan Bambu"]);
    expect(ids.get("  minuman   HERBAL ")).toMatch(/^\d+$/);
    expect(ids.get("Kerajinan Bambu")).not.toBe(ids.get("  minuman   HERBAL "));
    await r.adapter.resolveEtalase!(["Makanan Ringan"]);
    expect(etalaseRequests(r)).toBe(1);
    // Nothing named: no request at all.
    expect(await r.adapter.resolveEtalase!(["1402901", ""])).toEqual(new Map());
    expect(etalaseRequests(r)).toBe(1);
  });

  it("a create with an etalase name is sent with the etalase id", async () => {
    const r = await start();
    const outcomes = await r.adapter.apply([{ kind: "create", sku: "E-1", product: product("E-1", "minuman herbal") }]);
    expect(outcomes).toEqual([expect.objectContaining({ status: "applied", sku: "E-1" })]);
    const herbal = await etalaseIdOf(r, "Minuman Herbal");
    expect(r.server.listings().map((l) => [l.sku, String(l.etalaseId)])).toEqual([["E-1", herbal]]);
    expect((await r.adapter.listListings()).map((l) => l.etalase)).toEqual([herbal]);
  });

  it("an unknown name fails only that item, not retryable, listing the shop's etalase in both languages", async () => {
    const r = await start();
    const seen: ChangeOutcome[] = [];
    const outcomes = await r.adapter.apply(
      [
        { kind: "create", sku: "E-1", product: product("E-1", "Minuman Herbl") },
        { kind: "create", sku: "E-2", product: product("E-2", "Makanan Ringan") },
        { kind: "create", sku: "E-3", product: product("E-3", "") },
      ],
      { onOutcome: (o) => seen.push(o) },
    );
    expect(outcomes.map((o) => [o.sku, o.status])).toEqual([
      ["E-1", "failed"],
      ["E-2", "applied"],
      ["E-3", "applied"],
    ]);
    const failure = outcomes[0];
    if (failure?.status !== "failed") throw new Error("expected a failure");
    expect(failure.error.code).toBe("ETALASE_NOT_FOUND");
    expect(failure.error.retryable).toBe(false);
    expect(failure.error.message).toContain('etalase "Minuman Herbl" is not in this shop / tidak ada di toko ini');
    expect(failure.error.message).toContain('"Makanan Ringan", "Minuman Herbal", "Kerajinan Bambu"');
    expect(seen.map((o) => o.sku).sort()).toEqual(["E-1", "E-2", "E-3"]);
    expect(r.server.listings().map((l) => l.sku).sort()).toEqual(["E-2", "E-3"]);
    expect(etalaseRequests(r)).toBe(1);
  });

  it("an update naming an etalase goes through edit with its id; a changes list without names never fetches the list", async () => {
    const r = await start();
    const [created] = await r.adapter.apply([{ kind: "create", sku: "E-1", product: product("E-1", "") }]);
    if (created?.status !== "applied") throw new Error("create failed");
    expect(etalaseRequests(r)).toBe(0);
    const outcomes = await r.adapter.apply([
      {
        kind: "update",
        sku: "E-1",
        listingId: created.listingId,
        fields: [{ field: "etalase", from: "", to: "Kerajinan  bambu" }],
        product: product("E-1", "Kerajinan  bambu"),
      },
    ]);
    expect(outcomes).toEqual([expect.objectContaining({ status: "applied" })]);
    expect(String(r.server.listings()[0]?.etalaseId)).toBe(await etalaseIdOf(r, "Kerajinan Bambu"));
    expect(etalaseRequests(r)).toBe(1);
  });

  it("the practice shop's mode: an unknown name is sent without an etalase instead of failing", async () => {
    const r = await start();
    const options = tokopediaOptionsSchema.parse({ baseUrl: r.server.url, tokenUrl: r.server.tokenUrl, fsId: r.server.fsId, shopId: r.server.shopId });
    const practice = createTokopediaAdapter(options, { log: silentLogger(), env: r.env, cwd: r.dir }, { missingEtalase: "omit" });
    try {
      const outcomes = await practice.apply([
        { kind: "create", sku: "P-1", product: product("P-1", "Kopi Osing") },
        { kind: "create", sku: "P-2", product: product("P-2", "Kerajinan Bambu") },
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied"]);
      expect(r.server.listings().map((l) => [l.sku, l.etalaseId === null ? null : String(l.etalaseId)])).toEqual([
        ["P-1", null],
        ["P-2", await etalaseIdOf(r, "Kerajinan Bambu")],
      ]);
    } finally {
      await practice.close();
    }
  });
});
