// Regression tests for issue 12.8: `init --force` to add a group rewrote the config with only the
// new group (dropping the others) and overwrote the CI workflow. Now `init --add-group "id=Name"`
// adds to the config keeping everything else, and `--force` keeps backups and says so.
import { mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { loadConfig } from "../../src/config/load.js";
import { runCli } from "../cli/helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-add-group-")));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (relative: string) => readFile(path.join(dir, relative), "utf8");

describe("desbumi init --add-group (issue 12.8)", () => {
  it("adds a group to the existing config, keeping every other key, group, order and indentation", async () => {
    const config = {
      $schema: "./node_modules/desbumi/schema/desbumi.config.schema.json",
      marketplace: { adapter: "tokopedia", fsId: "15001" },
      defaultCategory: "Makanan & Minuman > Minuman > Jamu",
      groups: [
        { id: "muiwo", name: "MUIWO Lipursari", catalog: "katalog/muiwo.csv", marketplace: { shopId: "480829" } },
        { id: "bumi", name: "Bumi", catalog: "katalog/bumi.xlsx", sheet: "Katalog", marketplace: { shopId: "480830" } },
      ],
    };
    await writeFile(path.join(dir, "desbumi.config.json"), `${JSON.stringify(config, null, 4)}\n`);
    await writeFile(path.join(dir, "package.json"), '{ "name": "x", "devDependencies": { "desbumi": "^0.1.0" } }\n');

    const run = await runCli(["init", "--add-group", "sejati=Bumi Sejati"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const text = await read("desbumi.config.json");
    expect(JSON.parse(text)).toEqual({
      ...config,
      groups: [...config.groups, { id: "sejati", name: "Bumi Sejati", catalog: "katalog/sejati.csv", marketplace: { shopId: "GANTI-DENGAN-SHOP-ID" } }],
    });
    expect(text).toMatch(/^\{\n {4}"\$schema"/);
    expect(run.stdout).toMatch(/desbumi\.config\.json\s+updated \(\+ group sejati\)/);
    expect(run.stdout).toMatch(/katalog\/sejati\.csv\s+created/);
    // nothing else is touched: no workflow is written, package.json is left
    await expect(read(".github/workflows/catalog.yml")).rejects.toThrow();
    expect(await read("package.json")).toBe('{ "name": "x", "devDependencies": { "desbumi": "^0.1.0" } }\n');
  });

  it("the new group's catalogue gets its own SKU prefix and example product", async () => {
    expect((await runCli(["init", "--yes", "--groups", "muiwo,bumi-adikusuma"], { cwd: dir })).code).toBe(0);
    const added = await runCli(["init", "--add-group", "muiwo-lor=MUIWO Lor"], { cwd: dir });
    expect(added.code).toBe(0);
    const loaded = await loadConfig({ cwd: dir, env: {} });
    expect(loaded?.groups.map((g) => g.id)).toEqual(["muiwo", "bumi-adikusuma", "muiwo-lor"]);
    const skus = [];
    const names = [];
    for (const id of ["muiwo", "bumi-adikusuma", "muiwo-lor"]) {
      const result = await loadCatalog(`catalogs/${id}.csv`, { cwd: dir });
      skus.push(...result.products.map((p) => p.sku));
      names.push(...result.products.map((p) => p.name));
    }
    expect(new Set(skus).size).toBe(3);
    expect(new Set(names).size).toBe(3);
  });

  it("refuses an id already in the config, and a folder without a config (exit 2, nothing written)", async () => {
    expect((await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir })).code).toBe(0);
    const before = await read("desbumi.config.json");
    const dup = await runCli(["init", "--add-group", "muiwo=Again"], { cwd: dir });
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('Group "muiwo" is already in desbumi.config.json; choose another id. No file was written.');
    expect(await read("desbumi.config.json")).toBe(before);

    const empty = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-add-group-empty-")));
    try {
      const none = await runCli(["init", "--add-group", "x=X"], { cwd: empty });
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("There is no desbumi.config.json in this folder to add a group to");
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("speaks Indonesian", async () => {
    expect((await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir })).code).toBe(0);
    const run = await runCli(["--lang", "id", "init", "--add-group", "bumi=Bumi"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/desbumi\.config\.json\s+diperbarui \(\+ kelompok bumi\)/);
  });
});

describe("desbumi init --force keeps backups (issue 12.8)", () => {
  it("backs up the config it replaces, says so, names the groups it dropped, and backs up a changed workflow", async () => {
    expect((await runCli(["init", "--yes", "--groups", "muiwo,bumi"], { cwd: dir })).code).toBe(0);
    const configBefore = await read("desbumi.config.json");
    const customWorkflow = `${await read(".github/workflows/catalog.yml")}\n# our own step\n`;
    await writeFile(path.join(dir, ".github/workflows/catalog.yml"), customWorkflow);

    const run = await runCli(["init", "--yes", "--force", "--groups", "other"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(await read("desbumi.config.json.bak")).toBe(configBefore);
    expect(run.stdout).toMatch(/desbumi\.config\.json\s+overwritten \(\+ backup: desbumi\.config\.json\.bak\)/);
    expect(run.stdout).toContain("No longer in desbumi.config.json: muiwo, bumi (still in desbumi.config.json.bak); to add a group and keep the others, use desbumi init --add-group \"id=Name\".");
    expect(await read(".github/workflows/catalog.yml.bak")).toBe(customWorkflow);
    expect(run.stdout).toMatch(/\.github\/workflows\/catalog\.yml\s+overwritten \(\+ backup: \.github\/workflows\/catalog\.yml\.bak\)/);

    // a second --force never overwrites the first backup
    const second = await runCli(["init", "--yes", "--force", "--groups", "third"], { cwd: dir });
    expect(second.code).toBe(0);
    expect(await read("desbumi.config.json.bak")).toBe(configBefore);
    expect(JSON.parse(await read("desbumi.config.json.bak.2")).groups.map((g: { id: string }) => g.id)).toEqual(["other"]);
    // the workflow was ours this time: left as is, no backup needed
    expect(second.stdout).toMatch(/\.github\/workflows\/catalog\.yml\s+already there, left as is/);
  });
});
