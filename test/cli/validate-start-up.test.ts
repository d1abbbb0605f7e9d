// Issue 14's throughput goal: `desbumi validate` of a lone file (no config anywhere above it)
// never loads the config loader, the adapter registry or zod (~50 ms of start-up per run, a tenth
// of validating 10,000 rows), nor the photo checks for a catalogue of plain links. Node's own module log (NODE_DEBUG=esm) says what the built CLI loads.
// Needs `npm run build` (it runs bin/desbumi.js on dist/).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const BIN = join(resolve(import.meta.dirname, "../.."), "bin", "desbumi.js");
const CATALOG = "kode produk,nama produk,harga,stok,berat,kategori,foto\nMW-001,Masker Kain Batik,Rp 25.000,10,50 gr,Masker Kain,https://example.com/a.jpg\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "desbumi-start-up-"));
  writeFileSync(join(dir, "katalog.csv"), CATALOG);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Exit code, stdout, and the URLs of the modules Node loaded. */
function validate(args: string[]): { code: number | null; stdout: string; loaded: string[] } {
  const r = spawnSync(process.execPath, [BIN, "validate", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", NO_COLOR: "1", NODE_DEBUG: "esm" },
  });
  const loaded = [...r.stderr.matchAll(/Storing (file:\/\/\S+)/g)].map((m) => m[1]!);
  return { code: r.status, stdout: r.stdout, loaded };
}

const zodModules = (loaded: string[]): string[] => loaded.filter((url) => url.includes("/node_modules/zod/"));
const ours = (loaded: string[], file: string): boolean => loaded.some((url) => url.endsWith(`/dist/${file}`));

describe("validate start-up", () => {
  it("a lone file loads neither the config loader nor zod, and is still checked (categories included)", () => {
    const run = validate(["katalog.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("katalog.csv: 1 product");
    expect(ours(run.loaded, "validate/run.js")).toBe(true);
    expect(ours(run.loaded, "categories/offline.js")).toBe(true);
    expect(ours(run.loaded, "config/load.js")).toBe(false);
    expect(ours(run.loaded, "target/open.js")).toBe(false);
    expect(zodModules(run.loaded)).toEqual([]);
    // Plain links only: the photo checks (file reading, share links) are not loaded either.
    expect(ours(run.loaded, "photos/resolve.js")).toBe(false);
  });

  it("a local photo file loads the photo checks, which still report a missing file", () => {
    writeFileSync(join(dir, "katalog.csv"), CATALOG.replace("https://example.com/a.jpg", "kopi-1.jpg"));
    const run = validate(["katalog.csv"]);
    expect(run.code).toBe(1);
    expect(ours(run.loaded, "photos/resolve.js")).toBe(true);
    expect(run.stdout).toContain("kopi-1.jpg");
  });

  it("a config next to the file is still loaded and checked (then zod is needed)", () => {
    writeFileSync(join(dir, "desbumi.config.json"), JSON.stringify({ groups: [{ id: "muiwo", name: "Muiwo", catalog: "katalog.csv" }] }));
    const run = validate(["katalog.csv"]);
    expect(run.code).toBe(0);
    expect(ours(run.loaded, "config/load.js")).toBe(true);
    expect(zodModules(run.loaded).length).toBeGreaterThan(0);
  });

  it("a broken config next to the file only turns the category check off, as before", () => {
    writeFileSync(join(dir, "desbumi.config.json"), "{ not json");
    const run = validate(["katalog.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("katalog.csv: 1 product");
  });
});
