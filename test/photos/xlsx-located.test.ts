// Photo issues in a workbook are located at sheet!cell (issue 14 "Photos"): a product photo in its
// photo column, a variant's in the variant photo column (`Foto Variasi`), not the product's.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../cli/helpers.js";
import { jpeg } from "./fixtures.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-xlsx-photos-"));
  await mkdir(join(dir, "foto"));
  await writeFile(join(dir, "foto", "keripik.jpg"), jpeg(800, 800));
  await writeFile(join(dir, "foto", "pedas.jpg"), jpeg(800, 800));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Produk");
  ws.addRow(["Kode Induk", "SKU", "Nama Produk", "Deskripsi", "Rasa", "Harga", "Stok", "Berat", "Kategori", "Foto", "Foto Variasi"]);
  ws.addRow(["KRP", "KRP-ORI", "Keripik Singkong Renyah Khas Lereng Kawi", "Keripik warga", "Original", 15000, 10, 200, "Makanan Ringan", "keripik.jpg", "orginal.jpg"]);
  ws.addRow(["KRP", "KRP-PDS", null, null, "Pedas", 16000, 8, null, null, null, "pedas.jpg"]);
  ws.addRow(["TMP-1", "TMP-1", "Keripik Tempe Sagu Khas Jember 200 gr", "Keripik warga", null, 15000, 10, 200, "Makanan Ringan", "tempe.jpg", null]);
  await wb.xlsx.writeFile(join(dir, "k.xlsx"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("a missing variant photo is at its Foto Variasi cell, a missing product photo at its Foto cell", async () => {
  const r = await runCli(["validate", "k.xlsx", "--marketplace", "tiktok-shop", "--format", "json"], { cwd: dir });
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout) as { files: { issues: { code: string; line: number; sheet?: string; cell?: string; column?: string }[] }[] };
  const photo = doc.files[0]!.issues.filter((i) => i.code.startsWith("PHOTO_"));
  expect(photo.map((i) => [i.code, i.sheet, i.cell, i.column])).toEqual([
    ["PHOTO_NOT_FOUND", "Produk", "K2", "Foto Variasi"],
    ["PHOTO_NOT_FOUND", "Produk", "J4", "Foto"],
  ]);
});
