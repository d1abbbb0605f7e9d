// How a target carries variant photos (src/photos/variant-photos.ts) and the issues the photo step
// locates for it: VARIANT_PHOTO_CONFLICT where no allowed option can carry them, VARIANT_PHOTO_SHARED
// where a variant will show a differently-looking variant's photo. The rule is the adapter's.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shopee } from "../../src/adapters/shopee/definition.js";
import { tiktokShop } from "../../src/adapters/tiktok-shop/definition.js";
import { loadCatalog } from "../../src/catalog/index.js";
import { withResolvedPhotos } from "../../src/photos/catalog-photos.js";
import { carryVariantPhotos, photoOption, type PhotoVariant } from "../../src/photos/variant-photos.js";
import { runCli } from "../cli/helpers.js";
import { jpeg } from "./fixtures.js";

const v = (line: number, options: Record<string, string>, photo?: string): PhotoVariant => ({ line, options, images: photo ? [photo] : [] });

describe("photoOption", () => {
  const batik = [v(2, { Ukuran: "M", Warna: "Biru" }), v(3, { Ukuran: "L", Warna: "Biru" }), v(4, { Ukuran: "M", Warna: "Merah" }, "merah.jpg"), v(5, { Ukuran: "L", Warna: "Merah" })];
  test.each([
    ["no photos", [v(2, { Rasa: "Ori" }), v(3, { Rasa: "Pedas" })], "one-option", { kind: "none" }],
    ["one option, one photo per value", [v(2, { Rasa: "Ori" }, "a.jpg"), v(3, { Rasa: "Pedas" }, "b.jpg")], "one-option", { kind: "option", name: "Rasa" }],
    ["TikTok Shop: the colour option, whatever its column", batik, "one-option", { kind: "option", name: "Warna" }],
    ["Shopee: the first option only", batik, "first-option", { kind: "option", name: "Ukuran" }],
    [
      "Shopee: two photos for one value of the first option",
      [v(2, { Ukuran: "M", Warna: "Biru" }, "biru.jpg"), v(3, { Ukuran: "M", Warna: "Merah" }, "merah.jpg")],
      "first-option",
      { kind: "conflict", name: "Ukuran", value: "M", lines: [3] },
    ],
    [
      "TikTok Shop: no option carries them",
      [v(2, { Ukuran: "M", Warna: "Biru" }, "a.jpg"), v(3, { Ukuran: "M", Warna: "Merah" }, "b.jpg"), v(4, { Ukuran: "L", Warna: "Merah" }, "c.jpg")],
      "one-option",
      { kind: "conflict", name: "Warna", value: "Merah", lines: [4] },
    ],
  ] as const)("%s", (_name, variants, rule, expected) => {
    expect(photoOption(variants, rule)).toEqual(expected);
  });

  test("the same content under two names is one photo", () => {
    const same = { ref: "x", source: "file", sha256: "a".repeat(64) } as const;
    const variants: PhotoVariant[] = [
      { line: 2, options: { Ukuran: "M" }, images: ["m.jpg"], photos: [{ ...same, ref: "m.jpg" }] },
      { line: 3, options: { Ukuran: "M" }, images: ["m-copy.jpg"], photos: [{ ...same, ref: "m-copy.jpg" }] },
    ];
    expect(photoOption(variants, "first-option")).toEqual({ kind: "option", name: "Ukuran" });
  });

  test("carry: own photo, the value's photo, else the product's first photo; shared across a colour is said", () => {
    const carried = carryVariantPhotos(
      [v(2, { Ukuran: "M", Warna: "Biru" }), v(3, { Ukuran: "M", Warna: "Merah" }, "merah.jpg"), v(4, { Ukuran: "L", Warna: "Merah" })],
      { kind: "option", name: "Ukuran" },
      { images: ["utama.jpg"] },
    );
    expect(carried.map((c) => c.variant.images)).toEqual([["merah.jpg"], ["merah.jpg"], ["utama.jpg"]]);
    expect(carried.map((c) => c.sharedFrom)).toEqual([{ line: 3, ref: "merah.jpg", option: "Ukuran", value: "M" }, undefined, undefined]);
  });
});

describe("the photo step locates them, by the target adapter's rule", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "desbumi-variant-photo-rules-"));
    await mkdir(join(dir, "foto"));
    for (const [name, px] of [["utama.jpg", 800], ["biru.jpg", 700], ["merah.jpg", 600]] as const) await writeFile(join(dir, "foto", name), jpeg(px, px));
    await writeFile(
      join(dir, "k.csv"),
      [
        "Kode Induk,SKU,Nama Produk,Deskripsi,Ukuran,Warna,Harga,Stok,Berat,Kategori,Foto,Foto Variasi",
        "BTK,BTK-M-B,Kemeja Batik Gajah Oling Lengan Pendek,Batik tulis,M,Biru,150000,3,300,Kemeja,utama.jpg,biru.jpg",
        "BTK,BTK-M-M,,,M,Merah,150000,3,,,,merah.jpg",
        "BTK,BTK-L-B,,,L,Biru,150000,3,,,,",
      ].join("\n") + "\n",
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const photoIssues = async (rules: (typeof shopee)["rules"]) => {
    const catalog = await loadCatalog("k.csv", { cwd: dir, rules });
    const done = await withResolvedPhotos(catalog, { cwd: dir, ...(rules.photo ? { rules: rules.photo } : {}) });
    return { done, issues: done.issues.filter((i) => i.code.startsWith("VARIANT_PHOTO")).map((i) => [i.code, i.severity, i.line, i.column, i.value]) };
  };

  test("Shopee (first option = Ukuran): M has two photos, an error at line 3 in the variant photo column", async () => {
    const { done, issues } = await photoIssues(shopee.rules);
    expect(issues).toEqual([["VARIANT_PHOTO_CONFLICT", "error", 3, "Foto Variasi", "merah.jpg"]]);
    expect(done.invalidSkus).toContain("BTK");
  });

  test("TikTok Shop (any one option): by colour; L-Biru shows biru.jpg, the same colour: no warning", async () => {
    const { done, issues } = await photoIssues(tiktokShop.rules);
    expect(issues).toEqual([]);
    expect(done.products[0]!.variants!.map((x) => x.images)).toEqual([["biru.jpg"], ["merah.jpg"], ["biru.jpg"]]);
  });

  test("photo links only (no file to read): still checked against Shopee's rule by validate", async () => {
    await writeFile(
      join(dir, "links.csv"),
      [
        "Kode Induk,SKU,Nama Produk,Deskripsi,Ukuran,Warna,Harga,Stok,Berat,Kategori,Foto,Foto Variasi",
        "BTK,BTK-M-B,Kemeja Batik Gajah Oling Lengan Pendek,Batik tulis,M,Biru,150000,3,300,Kemeja,https://img.example.test/u.jpg,https://img.example.test/biru.jpg",
        "BTK,BTK-M-M,,,M,Merah,150000,3,,,,https://img.example.test/merah.jpg",
      ].join("\n") + "\n",
    );
    const r = await runCli(["validate", "links.csv", "--marketplace", "shopee", "--format", "json"], { cwd: dir });
    const doc = JSON.parse(r.stdout) as { files: { issues: { code: string; line: number; column?: string }[] }[] };
    expect(doc.files[0]!.issues.filter((i) => i.code.startsWith("VARIANT_PHOTO")).map((i) => [i.code, i.line, i.column])).toEqual([["VARIANT_PHOTO_CONFLICT", 3, "Foto Variasi"]]);
    expect(r.code).toBe(1);
  });

  test("validate --marketplace shopee reports it, located, in both languages", async () => {
    const en = await runCli(["validate", "k.csv", "--marketplace", "shopee"], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain("k.csv:3 Foto Variasi");
    expect(en.stdout).toContain("Variants with Ukuran=M have different photos");
    const id = await runCli(["validate", "k.csv", "--marketplace", "shopee"], { cwd: dir, env: { LANG: "id_ID.UTF-8" } });
    expect(id.stdout).toContain("Varian dengan Ukuran=M punya foto yang berbeda-beda");
  });
});
