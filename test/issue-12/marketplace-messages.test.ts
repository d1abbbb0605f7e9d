// Issue 12.12: marketplace messages desbumi knows by code are translated (both languages); any
// other is shown as "the marketplace said: ...", never as raw English passed off as desbumi's.
import { afterEach, describe, expect, it } from "vitest";
import { describeRowError } from "../../src/adapters/tokopedia/row-errors.js";
import { makeDesired } from "../builders.js";
import { MOCK_LEAF_ID, startMockRig, type MockRig } from "../adapters/mock-harness.js";

let rig: MockRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

describe("issue 12.12: marketplace messages", () => {
  it("a create refused for a taken name (against the mock marketplace) is NAME_ALREADY_USED, in both languages", async () => {
    rig = await startMockRig({ seed: [{ sku: "", name: "Jamu Kunyit Asam", price: 20_000, stock: 5 }] });
    const [outcome] = await rig.adapter.apply([{ kind: "create", sku: "JK-1", product: makeDesired({ sku: "JK-1", name: "Jamu Kunyit Asam", categoryId: MOCK_LEAF_ID }) }]);
    if (outcome?.status !== "failed") throw new Error("expected a failure");
    expect(outcome.error.code).toBe("NAME_ALREADY_USED");
    expect(outcome.error.message).toContain('the name "Jamu Kunyit Asam" is already used by another product in this shop');
    expect(outcome.error.message).toContain('nama "Jamu Kunyit Asam" sudah dipakai produk lain di toko ini');
    expect(outcome.error.message).not.toContain("please use different value");
  });

  it("an unknown message is quoted as the marketplace's, in both languages", () => {
    expect(describeRowError({ error: ["Something odd happened"] })).toEqual({
      message: 'the marketplace said: "Something odd happened" / marketplace menjawab: "Something odd happened"',
    });
    expect(describeRowError("Error Product ID [12] : There are some problem when retrieve product info").code).toBe("PRODUCT_NOT_FOUND");
  });
});
