// `desbumi categories` in-process, against the practice shop in a temp folder.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/helpers.js";

describe("desbumi categories", () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), "desbumi-categories-"));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it("prints the practice shop's tree with ids, indented, naming the target", async () => {
    const run = await runCli(["categories"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      "Categories of practice shop / toko latihan (mock marketplace, .desbumi/practice-shop.json) (use the id or path of an innermost category in the category column):",
    );
    expect(run.stdout).toMatch(/^\s*\d+  Kesehatan \/$/m);
    expect(run.stdout).toMatch(/^\s*\d+      Masker Kain$/m);
    // The practice shop lives under the run folder (its state file appears once something changes).
    expect(existsSync(join(cwd, ".desbumi"))).toBe(true);
  });

  it("with SEARCH prints the matching leaves with full paths, in Indonesian when asked", async () => {
    const run = await runCli(["--lang", "id", "categories", "masker"], { cwd });
    expect(run.code).toBe(0);
    const [header, ...rest] = run.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^Kategori di practice shop \/ toko latihan .* yang cocok dengan "masker": \d+$/);
    expect(rest.length).toBeGreaterThan(1);
    for (const line of rest) expect(line).toMatch(/^\s*\d+  .*Masker.* > /i);
    expect(run.stdout).toContain("Kesehatan > Masker & APD > Masker Kain");
  });

  it("a search with no match exits 1 and suggests close leaves", async () => {
    const run = await runCli(["categories", "maskr kain"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Did you mean: ");
    expect(run.stdout).toContain("Masker Kain");
  });

  it("--format json gives the target and the categories", async () => {
    const run = await runCli(["categories", "--format", "json", "kopi"], { cwd });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { target: string; search: string; categories: { id: string; path: string[]; isLeaf: boolean }[] };
    expect(doc.target).toContain("practice shop");
    expect(doc.search).toBe("kopi");
    expect(doc.categories.length).toBeGreaterThan(0);
    expect(doc.categories.every((c) => c.isLeaf && c.path.join(" > ").toLowerCase().includes("kopi"))).toBe(true);
  });

  it("works with --marketplace memory, and stops with exit 2 on an unknown marketplace", async () => {
    const memory = await runCli(["categories", "--marketplace", "memory", "jamu"], { cwd });
    expect(memory.code).toBe(0);
    expect(memory.stdout).toContain("1760  Makanan & Minuman > Minuman > Jamu");
    const unknown = await runCli(["categories", "--marketplace", "lazada"], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown marketplace "lazada"');
  });
});
