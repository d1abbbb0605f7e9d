// Issue 12.11: a photo cell that shows "Lihat foto" and links to the image was read as the text
// "Lihat foto" (two bogus errors). The reader now carries each cell's hyperlink target (a
// <hyperlink> with its rels target, or a HYPERLINK("url", "text") formula) and the photo columns
// read the target; other columns keep the text shown. Share links then go through src/photos.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { encodePng } from "../check/png.js";
import { runCli } from "../cli/helpers.js";

const HEADER = ["Kode Produk", "Nama Produk", "Harga", "Stok", "Berat", "Foto"];
const PNG = encodePng(600, 600, [180, 120, 60]);

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-xlsx-links-"));
  server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "image/png", "content-length": PNG.length });
    res.end(PNG);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A catalogue written by exceljs (its hyperlinks are <hyperlink r:id> + sheet rels, as Excel writes them). */
async function workbook(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Produk");
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(join(dir, name));
  return name;
}

describe("hyperlinked photo cells (issue 12.11)", () => {
  it('a "Lihat foto" cell linking to a loopback-served image validates with no errors, the link read as the photo', async () => {
    const photo = `${base}/foto/kopi.png`;
    const shown = `${base}/foto/shown.png`;
    const file = await workbook("lihat-foto.xlsx", [
      ["KP-1", "Kopi Arabika", 25000, 3, 250, { text: "Lihat foto", hyperlink: photo }],
      // Other columns keep the text shown; a photo cell that shows a URL keeps that URL.
      ["KP-4", { text: "Keripik Tempe", hyperlink: `${base}/toko/keripik` }, 12000, 9, 200, { text: shown, hyperlink: `${base}/foto/other.png` }],
    ]);
    const r = await runCli(["validate", file, "--format", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: { issues: unknown[]; products: { name: string; images: string[] }[] }[] };
    expect(report.files[0]?.issues).toEqual([]);
    expect(report.files[0]?.products.map((p) => [p.name, p.images])).toEqual([
      ["Kopi Arabika", [photo]],
      ["Keripik Tempe", [shown]],
    ]);
    // The link is a real image on the loopback server.
    const res = await fetch(photo);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('a HYPERLINK("url", "Lihat foto") formula is read as its url', async () => {
    const photo = `${base}/foto/teh.png`;
    const file = await workbook("formula.xlsx", [["KP-2", "Teh Melati", 18000, 5, 100, { formula: `HYPERLINK("${photo}","Lihat foto")`, result: "Lihat foto" }]]);
    const result = await loadCatalog(file, { cwd: dir });
    expect(result.issues).toEqual([]);
    expect(result.products[0]?.images).toEqual([photo]);
  });

  it("a Drive share link behind the text goes to the photo code (rewritten with a warning), not INVALID_IMAGE_URL", async () => {
    const share = "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view?usp=sharing";
    const file = await workbook("drive.xlsx", [["KP-3", "Gula Aren", 30000, 2, 500, { text: "Lihat foto", hyperlink: share }]]);
    const r = await runCli(["validate", file, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const issues = (JSON.parse(r.stdout) as { files: { issues: { code: string }[] }[] }).files[0]?.issues ?? [];
    expect(issues.map((i) => i.code)).toEqual(["PHOTO_SHARE_LINK_REWRITTEN"]);
  });
});
