// Variant photos by content (issue 14 "Photos"), end to end through the practice shop (the real
// tiktok-shop adapter against the TikTok Shop mock on loopback): each variant's photo is uploaded
// and sent as its sales attribute's sku_img; renaming the file changes nothing; editing its bytes
// is exactly one variant photo change, named by file; the rerun finds nothing to do.
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../cli/helpers.js";
import { jpeg } from "./fixtures.js";

let cwd: string;
const HEADER = "Kode Induk,SKU,Nama Produk,Deskripsi,Rasa,Harga,Stok,Berat,Kategori,Foto,Foto Variasi";
const rows = (original: string): string =>
  [
    HEADER,
    `KRP,KRP-ORI,Keripik Singkong Renyah Khas Lereng Kawi 200 gr,Keripik singkong warga,Original,15000,10,200,Makanan Ringan,keripik.jpg,${original}`,
    "KRP,KRP-PDS,,,Pedas,16000,8,,,,pedas.jpg",
  ].join("\n") + "\n";

interface PracticeState {
  images: Record<string, { width: number }>;
  products: { skus: { seller_sku?: string; sales_attributes: { name: string; sku_img?: { uri: string } }[] }[] }[];
}
const state = async (): Promise<PracticeState> => JSON.parse(await readFile(join(cwd, ".desbumi", "practice-shop.json"), "utf8")) as PracticeState;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "desbumi-variant-photos-"));
  await mkdir(join(cwd, "foto"));
  await writeFile(join(cwd, "foto", "keripik.jpg"), jpeg(800, 800));
  await writeFile(join(cwd, "foto", "ori.jpg"), jpeg(700, 700));
  await writeFile(join(cwd, "foto", "pedas.jpg"), jpeg(600, 600));
  await writeFile(join(cwd, "k.csv"), rows("ori.jpg"));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

test("variant photos: uploaded as sku_img, rename = no change, edited bytes = one variant photo change by name, rerun converges", async () => {
  const first = await runCli(["sync", "k.csv", "--yes"], { cwd });
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  expect(first.stdout).toContain("Applied: 1 created");
  const created = await state();
  const [product] = created.products;
  const uriOf = (sku: string): string | undefined => product!.skus.find((s) => s.seller_sku === sku)?.sales_attributes.find((a) => a.sku_img)?.sku_img?.uri;
  expect(uriOf("KRP-ORI")).toBeDefined();
  expect(uriOf("KRP-PDS")).toBeDefined();
  expect(uriOf("KRP-ORI")).not.toBe(uriOf("KRP-PDS"));
  // Three distinct photo files, three uploads.
  expect(Object.values(created.images).map((i) => i.width).sort()).toEqual([600, 700, 800]);

  expect((await runCli(["sync", "k.csv", "--yes"], { cwd })).stdout).toContain("No changes");

  // Renamed file, same bytes: the same photo.
  await rename(join(cwd, "foto", "ori.jpg"), join(cwd, "foto", "original-renyah.jpg"));
  await writeFile(join(cwd, "k.csv"), rows("original-renyah.jpg"));
  const renamed = await runCli(["sync", "k.csv", "--dry-run"], { cwd });
  expect(renamed.code).toBe(0);
  expect(renamed.stdout).toContain("No changes");

  // Same name, new bytes: exactly one change, of that variant's photo, named by the file.
  await writeFile(join(cwd, "foto", "pedas.jpg"), jpeg(650, 650));
  const edited = await runCli(["sync", "k.csv", "--dry-run"], { cwd });
  expect(edited.stdout).toContain("~ update KRP\n    ~ variant KRP-PDS photo: 1 photo (edited: pedas.jpg)\n");
  expect(edited.stdout).toContain("Plan: 0 to create, 1 to update, 0 to deactivate, 0 to reactivate, 0 unchanged. Variants: 0 to add, 1 to update, 0 to remove.");
  expect(edited.stdout.match(/~ variant/g)).toHaveLength(1);

  const applied = await runCli(["sync", "k.csv", "--yes"], { cwd });
  expect(applied.code).toBe(0);
  expect(applied.stdout).toContain("Applied: 0 created, 1 updated");
  const after = await state();
  expect(Object.values(after.images).map((i) => i.width).sort()).toEqual([600, 650, 700, 800]);
  const again = await runCli(["sync", "k.csv", "--yes"], { cwd });
  expect(again.stdout).toContain("No changes");
});
