// The Shopee mock takes attribute values as reference A3 says (add_item "Attribute values"): a
// listed value_id, or value_id 0 + original_value_name where the input type takes a custom value
// (combo box, free text), never on a dropdown; all as error_invalid_attribute_value (A2).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startShopeeMock, type ShopeeMockServer } from "../../../src/mock-server/shopee/index.js";
import { TestClient, fakePng, itemBody, response } from "./client.js";

let server: ShopeeMockServer;
let c: TestClient;
beforeEach(async () => {
  server = await startShopeeMock({ rateLimit: 1000 });
  c = new TestClient(server);
  await c.connect();
});
afterEach(() => server.close());

// Kain Batik (100014): Bahan 200004 (combo box), Teknik Batik 200006 (dropdown), Asal Daerah 200005 (combo box).
const BAHAN = { attribute_id: 200004, attribute_value_list: [{ value_id: 300010 }] };
const TEKNIK = { attribute_id: 200006, attribute_value_list: [{ value_id: 300030 }] };

describe("shopee mock: attribute values", () => {
  it.each([
    ["listed values", [BAHAN, TEKNIK], ""],
    ["a custom value on a combo box", [BAHAN, TEKNIK, { attribute_id: 200005, attribute_value_list: [{ value_id: 0, original_value_name: "Pekalongan" }] }], ""],
    ["a custom value on a dropdown", [BAHAN, { attribute_id: 200006, attribute_value_list: [{ value_id: 0, original_value_name: "Printing" }] }], "error_invalid_attribute_value"],
    ["a value id of another attribute", [BAHAN, { attribute_id: 200006, attribute_value_list: [{ value_id: 300010 }] }], "error_invalid_attribute_value"],
    ["an attribute the category does not have", [BAHAN, TEKNIK, { attribute_id: 200001, attribute_value_list: [{ value_id: 300002 }] }], "error_invalid_attribute_value"],
    ["a mandatory attribute left out", [BAHAN], "error_less_required_attribute"],
  ])("%s", async (_, attribute_list, error) => {
    const image = String((response(await c.upload(fakePng("a"))).image_info as Record<string, unknown>).image_id);
    const r = await c.post("/api/v2/product/add_item", itemBody(image, { category_id: 100014, item_name: "Kain Batik Tulis Lasem Merah", attribute_list }));
    expect(r.body.error).toBe(error);
    expect(server.items()).toHaveLength(error === "" ? 1 : 0);
  });
});
