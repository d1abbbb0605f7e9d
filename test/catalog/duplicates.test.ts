// Issue 13.4 and 13.12: duplicate SKUs are found in linear time and bounded output (each group
// reported at its first lines with a count of the rest), and SKUs differing only in case are
// duplicates, as the marketplaces treat them.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { DUPLICATE_REPORT_CAP } from "../../src/catalog/rules.js";
import { formatIssue as renderMessage } from "../../src/report/messages.js";

const BIN = resolve(import.meta.dirname, "../../bin/desbumi.js");
const IMG = "https://images.desbumi.example/t.jpg";
const HEADER = "sku,nama,harga,stok,berat,foto";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-dupes-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(name: string, rows: string[], opts = {}) {
  await writeFile(join(dir, name), `${HEADER}\n${rows.join("\n")}\n`);
  return loadCatalog(name, { cwd: dir, ...opts });
}
const row = (sku: string, i: number) => `${sku},Produk ${i},25000,1,250,${IMG}`;

describe("case-insensitive SKUs (issue 13.12)", () => {
  test("MW-LPS-002 and mw-lps-002 are one SKU: both lines are DUPLICATE_SKU and neither is synced", async () => {
    const r = await load("case.csv", [row("MW-LPS-001", 1), row("MW-LPS-002", 2), row("mw-lps-002", 3)]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([["DUPLICATE_SKU", 3], ["DUPLICATE_SKU", 4]]);
    expect(r.products.map((p) => p.sku)).toEqual(["MW-LPS-001"]);
    expect(new Set(r.invalidSkus)).toEqual(new Set(["MW-LPS-002", "mw-lps-002"]));
    // The first line's cell is not kept (compact memory): it carries the value as the next line writes it.
    expect(r.issues[0]!.value).toBe("mw-lps-002");
    expect(r.issues[1]!.value).toBe("mw-lps-002");
    const en = renderMessage(r.issues[1]!, "en");
    expect(en.hint).toMatch(/capital/i);
    expect(renderMessage(r.issues[1]!, "id").hint).toMatch(/huruf besar/i);
  });

  test("same spelling keeps the value on the first line too", async () => {
    const r = await load("same.csv", [row("A-1", 1), row("A-1", 2)]);
    expect(r.issues.map((i) => [i.code, i.line, i.value])).toEqual([["DUPLICATE_SKU", 2, "A-1"], ["DUPLICATE_SKU", 3, "A-1"]]);
  });
});

describe("a big duplicate group is reported once per group, bounded (issue 13.4)", () => {
  test(`20 lines sharing a SKU: ${DUPLICATE_REPORT_CAP} findings naming those lines and the count of the rest; all 20 invalid`, async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row("SAMA", i));
    const r = await load("group.csv", [row("LAIN", 99), ...rows]);
    const dupes = r.issues.filter((i) => i.code === "DUPLICATE_SKU");
    expect(dupes.map((i) => i.line)).toEqual(Array.from({ length: DUPLICATE_REPORT_CAP }, (_, i) => i + 3));
    expect(dupes[0]!.args).toEqual({ lines: "3, 4, 5, 6, 7, 8, 9, 10", count: 20, more: 12 });
    expect(renderMessage(dupes[0]!, "en").message).toBe('Product code (SKU) "SAMA" is used more than once (lines 3, 4, 5, 6, 7, 8, 9, 10 and 12 more)');
    expect(renderMessage(dupes[0]!, "id").message).toBe('Kode produk (SKU) "SAMA" dipakai lebih dari sekali (baris 3, 4, 5, 6, 7, 8, 9, 10 dan 12 baris lain)');
    expect(r.products.map((p) => p.sku)).toEqual(["LAIN"]);
    expect(r.valid).toBe(false);
  });

  test("40,000 rows sharing 10 SKUs validate in a child with a 128 MB heap, within the time limit, with bounded output", async () => {
    const lines = [HEADER];
    for (let i = 0; i < 40_000; i++) lines.push(row(i % 2 ? `DUP-${i % 10}` : `dup-${i % 10}`, i));
    await writeFile(join(dir, "heavy.csv"), `${lines.join("\n")}\n`);
    const r = await new Promise<{ code: number | null; out: string }>((done) => {
      const p = spawn(process.execPath, ["--max-old-space-size=128", BIN, "--no-color", "validate", "heavy.csv", "--format", "json"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      p.stdout.on("data", (d: Buffer) => void (out += d.toString()));
      p.stderr.on("data", (d: Buffer) => void (out += d.toString()));
      // Before the fix 40k such rows took over 120 s (every finding listed every line).
      const timer = setTimeout(() => p.kill("SIGKILL"), 90_000);
      p.on("close", (code, signal) => {
        clearTimeout(timer);
        done({ code: signal ? null : code, out });
      });
    });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { files: { issues: { code: string }[] }[] };
    const issues = doc.files.flatMap((f) => f.issues).filter((i) => i.code === "DUPLICATE_SKU");
    expect(issues).toHaveLength(10 * DUPLICATE_REPORT_CAP);
    expect(r.out.length).toBeLessThan(200_000);
  }, 100_000);
});
