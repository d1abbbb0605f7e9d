// Photos through the commands (issue 14 "Photos"): validate and sync check local photo files and
// share links, located at the photo cell; a target that takes only links refuses local files; the
// practice shop (Tokopedia & Shop) uploads them.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../cli/helpers.js";
import { heic, jpeg, png } from "./fixtures.js";

let dir: string;
const HEADER = "sku,nama,harga,stok,berat,kategori,Foto Produk";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-cli-photos-"));
  await mkdir(join(dir, "foto"));
  await writeFile(join(dir, "foto", "kopi-1.jpg"), jpeg(800, 800));
  await writeFile(join(dir, "foto", "teh.png"), png(900, 900));
  await writeFile(join(dir, "foto", "jamu.jpg"), heic());
  await writeFile(
    join(dir, "katalog.csv"),
    [
      HEADER,
      "K-1,Kopi Robusta,25000,10,250,Kopi,kopi-1.jpg",
      "K-2,Teh Hijau,15000,10,250,Kopi,\"foto/teh.png, https://img.example/teh.jpg\"",
      "K-3,Kopi Arabika,25000,10,250,Kopi,kopi1.jpg",
      "K-4,Jamu Kunyit,25000,10,250,Kopi,jamu.jpg",
      "K-5,Gula Aren,25000,10,250,Kopi,https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQr",
      "K-6,Kopi Luwak,25000,10,250,Kopi,https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWx/view?usp=sharing",
    ].join("\n") + "\n",
  );
  await writeFile(join(dir, "ok.csv"), `${HEADER}\nK-1,Kopi Robusta,25000,10,250,Kopi,kopi-1.jpg\nK-2,Teh Hijau,15000,10,250,Kopi,foto/teh.png\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("validate: each photo problem is located at its line and column, in JSON too", async () => {
  const r = await runCli(["validate", "katalog.csv", "--marketplace", "memory", "--format", "json"], { cwd: dir });
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout) as { files: { issues: { code: string; line: number; column: string; args?: Record<string, unknown> }[]; products: { sku: string }[] }[] };
  const issues = doc.files[0]!.issues;
  expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
    ["PHOTO_NOT_FOUND", 4, "Foto Produk"],
    ["PHOTO_HEIC", 5, "Foto Produk"],
    ["PHOTO_SHARE_LINK_UNUSABLE", 6, "Foto Produk"],
    ["PHOTO_SHARE_LINK_REWRITTEN", 7, "Foto Produk"],
  ]);
  expect(JSON.stringify(issues[0])).toContain("kopi-1.jpg");
  // NOTE: the json document streams its products from a spool (issue 14.4), so rows with photo
  // errors are still listed there; the issues and the exit code say they are not valid.
  expect(doc.files[0]!.products.map((p) => p.sku)).toContain("K-1");
});

test("validate (pretty): photo checks run without keeping products, with did-you-mean", async () => {
  const r = await runCli(["validate", "katalog.csv", "--marketplace", "memory"], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("katalog.csv:4 Foto Produk");
  expect(r.stdout).toContain('Did you mean "kopi-1.jpg"?');
  expect(r.stdout).toMatch(/HEIC/);
});

test("validate of a catalogue with good local photos exits 0", async () => {
  const r = await runCli(["validate", "ok.csv", "--marketplace", "memory"], { cwd: dir });
  expect(r.stdout).not.toMatch(/PHOTO_|error/i);
  expect(r.code).toBe(0);
});

test("the legacy Tokopedia target takes only photo links: a local file is PHOTO_UPLOAD_UNSUPPORTED, located", async () => {
  const r = await runCli(["validate", "ok.csv", "--marketplace", "tokopedia"], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("ok.csv:2 Foto Produk");
  expect(r.stdout).toMatch(/only takes https:\/\/ photo links/);
});

test("the practice shop (Tokopedia & Shop) uploads local photos: listed on the first sync, each photo uploaded once, nothing on a rerun", async () => {
  const cwd = await mkdtemp(join(tmpdir(), "desbumi-cli-photos-practice-"));
  try {
    await mkdir(join(cwd, "foto"));
    await writeFile(join(cwd, "foto", "kopi-1.jpg"), jpeg(800, 800));
    await writeFile(join(cwd, "foto", "teh.png"), png(900, 900));
    await writeFile(
      join(cwd, "k.csv"),
      [
        "sku,nama,deskripsi,harga,stok,berat,kategori,Foto Produk",
        "K-1,Kopi Robusta Bubuk Lereng Kawi 250 gr,Kopi kebun warga,25000,10,250,Kopi,kopi-1.jpg",
        'K-2,Teh Hijau Daun Pucuk Tambi 100 gr,Teh kebun warga,15000,10,250,Teh,"foto/teh.png, foto/kopi-1.jpg"',
      ].join("\n") + "\n",
    );
    const first = await runCli(["sync", "k.csv", "--yes"], { cwd });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Applied: 2 created");
    const state = JSON.parse(await readFile(join(cwd, ".desbumi", "practice-shop.json"), "utf8")) as { images: Record<string, { width: number }>; products: { main_images: { uri: string }[] }[] };
    // Two distinct photo files: two uploads (kopi-1.jpg is used twice, uploaded once).
    expect(Object.values(state.images).map((i) => i.width).sort()).toEqual([800, 900]);
    expect(state.products.map((p) => p.main_images.length).sort()).toEqual([1, 2]);
    const second = await runCli(["sync", "k.csv", "--yes"], { cwd });
    expect(second.stdout).toContain("No changes");
    expect(Object.keys((JSON.parse(await readFile(join(cwd, ".desbumi", "practice-shop.json"), "utf8")) as { images: object }).images)).toHaveLength(2);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});
