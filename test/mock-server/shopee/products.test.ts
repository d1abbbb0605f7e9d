// The Shopee mock's item store, validation, batches, variations, uploads and faults (issue 16,
// mock items 7-17).
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

const upload = async (marker: string): Promise<string> => {
  const r = response(await c.upload(fakePng(marker)));
  return String((r.image_info as Record<string, unknown>).image_id);
};

const item = itemBody;

describe("shopee mock: items", () => {
  it("adds, lists in pages, reads base info in all three list spellings", async () => {
    const img = await upload("a");
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await c.post("/api/v2/product/add_item", item(img, { item_name: `Masker Kain ${i}`, item_sku: `MSK-${i}` }));
      expect(r.body.error).toBe("");
      ids.push(Number(response(r).item_id));
    }
    const page1 = response(await c.get("/api/v2/product/get_item_list", [["offset", "0"], ["page_size", "2"], ["item_status", "NORMAL"], ["item_status", "UNLIST"]]));
    expect(page1).toMatchObject({ total_count: 5, has_next_page: true, next_offset: 2 });
    const last = response(await c.get("/api/v2/product/get_item_list", { offset: "4", page_size: "2", item_status: "NORMAL" }));
    expect(last).toMatchObject({ has_next_page: false });
    expect((await c.get("/api/v2/product/get_item_list", { offset: "0", page_size: "101", item_status: "NORMAL" })).body.error).toBe("error_param");
    expect((await c.get("/api/v2/product/get_item_list", { offset: "10000", page_size: "10", item_status: "NORMAL" })).body.message).toMatch(/offset over limit/);
    for (const spelling of [ids.join(","), `[${ids.join(",")}]`, `[${ids.join(" ")}]`]) {
      const r = response(await c.get("/api/v2/product/get_item_base_info", { item_id_list: spelling }));
      expect((r.item_list as unknown[]).length).toBe(5);
    }
    const info = (response(await c.get("/api/v2/product/get_item_base_info", [["item_id_list", String(ids[0])], ["item_id_list", String(ids[1])]])).item_list as Record<string, unknown>[])[0];
    expect(info).toMatchObject({ item_sku: "MSK-0", weight: "0.05", has_model: false, price_info: [{ original_price: 15000 }], stock_info_v2: { summary_info: { total_available_stock: 10 } } });
  });

  it("validates with the exact error names, driven by the item-limit profile", async () => {
    const img = await upload("b");
    const add = async (over: Record<string, unknown>) => (await c.post("/api/v2/product/add_item", item(img, over))).body.error;
    expect(await add({ item_name: "" })).toBe("error_item_name_empty");
    expect(await add({ category_id: 100001 })).toBe("error_invalid_category");
    expect(await add({ category_id: 100003 })).toBe("error_less_required_attribute");
    expect(await add({ item_name: "Keripik Tempe", category_id: 100003, attribute_list: [{ attribute_id: 200001, attribute_value_list: [{ value_id: 300002 }] }] })).toBe("");
    expect(await add({ item_name: "Masker 2", image: { image_id_list: ["nope"] } })).toBe("error_param");
    expect(await add({ item_name: "Masker 3", original_price: 15000.5 })).toBe("error_invalid_price");
    expect(await add({ item_name: "Masker 4", original_price: 50 })).toBe("error_price_exceed_min_limitt");
    expect(await add({ item_name: "Masker 5", logistic_info: [{ logistic_id: 8006, enabled: true }] })).toBe("error_invalid_logistic_info");
    expect(await add({ item_name: "Masker 6", image: { image_id_list: [] } })).toBe("error_image_num_min");
    // Reference A3 logistics: SIZE_INPUT needs the dimension, SIZE_SELECTION a size_id, CUSTOM_PRICE a shipping_fee.
    expect(await add({ item_name: "Masker 8", dimension: undefined })).toBe("error_invalid_logistic_info");
    expect(await add({ item_name: "Masker 9", logistic_info: [{ logistic_id: 8007, enabled: true }] })).toBe("error_invalid_logistic_info");
    expect(await add({ item_name: "Masker 10", logistic_info: [{ logistic_id: 8008, enabled: true }] })).toBe("error_invalid_logistic_info");
    expect(await add({ item_name: "Masker 11", dimension: undefined, logistic_info: [{ logistic_id: 8005, enabled: true }, { logistic_id: 8007, enabled: true, size_id: "KD-S" }, { logistic_id: 8008, enabled: true, shipping_fee: 9000 }] })).toBe("");
    expect(await add({ item_name: "Masker 7", brand: { brand_id: 123 } })).toBe("error_invalid_brand");
    expect(await add({ item_name: "Masker Kain Batik Parang" })).toBe("");
    expect(await add({ item_name: "masker kain batik parang" })).toBe("error_repeated_mtsku");
    // Kain Batik needs 20+ characters in the default profile.
    const batik = { category_id: 100014, attribute_list: [{ attribute_id: 200004, attribute_value_list: [{ value_id: 300010 }] }, { attribute_id: 200006, attribute_value_list: [{ value_id: 300030 }] }] };
    expect(await add({ ...batik, item_name: "Kain Batik" })).toBe("error_item_name_is_too_short");
    const limits = response(await c.get("/api/v2/product/get_item_limit", { category_id: "100014" }));
    expect(limits.item_name_length_limit).toEqual({ min_limit: 20, max_limit: 255 });
    server.setItemLimits({ ...(await import("../../../src/mock-server/shopee/index.js")).DEFAULT_ITEM_LIMITS, perCategory: {} });
    expect(await add({ ...batik, item_name: "Kain Batik" })).toBe("");
  });

  it("update_item merges only what is sent, refuses price and stock, clears a blank item_sku", async () => {
    const img = await upload("c");
    const id = Number(response(await c.post("/api/v2/product/add_item", item(img))).item_id);
    expect((await c.post("/api/v2/product/update_item", { item_id: id, original_price: 1 })).body.error).toBe("error_param");
    expect((await c.post("/api/v2/product/update_item", { item_id: id, item_name: "Masker Kain Baru", item_sku: "" })).body.error).toBe("");
    expect(server.items()[0]).toMatchObject({ name: "Masker Kain Baru", sku: "", price: 15000, description: "Masker kain tiga lapis, bisa dicuci." });
    expect((await c.post("/api/v2/product/update_item", { item_id: 42, item_name: "X" })).body.error).toBe("error_item_not_found");
  });

  it("price, stock and unlist batches answer per row", async () => {
    const img = await upload("d");
    const a = Number(response(await c.post("/api/v2/product/add_item", item(img))).item_id);
    const b = Number(response(await c.post("/api/v2/product/add_item", item(img, { item_name: "Masker Dua", item_sku: "MSK-2" }))).item_id);
    expect(response(await c.post("/api/v2/product/update_price", { item_id: a, price_list: [{ model_id: 0, original_price: 17000 }] }))).toMatchObject({ success_list: [{ model_id: 0 }], failure_list: [] });
    expect((await c.post("/api/v2/product/update_price", { item_id: a, price_list: [{ model_id: 0, original_price: 1 }, { model_id: 0, original_price: 2 }] })).body.message).toBe("Repeat model_id.");
    expect(response(await c.post("/api/v2/product/update_stock", { item_id: a, stock_list: [{ model_id: 5, seller_stock: [{ stock: 1 }] }] }))).toMatchObject({ failure_list: [{ failed_reason: "Wrong model_id." }] });
    server.setItemStatus(b, "REVIEWING");
    const unlisted = response(await c.post("/api/v2/product/unlist_item", { item_list: [{ item_id: a, unlist: true }, { item_id: b, unlist: true }] }));
    expect(unlisted).toMatchObject({ success_list: [{ item_id: a, unlist: true }], failure_list: [{ item_id: b }] });
    expect(server.items().map((i) => i.status)).toEqual(["UNLIST", "REVIEWING"]);
    const del = await c.post("/api/v2/product/delete_item", { item_id: a });
    expect(del.body).toMatchObject({ error: "" });
    expect(del.body.response).toBeUndefined();
    expect((await c.post("/api/v2/product/update_item", { item_id: a, item_name: "Hidup Lagi" })).body.error).toBe("error_item_not_found");
  });

  it("tiers and models: init_tier_variation, per-model price, tier_index checks, add_model", async () => {
    const img = await upload("e");
    const id = Number(response(await c.post("/api/v2/product/add_item", item(img))).item_id);
    const tier = { variation_id: 0, variation_name: "Ukuran", variation_group_id: 0, variation_option_list: [{ variation_option_id: 0, variation_option_name: "S" }, { variation_option_id: 0, variation_option_name: "M" }] };
    const model = (i: number, sku: string) => ({ tier_index: [i], original_price: 15000 + i * 1000, model_sku: sku, seller_stock: [{ stock: 3 }] });
    expect((await c.post("/api/v2/product/init_tier_variation", { item_id: id, standardise_tier_variation: [tier], model: [model(2, "X")] })).body.message).toBe("tier_index is out of range.");
    const init = await c.post("/api/v2/product/init_tier_variation", { item_id: id, standardise_tier_variation: [tier], model: [model(0, "MSK-S"), model(1, "MSK-M")] });
    expect(init.body.error).toBe("");
    const models = response(await c.get("/api/v2/product/get_model_list", { item_id: String(id) }));
    const list = models.model as { model_id: number; model_sku: string }[];
    expect(list.map((m) => m.model_sku)).toEqual(["MSK-S", "MSK-M"]);
    expect((await c.post("/api/v2/product/update_price", { item_id: id, price_list: [{ model_id: 0, original_price: 1000 }] })).body.error).toBe("error_edit_item_price_for_item_has_model");
    expect((await c.post("/api/v2/product/update_price", { item_id: id, price_list: [{ model_id: list[1]?.model_id, original_price: 20000 }] })).body.error).toBe("");
    const legacy = { tier_variation: [{ name: "Ukuran", option_list: [{ option: "S" }, { option: "M" }, { option: "L" }] }] };
    expect((await c.post("/api/v2/product/update_tier_variation", { item_id: id, ...legacy })).body.error).toBe("");
    expect((await c.post("/api/v2/product/add_model", { item_id: id, model_list: [model(2, "MSK-L")] })).body.error).toBe("");
    expect(server.items()[0]?.models.map((m) => [m.sku, m.price])).toEqual([["MSK-S", 15000], ["MSK-M", 20000], ["MSK-L", 17000]]);
    expect((await c.post("/api/v2/product/init_tier_variation", { item_id: id, standardise_tier_variation: [tier], model: [model(0, "A")] })).body.error).toBe("error_param");
  });

  it("upload_image takes image and file fields, checks the type, refuses a form without a file", async () => {
    expect(response(await c.upload(fakePng("f"), "file")).image_info).toMatchObject({ image_url_list: [{ image_url_region: "ID" }] });
    expect((await c.upload(Buffer.from("GIF89a"), "image")).body.error).toBe("error_image_format");
    expect((await c.upload(fakePng("g"), "media")).body.message).toBe("can't find image file");
    expect(server.stats().uploadedFiles).toBe(1);
  });

  it("fixtures: Indonesian category names, attribute trees, No Brand, usable channels", async () => {
    const cats = response(await c.get("/api/v2/product/get_category", { language: "id" })).category_list as Record<string, unknown>[];
    expect(cats.find((x) => x.category_id === 100011)).toMatchObject({ display_category_name: "Jamu & Herbal", has_children: false });
    const tree = response(await c.get("/api/v2/product/get_attribute_tree", { category_id_list: "100003,100014" })).list as { attribute_tree: { mandatory: boolean }[] }[];
    expect(tree).toHaveLength(2);
    expect(tree[0]?.attribute_tree.some((a) => a.mandatory)).toBe(true);
    const brands = response(await c.get("/api/v2/product/get_brand_list", { category_id: "100012", status: "1", offset: "0", page_size: "100" }));
    expect((brands.brand_list as Record<string, unknown>[])[0]).toMatchObject({ brand_id: 0, display_brand_name: "No Brand" });
    const channels = response(await c.get("/api/v2/logistics/get_channel_list")).logistics_channel_list as Record<string, unknown>[];
    expect(channels.filter((ch) => ch.enabled && ch.mask_channel_id === 0).map((ch) => [ch.logistics_channel_id, ch.fee_type])).toEqual([
      [8003, "SIZE_INPUT"],
      [8005, "FIXED_DEFAULT_PRICE"],
      [8007, "SIZE_SELECTION"],
      [8008, "CUSTOM_PRICE"],
    ]);
    const shop = await c.get("/api/v2/shop/get_shop_info");
    expect(shop.body).toMatchObject({ region: "ID", status: "NORMAL" });
  });
});

describe("shopee mock: faults and limits", () => {
  it("commit-then-drop stores the item and drops the answer", async () => {
    const img = await upload("h");
    server.scheduleFault("product/add_item", "drop");
    await expect(c.post("/api/v2/product/add_item", item(img))).rejects.toThrow();
    expect(server.items().map((i) => i.sku)).toEqual(["MSK-001"]);
  });

  it("seeded faults answer error_server / error_rate_limit / error_system_busy; a rate limit answers 429", async () => {
    server.setFaults({ server: 0.3, rateLimit: 0.3, busy: 0.3, seed: 7 });
    const errors = new Set<string>();
    for (let i = 0; i < 30; i += 1) errors.add(String((await c.get("/api/v2/product/get_category")).body.error));
    expect([...errors].sort()).toEqual(["", "error_rate_limit", "error_server", "error_system_busy"]);
    await server.close();
    server = await startShopeeMock({ rateLimit: 2 });
    c = new TestClient(server);
    await c.connect();
    const answers = await Promise.all(Array.from({ length: 5 }, () => c.get("/api/v2/product/get_category")));
    expect(answers.filter((a) => a.status === 429 && a.body.error === "error_rate_limit").length).toBeGreaterThan(0);
  });

  it("a daily cap answers error_limit", async () => {
    await server.close();
    server = await startShopeeMock({ rateLimit: 1000, dailyLimit: 2 });
    c = new TestClient(server);
    await c.connect();
    await c.get("/api/v2/product/get_category");
    await c.get("/api/v2/product/get_category");
    expect((await c.get("/api/v2/product/get_category")).body.error).toBe("error_limit");
  });
});
