// The offline photo checks take their limits from the target adapter's definition
// (MarketplaceRules.photo), never from numbers in the generic code (issue 14 "Photos"): the same
// files are judged by TikTok Shop's rules (main image 300-4000 px, 10 MB, JPG/PNG/WEBP;
// tiktok-shop-api.md §4.2, §5) and by Shopee's (JPG/PNG, 10 MB; shopee-open-platform.md A4), each
// issue located at its line and photo column. And the config's `photos` folder is where bare file
// names (and their did-you-mean) are looked up, in validate and in sync.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shopee } from "../../src/adapters/shopee/definition.js";
import { tiktokShop } from "../../src/adapters/tiktok-shop/definition.js";
import { runCli } from "../cli/helpers.js";
import { jpeg, png, webp } from "./fixtures.js";

const TIKTOK = tiktokShop.rules.photo!;
const SHOPEE = shopee.rules.photo!;
let dir: string;

const FILES = ["pas.jpg", "kecil.jpg", "besar.png", "teh.webp", "panjang.jpg", "berat.jpg"];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-photo-target-rules-"));
  await mkdir(join(dir, "foto"));
  await writeFile(join(dir, "foto", "pas.jpg"), jpeg(800, 800));
  await writeFile(join(dir, "foto", "kecil.jpg"), jpeg(TIKTOK.minPx - 100, TIKTOK.minPx - 100));
  await writeFile(join(dir, "foto", "besar.png"), png(TIKTOK.maxPx + 1000, TIKTOK.maxPx + 1000));
  await writeFile(join(dir, "foto", "teh.webp"), webp(800, 800));
  await writeFile(join(dir, "foto", "panjang.jpg"), jpeg(1600, 600));
  await writeFile(join(dir, "foto", "berat.jpg"), jpeg(800, 800, { pad: Math.max(TIKTOK.maxBytes, SHOPEE.maxBytes) + 1 }));
  const rows = FILES.map((f, i) => `K-${i + 1},Kopi Robusta Bubuk Lereng Kawi ${i + 1},Kopi kebun warga,25000,10,250,600102,${f}`);
  await writeFile(join(dir, "k.csv"), ["sku,nama,deskripsi,harga,stok,berat,kategori,Foto Produk", ...rows].join("\n") + "\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function photoIssues(marketplace: string): Promise<unknown[]> {
  const r = await runCli(["validate", "k.csv", "--marketplace", marketplace, "--format", "json"], { cwd: dir });
  const doc = JSON.parse(r.stdout) as { files: { issues: { code: string; severity: string; line: number; column?: string; args?: Record<string, unknown> }[] }[] };
  return doc.files[0]!.issues.filter((i) => i.code.startsWith("PHOTO_")).map((i) => [i.code, i.severity, i.line, i.column]);
}

/** The pretty report (which carries the numbers), in English. */
const pretty = async (marketplace: string): Promise<string> => (await runCli(["validate", "k.csv", "--marketplace", marketplace], { cwd: dir })).stdout;
const group = (n: number): string => n.toLocaleString("en-US");

describe("the same photos, judged by each target's own rules", () => {
  test("TikTok Shop", async () => {
    expect(await photoIssues("tiktok-shop")).toEqual([
      ["PHOTO_DIMENSIONS", "error", 3, "Foto Produk"],
      ["PHOTO_DIMENSIONS", "error", 4, "Foto Produk"],
      ["PHOTO_NOT_SQUARE", "warning", 6, "Foto Produk"],
      ["PHOTO_TOO_LARGE", "error", 7, "Foto Produk"],
    ]);
    const text = await pretty("tiktok-shop");
    expect(text).toContain(`(${group(TIKTOK.minPx)} to ${group(TIKTOK.maxPx)} px per side)`);
    expect(text).toContain(`at most ${TIKTOK.maxBytes / 1024 / 1024} MB`);
  });

  test("Shopee", async () => {
    expect(await photoIssues("shopee")).toEqual([
      ["PHOTO_FORMAT_NOT_ALLOWED", "error", 5, "Foto Produk"],
      ["PHOTO_NOT_SQUARE", "warning", 6, "Foto Produk"],
      ["PHOTO_TOO_LARGE", "error", 7, "Foto Produk"],
    ]);
    expect(await pretty("shopee")).toContain("(accepted: JPG, PNG)");
  });
});

test("no marketplace given: photos are checked as the practice shop (sync's default target) takes them, by its rules", async () => {
  const r = await runCli(["validate", "k.csv", "--format", "json"], { cwd: dir });
  const doc = JSON.parse(r.stdout) as { files: { issues: { code: string; line: number }[] }[] };
  const photo = doc.files[0]!.issues.filter((i) => i.code.startsWith("PHOTO_"));
  expect(photo.map((i) => [i.code, i.line])).toEqual([["PHOTO_DIMENSIONS", 3], ["PHOTO_DIMENSIONS", 4], ["PHOTO_NOT_SQUARE", 6], ["PHOTO_TOO_LARGE", 7]]);
});

describe("config `photos`: the group's photo folder", () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "desbumi-photo-folder-"));
    await mkdir(join(project, "gambar", "kopi"), { recursive: true });
    await writeFile(join(project, "gambar", "kopi", "kopi-1.jpg"), jpeg(800, 800));
    await writeFile(join(project, "desbumi.config.json"), JSON.stringify({ groups: [{ id: "kopi", name: "Kopi", catalog: "k.csv", photos: "gambar/kopi" }] }));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });
  const catalog = (photo: string) => writeFile(join(project, "k.csv"), `sku,nama,deskripsi,harga,stok,berat,kategori,Foto Produk\nK-1,Kopi Robusta Bubuk Lereng Kawi 250 gr,Kopi kebun warga,25000,10,250,Kopi,${photo}\n`);

  test("a near miss is located, with did-you-mean over that folder's names", async () => {
    await catalog("kopi1.jpg");
    const r = await runCli(["validate", "--format", "json"], { cwd: project });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { files: { issues: { code: string; line: number; column: string }[] }[] };
    expect(doc.files[0]!.issues.map((i) => [i.code, i.line, i.column])).toEqual([["PHOTO_NOT_FOUND", 2, "Foto Produk"]]);
    const text = (await runCli(["validate"], { cwd: project })).stdout;
    expect(text).toContain("(looked in gambar/kopi/)");
    expect(text).toContain('Did you mean "kopi-1.jpg"?');
  });

  test("a bare name found there validates and syncs (uploaded to the practice shop), and a rerun does nothing", async () => {
    await catalog("kopi-1.jpg");
    expect((await runCli(["validate"], { cwd: project })).code).toBe(0);
    const first = await runCli(["sync", "--yes"], { cwd: project });
    expect(first.stdout + first.stderr).not.toContain("PHOTO_");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("1 created");
    expect((await runCli(["sync", "--yes"], { cwd: project })).stdout).toContain("No changes");
  });
});
