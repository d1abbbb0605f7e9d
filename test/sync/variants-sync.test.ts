// Issue 14: a catalogue with variants synced end to end (memory shop): create, rerun = nothing, one
// variant's price = one cheap write, a saved plan applies its variant rows and goes stale on a
// variant edited on the shop, and a single-SKU row vs a listing with variants is a located refusal.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runApplyFile } from "../../src/sync/run-apply.js";
import { runSync } from "../../src/sync/run-sync.js";
import { makeCtx, makeIo, memoryTarget, tempDir } from "./harness.js";

const HEADER = "Kode Induk,SKU,Nama Produk,Deskripsi,Ukuran,Warna,Harga,Stok,Berat,Kategori,Foto";
const IMG = "https://img.desbumi.example/batik.jpg";
const batik = (prices: Record<string, string> = {}, sizes = ["M", "L"]): string[] =>
  sizes.map((size, i) =>
    i === 0
      ? `BTK,BTK-${size},Kemeja Batik Tulis,Batik tulis Lasem,${size},Merah,"${prices[size] ?? "Rp 150.000"}",4,300 gr,1760,${IMG}`
      : `BTK,BTK-${size},,,${size},Merah,"${prices[size] ?? "Rp 155.000"}",2,,,`,
  );

async function writeCatalog(cwd: string, rows: string[]): Promise<string> {
  await writeFile(join(cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
  return "katalog.csv";
}

describe("sync a catalogue with variants (memory shop)", () => {
  it("creates the product with its variants, then finds nothing to do", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    const file = await writeCatalog(cwd, batik());
    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true, marketplace: "memory" }, makeCtx(io), deps())).toBe(0);
    expect(io.stdout.text).toContain("+ create BTK  Kemeja Batik Tulis");
    expect(io.stdout.text).toContain("\n    + variant BTK-M (Ukuran=M, Warna=Merah) Rp 150.000  stock 4\n    + variant BTK-L (Ukuran=L, Warna=Merah) Rp 155.000  stock 2\n");
    expect(io.stdout.text).toContain("Plan: 1 to create, 0 to update, 0 to deactivate, 0 to reactivate, 0 unchanged. Variants: 2 to add, 0 to update, 0 to remove.");
    const [listing] = await shop.listListings();
    expect(listing?.variants?.map((v) => [v.sku, v.price, v.stock])).toEqual([
      ["BTK-M", 150_000, 4],
      ["BTK-L", 155_000, 2],
    ]);

    const writes = shop.stats?.().writeRequests;
    const again = makeIo({ cwd });
    expect(await runSync(file, { yes: true, marketplace: "memory" }, makeCtx(again), deps())).toBe(0);
    expect(again.stdout.text).toContain("No changes: the shop already matches the catalogue.");
    expect(shop.stats?.().writeRequests).toBe(writes);
  });

  it("one variant's new price is one update of that variant, sent as one write", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    await runSync(await writeCatalog(cwd, batik()), { yes: true, marketplace: "memory" }, makeCtx(makeIo({ cwd })), deps());
    const file = await writeCatalog(cwd, batik({ L: "Rp 157.500" }));
    const writes = shop.stats?.().writeRequests ?? 0;
    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true, marketplace: "memory" }, makeCtx(io), deps())).toBe(0);
    expect(io.stdout.text).toContain("~ update BTK\n    ~ variant BTK-L price: Rp 155.000 -> Rp 157.500\n");
    expect(io.stdout.text).toContain("Variants: 0 to add, 1 to update, 0 to remove.");
    expect((shop.stats?.().writeRequests ?? 0) - writes).toBe(1);
    expect((await shop.listListings())[0]?.variants?.find((v) => v.sku === "BTK-L")?.price).toBe(157_500);
  });

  it("a saved plan carries its variant rows, and is stale once a variant was edited on the shop", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    await runSync(await writeCatalog(cwd, batik()), { yes: true, marketplace: "memory" }, makeCtx(makeIo({ cwd })), deps());
    const file = await writeCatalog(cwd, batik({}, ["M", "XL"]));
    expect(await runSync(file, { dryRun: true, out: "plan.json", marketplace: "memory" }, makeCtx(makeIo({ cwd })), deps())).toBe(0);

    const [listing] = await shop.listListings();
    shop.seed([{ ...listing!, variants: listing!.variants!.map((v) => (v.sku === "BTK-M" ? { ...v, stock: 99 } : v)) }]);
    const stale = makeIo({ cwd });
    expect(await runApplyFile("plan.json", { yes: true, marketplace: "memory" }, makeCtx(stale), deps())).toBe(1);
    expect(stale.stdout.text).toContain("Refused: this plan is stale, nothing was sent.");

    expect(await runSync(file, { dryRun: true, out: "plan.json", marketplace: "memory" }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
    const ok = makeIo({ cwd });
    expect(await runApplyFile("plan.json", { yes: true, marketplace: "memory" }, makeCtx(ok), deps())).toBe(0);
    expect((await shop.listListings())[0]?.variants?.map((v) => [v.sku, v.stock])).toEqual([
      ["BTK-M", 4],
      ["BTK-XL", 2],
    ]);
    expect(await runSync(file, { detailedExitcode: true, marketplace: "memory" }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
  });

  it("a single-SKU row whose listing has variants is refused, located; --skip-invalid leaves the listing alone", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    shop.seed([{ sku: "BTK", name: "Kemeja Batik Tulis", price: 1, variants: [{ sku: "BTK-M", options: { Ukuran: "M" }, price: 150_000 }, { sku: "BTK-L", options: { Ukuran: "L" }, price: 155_000 }] }]);
    const file = await writeCatalog(cwd, [`,BTK,Kemeja Batik Tulis,Batik tulis Lasem,,,"Rp 150.000",4,300 gr,1760,${IMG}`]);
    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true, marketplace: "memory" }, makeCtx(io), deps())).toBe(1);
    expect(io.stdout.text).toMatch(/katalog\.csv:2 SKU: .*its listing \(id \d+\) has 2 variants; desbumi never deletes variants/);
    expect(io.stdout.text).toContain("Refused: the catalogue has 1 error, so nothing was sent.");

    const skipped = makeIo({ cwd });
    expect(await runSync(file, { yes: true, skipInvalid: true, marketplace: "memory" }, makeCtx(skipped), deps())).toBe(1);
    expect(skipped.stdout.text).toContain("Rows without variants whose listings have variants, left alone: 1 (BTK)");
    expect((await shop.listListings())[0]?.variants).toHaveLength(2);
  });

  it("a row with variants whose listing has none yet: a warning, and the plan adds them", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    shop.seed([{ sku: "BTK", name: "Kemeja Batik Tulis", description: "Batik tulis Lasem", price: 150_000, weight: 300, images: [IMG] }]);
    const io = makeIo({ cwd });
    expect(await runSync(await writeCatalog(cwd, batik()), { yes: true, marketplace: "memory" }, makeCtx(io), deps())).toBe(0);
    expect(io.stdout.text).toMatch(/katalog\.csv:2 SKU: .*its listing \(id \d+\) has none yet; this plan adds all of them/);
    expect(io.stdout.text).toContain("~ update BTK\n    + variant BTK-L");
    expect((await shop.listListings())[0]?.variants?.map((v) => v.sku).sort()).toEqual(["BTK-L", "BTK-M"]);
  });

  it("a listing that sold one variant alone (its SKU) gets the others added, then stays in sync", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    shop.seed([{ sku: "BTK-M", name: "Kemeja Batik Tulis", description: "Batik tulis Lasem", price: 150_000, stock: 4, weight: 300, images: [IMG] }]);
    const file = await writeCatalog(cwd, batik());
    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true, marketplace: "memory" }, makeCtx(io), deps())).toBe(0);
    expect(io.stdout.text).toContain("~ update BTK\n    + variant BTK-L");
    const listings = await shop.listListings();
    expect(listings).toHaveLength(1);
    expect(listings[0]?.variants?.map((v) => v.sku).sort()).toEqual(["BTK-L", "BTK-M"]);
    expect(await runSync(file, { detailedExitcode: true, marketplace: "memory" }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
  });
});
