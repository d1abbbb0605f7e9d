// `desbumi categories` in-process, against the practice shop in a temp folder.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
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
      "Categories of practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop.json) (use the id or path of an innermost category in the category column):",
    );
    expect(run.stdout).toMatch(/^\s*\d+  Kesehatan \/$/m);
    expect(run.stdout).toMatch(/^\s*\d+    Masker Kain$/m);
    // The practice shop lives under the run folder (its state file appears once something changes).
    expect(existsSync(join(cwd, ".desbumi"))).toBe(true);
  });

  it("with SEARCH prints the matching leaves with full paths, in Indonesian when asked", async () => {
    const run = await runCli(["--lang", "id", "categories", "anyaman"], { cwd });
    expect(run.code).toBe(0);
    const [header, ...rest] = run.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^Kategori di toko latihan \(Tokopedia & Shop, marketplace tiruan, .* yang cocok dengan "anyaman": \d+$/);
    expect(rest.length).toBeGreaterThan(1);
    for (const line of rest) expect(line).toMatch(/^\s*\d+  [^>]+ > .*Anyaman/i);
    expect(run.stdout).toContain("Kerajinan Tangan > Tas Anyaman");
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

describe("desbumi categories --group", () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), "desbumi-categories-group-"));
    await writeFile(
      join(cwd, "desbumi.config.json"),
      JSON.stringify({
        groups: [
          { id: "alpha", name: "Kelompok Alpha", catalog: "a.csv" },
          { id: "beta", name: "Kelompok Beta", catalog: "b.csv", marketplace: { adapter: "memory", label: "memory shop of beta" } },
        ],
      }),
    );
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it("asks the group's own practice shop, and writes no shop file just to list the tree", async () => {
    const run = await runCli(["categories", "--group", "alpha", "kopi"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Categories of practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop-alpha.json) matching "kopi"');
    const files = existsSync(join(cwd, ".desbumi")) ? await readdir(join(cwd, ".desbumi")) : [];
    expect(files.filter((f) => f.startsWith("practice-shop"))).toEqual([]);
  });

  it("uses the group's marketplace block; without --group the config's default (here the shared practice shop)", async () => {
    const beta = await runCli(["categories", "--group", "beta", "jamu"], { cwd });
    expect(beta.code).toBe(0);
    expect(beta.stdout).toContain('Categories of memory shop of beta matching "jamu"');
    expect(beta.stdout).toContain("1760  Makanan & Minuman > Minuman > Jamu");
    const plain = await runCli(["categories", "jamu"], { cwd });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("(Tokopedia & Shop, mock marketplace, .desbumi/practice-shop.json)");
  });

  it("an unknown group, or --group without a config, stops with exit 2 naming the groups", async () => {
    const unknown = await runCli(["categories", "--group", "zeta"], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No group "zeta" in ');
    expect(unknown.stderr).toContain("Groups: alpha, beta");
    const empty = await mkdtemp(join(tmpdir(), "desbumi-categories-noconfig-"));
    try {
      const noConfig = await runCli(["categories", "--group", "alpha"], { cwd: empty });
      expect(noConfig.code).toBe(2);
      expect(noConfig.stderr).toContain("--group alpha needs a desbumi.config.json");
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
