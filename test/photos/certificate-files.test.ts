// Issue 14 "Attributes and certificates": certificate photos or PDFs are files checked like photos
// (found, with did-you-mean; really a photo or a PDF by its magic bytes), located at their column.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../cli/helpers.js";
import { heic, png } from "./fixtures.js";

let dir: string;
const HEADER = "sku,nama,harga,stok,berat,kategori,Foto Produk,No. PIRT,Foto Sertifikat";
const IMG = "https://img.example/kripik.jpg";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-cert-files-"));
  await mkdir(join(dir, "foto"));
  await writeFile(join(dir, "foto", "pirt.pdf"), "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
  await writeFile(join(dir, "foto", "halal.png"), png(1240, 1754)); // an A4 scan: not square, and fine
  await writeFile(join(dir, "foto", "bpom.jpg"), heic());
  await writeFile(join(dir, "foto", "izin.pdf"), "<!doctype html><html><body>Google Drive</body></html>");
  await writeFile(
    join(dir, "katalog.csv"),
    [
      HEADER,
      `K-1,Keripik Singkong Original,15000,10,200,Makanan,${IMG},206330501002025,pirt.pdf`,
      `K-2,Keripik Singkong Pedas,15000,10,200,Makanan,${IMG},206330501002025,foto/halal.png`,
      `K-3,Keripik Pisang,15000,10,200,Makanan,${IMG},206330501002025,prit.pdf`,
      `K-4,Keripik Tempe,15000,10,200,Makanan,${IMG},206330501002025,bpom.jpg`,
      `K-5,Keripik Talas,15000,10,200,Makanan,${IMG},206330501002025,izin.pdf`,
    ].join("\n") + "\n",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("validate: missing, HEIC and fake-PDF certificate files are located errors; a PDF and an A4 scan pass", async () => {
  const r = await runCli(["validate", "katalog.csv", "--marketplace", "memory", "--format", "json"], { cwd: dir });
  const doc = JSON.parse(r.stdout) as { files: { issues: { code: string; line: number; column: string }[] }[] };
  const issues = doc.files[0]!.issues;
  expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
    ["PHOTO_NOT_FOUND", 4, "Foto Sertifikat"],
    ["PHOTO_HEIC", 5, "Foto Sertifikat"],
    ["PHOTO_NOT_IMAGE", 6, "Foto Sertifikat"],
  ]);
  expect(JSON.stringify(issues[0])).toContain('Did you mean \\"pirt.pdf\\"?');
  expect(JSON.stringify(issues[2])).toContain("web page (HTML)");
  expect(r.code).toBe(1);
});
