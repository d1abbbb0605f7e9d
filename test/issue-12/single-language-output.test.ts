// Issue 12.14 leftovers: single-language output names the practice shop in that language only (the
// plan file keeps the bilingual identity, so a plan made in one language applies in the other),
// and "Unknown marketplace" lists never offer the internal test adapter `memory`.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { practiceShopLabel, showTarget } from "../../src/target/practice-shop-name.js";
import { makeIo, tempDir } from "../sync/harness.js";

const run = async (cwd: string, lang: "en" | "id", args: string[]) => {
  const io = makeIo({ cwd });
  const code = await main(["--lang", lang, "--log-level", "silent", ...args], io);
  return { code, out: io.stdout.text, err: io.stderr.text };
};

const CSV = "sku,nama,deskripsi,harga,stok,berat,kategori,foto\nL-1,Jamu Kunyit Asam Segar Botol 250 ml,Buatan warga,25000,10,250,Jamu,https://img.desbumi.example/l1.jpg\n";

describe("the practice shop label in single-language output", () => {
  it("showTarget picks one language and leaves other labels alone", () => {
    expect(showTarget(practiceShopLabel("alpha"), "en")).toBe("practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop-alpha.json)");
    expect(showTarget(practiceShopLabel(), "id")).toBe("toko latihan (Tokopedia & Shop, marketplace tiruan, .desbumi/practice-shop.json)");
    expect(showTarget("tokopedia shop 480829", "id")).toBe("tokopedia shop 480829");
    expect(showTarget("Shopee shop / toko Shopee 12345 (127.0.0.1:4000)", "id")).toBe("toko Shopee 12345 (127.0.0.1:4000)");
    expect(showTarget("Shopee shop / toko Shopee 12345 (127.0.0.1:4000)", "en")).toBe("Shopee shop 12345 (127.0.0.1:4000)");
    expect(showTarget("Tokopedia bulk-upload files in upload", "id")).toBe("berkas unggahan massal Tokopedia di upload");
    expect(showTarget("Tokopedia bulk-upload files in upload", "en")).toBe("Tokopedia bulk-upload files in upload");
  });

  it("sync and shop under --lang en say only 'practice shop', under --lang id only 'toko latihan'; a plan saved in English applies in Indonesian", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "k.csv"), CSV);
    const en = await run(cwd, "en", ["sync", "k.csv", "--dry-run", "--out", "plan.json"]);
    expect(en.code).toBe(0);
    expect(en.out).toContain("Target: practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop.json)");
    expect(en.out).not.toContain("toko latihan");
    const applied = await run(cwd, "id", ["apply", "plan.json", "--yes"]);
    expect(applied.err).toBe("");
    expect(applied.code).toBe(0);
    expect(applied.out).toContain("toko latihan (Tokopedia & Shop, marketplace tiruan, .desbumi/practice-shop.json)");
    expect(applied.out).not.toMatch(/practice shop|mock marketplace/);
    const shopEn = await run(cwd, "en", ["shop"]);
    expect(shopEn.out.split("\n")[0]).toBe("Shop: practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop.json)");
    const shopId = await run(cwd, "id", ["shop"]);
    expect(shopId.out.split("\n")[0]).toBe("Toko: toko latihan (Tokopedia & Shop, marketplace tiruan, .desbumi/practice-shop.json)");
  });
});

describe("unknown marketplace: the internal test adapter is not offered", () => {
  const cases: [string, string[]][] = [
    ["sync", ["sync", "k.csv", "--marketplace", "lazada", "--dry-run"]],
    ["validate", ["validate", "k.csv", "--marketplace", "lazada"]],
    ["check", ["check", "k.csv", "--marketplace", "lazada"]],
    ["connect", ["connect", "lazada"]],
    ["shop", ["shop", "--marketplace", "lazada"]],
  ];
  it.each(cases)("%s names the real choices, never memory", async (_name, args) => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "k.csv"), CSV);
    const r = await run(cwd, "en", args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown marketplace "lazada"\. Choose one of: .*tokopedia-bulk/);
    expect(r.err).not.toContain("memory");
  });

  it("a config block with an unknown adapter lists the choices without memory", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "k.csv"), CSV);
    await writeFile(join(cwd, "desbumi.config.json"), JSON.stringify({ marketplace: { adapter: "lazada" }, groups: [{ id: "a", name: "A", catalog: "k.csv" }] }));
    const r = await run(cwd, "en", ["validate"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("lazada");
    expect(r.err).toContain("tiktok-shop");
    expect(r.err).not.toContain("memory");
  });
});
