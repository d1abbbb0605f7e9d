// Variant photos by content (issue 14 "Photos") through the Shopee mock on loopback: the first
// tier's option images carry the variants' photos; renaming a variant's photo file changes nothing;
// editing its bytes is exactly one variant photo change named by file, written through
// update_tier_variation; the rerun finds nothing to do. Product photos compare by content too.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { shopee } from "../../src/adapters/shopee/definition.js";
import type { AdapterDefinition } from "../../src/adapters/types.js";
import { runSync } from "../../src/sync/run-sync.js";
import type { SyncDeps } from "../../src/sync/run-catalog.js";
import { SHOPEE_LEAF_ID, startShopeeRig, type ShopeeRig } from "../adapters/shopee-rig.js";
import { makeCtx, makeIo } from "../sync/harness.js";
import { jpeg } from "./fixtures.js";

let rig: ShopeeRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const HEADER = "Kode Induk,SKU,Nama Produk,Deskripsi,Ukuran,Harga,Stok,Berat,Kategori,Foto,Foto Variasi";
const rows = (productPhoto: string, small: string): string =>
  [
    HEADER,
    `MSK,MSK-S,Masker Kain Batik Tiga Lapis,Masker kain buatan warga,S,15000,5,50,${SHOPEE_LEAF_ID},${productPhoto},${small}`,
    "MSK,MSK-M,,,M,16000,5,,,,m.jpg",
  ].join("\n") + "\n";

const target = (r: ShopeeRig): SyncDeps => ({
  openTarget: async () => ({ adapter: r.adapter, definition: shopee as AdapterDefinition<unknown>, isPracticeShop: false, label: "Shopee mock", close: async () => undefined }),
});

async function sync(r: ShopeeRig, args: { yes?: boolean; dryRun?: boolean }): Promise<{ code: number; out: string }> {
  const io = makeIo({ cwd: r.dir });
  const code = await runSync("k.csv", { marketplace: "shopee", ...(args.yes ? { yes: true } : {}), ...(args.dryRun ? { dryRun: true } : {}) }, makeCtx(io), target(r));
  return { code, out: io.stdout.text + io.stderr.text };
}

test("Shopee: variant photo renamed = no change; edited bytes = one variant photo change by name, written; rerun converges", async () => {
  rig = await startShopeeRig();
  await mkdir(join(rig.dir, "foto"));
  await writeFile(join(rig.dir, "foto", "masker.jpg"), jpeg(800, 800));
  await writeFile(join(rig.dir, "foto", "s.jpg"), jpeg(700, 700));
  await writeFile(join(rig.dir, "foto", "m.jpg"), jpeg(600, 600));
  await writeFile(join(rig.dir, "k.csv"), rows("masker.jpg", "s.jpg"));

  const first = await sync(rig, { yes: true });
  expect(first.out).toContain("Applied: 1 created");
  expect(first.code).toBe(0);
  const [item] = rig.server.items();
  const imagesOf = (): (string | undefined)[] => rig!.server.items()[0]!.tiers[0]!.options.map((o) => o.imageId);
  expect(imagesOf()).toHaveLength(2);
  expect(imagesOf().every((id) => id !== undefined)).toBe(true);
  expect(item!.imageIds).toHaveLength(1);

  expect((await sync(rig, { yes: true })).out).toContain("No changes");

  // Both the product's and a variant's photo renamed, same bytes: the same photos.
  await rename(join(rig.dir, "foto", "masker.jpg"), join(rig.dir, "foto", "masker-batik.jpg"));
  await rename(join(rig.dir, "foto", "s.jpg"), join(rig.dir, "foto", "ukuran-s.jpg"));
  await writeFile(join(rig.dir, "k.csv"), rows("masker-batik.jpg", "ukuran-s.jpg"));
  const renamed = await sync(rig, { dryRun: true });
  expect(renamed.out).toContain("No changes");

  // Same name, new bytes: one change of that variant's photo, shown by its file name.
  const before = imagesOf();
  await writeFile(join(rig.dir, "foto", "m.jpg"), jpeg(640, 640));
  const edited = await sync(rig, { dryRun: true });
  expect(edited.out).toContain("~ update MSK\n    ~ variant MSK-M photo: 1 photo (edited: m.jpg)\n");
  expect(edited.out.match(/~ variant/g)).toHaveLength(1);
  expect(edited.out).toContain("Variants: 0 to add, 1 to update, 0 to remove.");

  rig.server.resetStats();
  const applied = await sync(rig, { yes: true });
  expect(applied.code).toBe(0);
  expect(applied.out).toContain("1 updated");
  expect(rig.server.stats().byPath["product/update_tier_variation"]).toBe(1);
  const after = imagesOf();
  expect(after[0]).toBe(before[0]);
  expect(after[1]).not.toBe(before[1]);
  expect((await sync(rig, { yes: true })).out).toContain("No changes");
});
