// Issue 17: `desbumi check` readiness per product and per marketplace, offline.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCatalog } from "../../src/check/run.js";
import type { ReadinessTarget } from "../../src/check/targets.js";
import { DEFAULT_RULES } from "../../src/rules.js";
import { runCli } from "../cli/helpers.js";
import { CHROMIUM, launchChromium, type Browser } from "./chromium.js";
import { HIGHLIGHT } from "../../src/check/render-html.js";
import { decodePng, encodePng } from "./png.js";

const HEADER = "Kode Produk;Nama Produk;Harga;Stok;Berat (gram);Kategori;Deskripsi;Foto";
// Line 2 is fine everywhere; line 3's name is over 20 characters (too long for "narrow");
// line 4 has no price (an error for every marketplace); line 5 has no description.
const CATALOG = [
  HEADER,
  "KP-001;Kopi Robusta;25.000;10;250;Kopi;Kopi robusta Wonosobo;https://127.0.0.1:1/kopi.jpg",
  "KP-002;Kopi Arabika Dieng Premium Sangrai;45.000;5;250;Kopi;Kopi arabika dari Dieng;https://127.0.0.1:1/kopi2.jpg",
  "KP-003;Teh Purwoceng;;5;100;Teh;Teh herbal;https://127.0.0.1:1/teh.jpg",
  "KP-004;Jahe Merah;15.000;8;100;Jamu;;https://127.0.0.1:1/jahe.jpg",
].join("\n");

const wide: ReadinessTarget = { name: "wide", label: "Wide shop", rules: DEFAULT_RULES, options: {} };
const narrow: ReadinessTarget = { name: "narrow", label: "Narrow shop", rules: { ...DEFAULT_RULES, nameMaxLength: 20, descriptionRequired: true }, options: {} };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "desbumi-check-"));
  writeFileSync(join(dir, "katalog.csv"), CATALOG);
  writeFileSync(join(dir, "kopi.png"), encodePng(4, 4, [30, 120, 200]));
  // The page's own catalogue: a local photo (shown as an embedded thumbnail) on a row with problems.
  writeFileSync(join(dir, "page.csv"), `${CATALOG}\nKP-005;Gula Aren;;3;500;Gula;Gula aren asli;kopi.png\n`);
});

describe("readiness per marketplace (table)", () => {
  it("gives each marketplace its own verdicts, codes and lines", async () => {
    const { report } = await checkCatalog("katalog.csv", [wide, narrow], { cwd: dir });
    const verdicts = (name: string) =>
      report.targets.find((t) => t.name === name)!.products.map((v) => [v.key, v.ready, v.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.line, i.column])]);
    expect(verdicts("wide")).toEqual([
      ["KP-001", true, []],
      ["KP-002", true, []],
      ["line:4", false, [["REQUIRED_VALUE_MISSING", 4, "Harga"]]],
      ["KP-004", true, []],
    ]);
    expect(verdicts("narrow")).toEqual([
      ["KP-001", true, []],
      // Grouping is the same for every marketplace: KP-002 is a product (another marketplace read it).
      ["KP-002", false, [["NAME_TOO_LONG", 3, "Nama Produk"]]],
      ["line:4", false, [["REQUIRED_VALUE_MISSING", 4, "Harga"]]],
      ["KP-004", false, [["REQUIRED_VALUE_MISSING", 5, "Deskripsi"]]],
    ]);
    expect(report.targets.map((t) => [t.name, t.ready, t.total, t.percent])).toEqual([
      ["wide", 3, 4, 75],
      ["narrow", 1, 4, 25],
    ]);
    expect(report.total).toEqual({ ready: 4, total: 8, percent: 50 });
  });

  it("a missing required column makes every product not ready, as a file-level issue", async () => {
    writeFileSync(join(dir, "no-price.csv"), "Kode Produk;Nama Produk;Stok\nA-1;Kopi;3\n");
    const { report } = await checkCatalog("no-price.csv", [wide], { cwd: dir });
    const [target] = report.targets;
    expect(target?.fileIssues.map((i) => i.code)).toContain("MISSING_COLUMN");
    expect(target?.ready).toBe(0);
  });
});

describe("desbumi check (CLI)", () => {
  it("json: one document with per-marketplace verdicts; exit 1 when a product is not ready", async () => {
    const run = await runCli(["check", "katalog.csv", "--marketplace", "tokopedia-bulk", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ format: "desbumi-check", version: 1, ready: false });
    expect(doc.files[0].targets.map((t: { marketplace: string }) => t.marketplace)).toEqual(["tokopedia-bulk"]);
    expect(doc.files[0].products.map((p: { sku: string }) => p.sku)).toEqual(["KP-001", "KP-002", "KP-003", "KP-004"]);
  });

  it("github: annotations titled with the marketplace", async () => {
    const run = await runCli(["check", "katalog.csv", "--marketplace", "tokopedia-bulk", "--format", "github"], { cwd: dir });
    expect(run.stdout).toMatch(/^::error file=katalog\.csv,line=4,title=Tokopedia Seller Center bulk workbook%3A REQUIRED_VALUE_MISSING::/m);
  });

  it("an unknown marketplace is a usage error (exit 2) naming the choices", async () => {
    const run = await runCli(["check", "katalog.csv", "--marketplace", "shoppe"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown marketplace "shoppe"\. Choose one of: all, /);
  });

  it("uses the marketplaces a config group lists for its catalogue", async () => {
    const project = mkdtempSync(join(tmpdir(), "desbumi-check-config-"));
    mkdirSync(join(project, "catalogs"));
    writeFileSync(join(project, "catalogs", "kopi.csv"), CATALOG);
    writeFileSync(
      join(project, "desbumi.config.json"),
      JSON.stringify({ groups: [{ id: "kopi", name: "Kopi Wonosobo", catalog: "catalogs/kopi.csv", marketplaces: [{ adapter: "tokopedia-bulk", outDir: "upload", categories: { Kopi: 1760, Teh: 1761, Jamu: 1762 } }] }] }),
    );
    const run = await runCli(["check", "--format", "json"], { cwd: project });
    const doc = JSON.parse(run.stdout);
    expect(doc.files[0].file).toBe("catalogs/kopi.csv");
    // With the category map, names are fine: only the missing price and description remain.
    expect(doc.files[0].targets[0]).toMatchObject({ marketplace: "tokopedia-bulk", ready: 2, total: 4 });
  });
});

describe.skipIf(!CHROMIUM)("desbumi check --format html (in headless Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("renders one self-contained page with the problem cells highlighted where the issues are", async () => {
    const json = JSON.parse((await runCli(["check", "page.csv", "--marketplace", "tokopedia-bulk", "--format", "json"], { cwd: dir })).stdout);
    const run = await runCli(["check", "page.csv", "--marketplace", "tokopedia-bulk", "--format", "html", "--out", "siap.html"], { cwd: dir });
    expect(run.stdout).toContain("siap.html");
    const html = readFileSync(join(dir, "siap.html"), "utf8");
    // Self-contained: no external stylesheet, script or image (links in photo cells are text).
    expect(html).not.toMatch(/<(link|script)\b/i);
    expect(html).not.toMatch(/<img[^>]+src="(?!data:)/i);

    const page = await browser.open(`file://${join(dir, "siap.html")}`, { width: 1800, height: 900 });
    const cells = await page.evaluate<{ line: number; col: number; x: number; y: number; w: number; h: number }[]>(
      `[...document.querySelectorAll("td.has-issue.error")].map(td => { const r = td.getBoundingClientRect(); return { line: +td.dataset.line, col: +td.dataset.col, x: r.x, y: r.y, w: r.width, h: r.height }; })`,
    );
    // Exactly the cells the error issues name (line + header -> column index), no more, no fewer.
    const headers = HEADER.split(";");
    const expected = new Set<string>();
    for (const product of json.files[0].products) {
      for (const issue of product.marketplaces["tokopedia-bulk"].issues) {
        if (issue.severity === "error" && issue.line !== null && issue.column !== null) expected.add(`${issue.line}:${headers.indexOf(issue.column)}`);
      }
    }
    // Among them: line 4 Harga (C) empty, line 5 Deskripsi (G) empty (the bulk template requires one).
    expect(expected).toContain("4:2");
    expect(expected).toContain("5:6");
    expect(new Set(cells.map((c) => `${c.line}:${c.col}`))).toEqual(expected);
    const clean = await page.evaluate<{ x: number; y: number; w: number; h: number }>(
      `(() => { const r = document.querySelector('tr[data-line="2"] td:nth-child(2)').getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; })()`,
    );
    const thumbs = await page.evaluate<number>(`[...document.querySelectorAll("img.thumb")].filter(i => i.complete && i.naturalWidth === 4).length`);
    expect(thumbs).toBe(1);

    const shot = decodePng(await page.screenshot());
    const [r, g, b] = hex(HIGHLIGHT.error);
    for (const cell of cells) {
      // A corner inside the cell's padding, away from the text.
      const pixel = shot.at(cell.x + 2, cell.y + 2);
      expect(near(pixel, [r, g, b]), `cell line ${cell.line} col ${cell.col} shows ${pixel}`).toBe(true);
    }
    expect(near(shot.at(clean.x + 2, clean.y + 2), [r, g, b])).toBe(false);
  }, 60_000);
});

const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
const near = (a: [number, number, number], b: [number, number, number]): boolean => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 6);
