import { mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";
import { loadConfig } from "../../src/config/load.js";
import { CATALOG_HEADERS } from "../../src/init/templates.js";
import { TEMPLATE_COLUMNS } from "../../src/template/columns.js";
import { VERSION } from "../../src/version.js";
import { isInstalledPackage } from "../../src/init/run.js";
import { renderInitReport } from "../../src/init/report.js";
import { runCli } from "./helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-init-")));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (relative: string) => readFile(path.join(dir, relative), "utf8");

describe("desbumi init (non-interactive)", () => {
  it("writes the config, a catalogue per group, .gitignore entries and the CI workflow", async () => {
    const run = await runCli(["init", "--yes", "--group", "muiwo=MUIWO Lipursari", "--groups", "bumi-adikusuma"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    expect(JSON.parse(await read("desbumi.config.json"))).toEqual({
      $schema: "./node_modules/desbumi/schema/desbumi.config.schema.json",
      groups: [
        { id: "muiwo", name: "MUIWO Lipursari", catalog: "catalogs/muiwo.csv" },
        { id: "bumi-adikusuma", name: "Bumi Adikusuma", catalog: "catalogs/bumi-adikusuma.csv" },
      ],
    });
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config?.groups.map((g) => [g.id, g.catalog, g.marketplace])).toEqual([
      ["muiwo", path.join(dir, "catalogs/muiwo.csv"), undefined],
      ["bumi-adikusuma", path.join(dir, "catalogs/bumi-adikusuma.csv"), undefined],
    ]);

    const muiwo = (await read("catalogs/muiwo.csv")).split("\n");
    expect(muiwo[0]).toBe("sep=,");
    expect(muiwo[1]).toBe(CATALOG_HEADERS.join(","));
    expect(muiwo[2]).toMatch(/^MUI-001,Masker Kain Batik 3 Lapis,".*",Rp 15\.000,100,50 gr,Masker Kain,Baru,Aktif,1,,https:\/\/images\.desbumi\.example\/.+\.jpg,{12}$/);
    expect((await read("catalogs/bumi-adikusuma.csv")).split("\n")[2]).toMatch(/^BA-001,Jamu Kunyit Asam 250 ml,/);

    expect((await read(".gitignore")).split("\n")).toEqual(expect.arrayContaining([".env", ".desbumi/"]));
    const workflow = await read(".github/workflows/catalog.yml");
    expect(workflow).toContain("pull_request:");
    expect(workflow).toContain("node-version: 20");
    expect(workflow).toContain("run: npx desbumi validate --format github");

    expect(run.stdout).toContain("catalogs/muiwo.csv");
    expect(run.stdout).toContain("Next steps:");
    expect(run.stdout).toContain("desbumi validate");
    expect(run.stdout).toContain("desbumi sync --yes");
  });

  it("writes catalogues that the real catalogue pipeline accepts with no issue but EXAMPLE_ROW on the example (issue 12.10)", async () => {
    const ids = ["muiwo", "bumi-sejati", "bumi-adikusuma", "a", "b", "c", "d"];
    expect((await runCli(["init", "--yes", "--groups", ids.join(",")], { cwd: dir })).code).toBe(0);
    const products = [];
    for (const id of ids) {
      const result = await loadCatalog(`catalogs/${id}.csv`, { cwd: dir });
      expect(result.issues.map((i) => [i.code, i.severity, i.line]), id).toEqual([["EXAMPLE_ROW", "warning", 3]]);
      expect(result.rows).toBe(1);
      products.push(...result.products);
    }
    expect(products[0]).toMatchObject({ line: 3, sku: "MUI-001", name: "Masker Kain Batik 3 Lapis", price: 15000, stock: 100, weight: 50, category: "Masker Kain", condition: "NEW", status: "active", min_order: 1, etalase: "" });
    // groups may share a shop (the practice shop does): SKUs and names must not collide
    expect(new Set(products.map((p) => p.sku)).size).toBe(ids.length);
    expect(new Set(products.map((p) => p.name)).size).toBe(ids.length);
  });

  it("uses the same headers as `desbumi template`", () => {
    // one photo column is enough to start with; the variant, brand and certificate columns as in the template (issue 14)
    expect(CATALOG_HEADERS).toEqual(TEMPLATE_COLUMNS.map((c) => c.header).filter((h) => !/^Foto Produk [2-5]$/.test(h)));
  });

  it("names the single default group after the folder", async () => {
    const folder = path.join(dir, "Bumi Sejati");
    await runCli(["init", "--yes"], { cwd: dir }); // a first project in the temp root
    const { mkdir } = await import("node:fs/promises");
    await mkdir(folder);
    expect((await runCli(["init", "--yes"], { cwd: folder })).code).toBe(0);
    const config = JSON.parse(await readFile(path.join(folder, "desbumi.config.json"), "utf8"));
    expect(config.groups).toEqual([{ id: "bumi-sejati", name: "Bumi Sejati", catalog: "catalogs/bumi-sejati.csv" }]);
  });

  it("writes a tokopedia block with env variable names and placeholders, never secrets", async () => {
    const run = await runCli(["init", "--yes", "--groups", "muiwo", "--marketplace", "tokopedia"], {
      cwd: dir,
      env: { LANG: "en_US.UTF-8", TOKOPEDIA_CLIENT_SECRET: "do-not-write-me" },
    });
    expect(run.code).toBe(0);
    const config = JSON.parse(await read("desbumi.config.json"));
    expect(config.marketplace).toEqual({
      adapter: "tokopedia",
      fsId: "GANTI-DENGAN-FS-ID",
      clientIdEnv: "TOKOPEDIA_CLIENT_ID",
      clientSecretEnv: "TOKOPEDIA_CLIENT_SECRET",
    });
    expect(config.groups[0].marketplace).toEqual({ shopId: "GANTI-DENGAN-SHOP-ID" });
    expect(await read("desbumi.config.json")).not.toContain("do-not-write-me");
    expect(run.stdout).toContain(".env");
  });

  it("speaks Indonesian with --lang id", async () => {
    const run = await runCli(["--lang", "id", "init", "--yes", "--groups", "muiwo"], { cwd: dir });
    expect(run.stdout).toContain("Langkah berikutnya:");
    expect(run.stdout).toContain("toko latihan");
    // issue 12.14: no English labels left in the Indonesian report
    expect(run.stdout).toMatch(/^Tujuan: toko latihan \(tanpa akun\)\.$/m);
    expect(run.stdout).toMatch(/^Berkas:$/m);
    expect(run.stdout).not.toMatch(/^(Target|File|Files):/m);
    expect(run.stdout).not.toContain("practice shop");
  });

  it("rejects a group id that is not a slug (exit 2)", async () => {
    const run = await runCli(["init", "--yes", "--group", "MUIWO Lipursari=MUIWO"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('id "MUIWO Lipursari" may only hold lowercase letters, digits and -');
  });
});

describe("desbumi init on an existing project", () => {
  it("refuses to overwrite the config without --force (exit 2), and --force keeps catalogues", async () => {
    expect((await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir })).code).toBe(0);
    const edited = `sep=,\n${CATALOG_HEADERS.join(",")}\nMSK-777,Masker Hasil Edit,,Rp 20.000,5,50 gr,Masker Kain,Baru,Aktif,1,,https://images.desbumi.example/x.jpg\n`;
    await writeFile(path.join(dir, "catalogs/muiwo.csv"), edited);
    const configBefore = await read("desbumi.config.json");

    const refused = await runCli(["init", "--yes", "--groups", "other"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("desbumi.config.json already exists in this folder; not overwritten. Use --force");
    expect(await read("desbumi.config.json")).toBe(configBefore);

    const forced = await runCli(["init", "--yes", "--force", "--groups", "muiwo,other"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/desbumi\.config\.json\s+overwritten/);
    expect(forced.stdout).toMatch(/catalogs\/muiwo\.csv\s+already there, left as is/);
    expect(await read("catalogs/muiwo.csv")).toBe(edited);
    expect(JSON.parse(await read("desbumi.config.json")).groups.map((g: { id: string }) => g.id)).toEqual(["muiwo", "other"]);
  });

  it("writes a package.json pinning desbumi when the folder has none", async () => {
    const run = await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir });
    expect(run.code).toBe(0);
    const text = await read("package.json");
    expect(JSON.parse(text)).toEqual({
      name: `${path.basename(dir).toLowerCase()}-katalog`,
      private: true,
      devDependencies: { desbumi: `^${VERSION}` },
      scripts: { validate: "desbumi validate", sync: "desbumi sync" },
    });
    expect(text.endsWith("}\n")).toBe(true);
    expect(run.stdout).toMatch(/package\.json\s+created/);
    // the schema path the config points at is where `npm install` puts desbumi
    expect(JSON.parse(await read("desbumi.config.json")).$schema).toBe("./node_modules/desbumi/schema/desbumi.config.schema.json");
    expect((await read(".gitignore")).split("\n")).toContain("node_modules/");
  });

  it("adds desbumi to an existing package.json, keeping every key, the order and the indentation", async () => {
    const existing = {
      name: "katalog-desa",
      version: "1.0.0",
      scripts: { test: "echo ok" },
      dependencies: { lodash: "^4.17.21" },
      devDependencies: { zx: "^8.0.0", eslint: "^9.0.0" },
      custom: { keep: [1, 2] },
    };
    await writeFile(path.join(dir, "package.json"), `${JSON.stringify(existing, null, 4)}\n`);
    const run = await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir });
    expect(run.code).toBe(0);
    const text = await read("package.json");
    const merged = JSON.parse(text) as Record<string, unknown>;
    expect(merged).toEqual({ ...existing, devDependencies: { desbumi: `^${VERSION}`, eslint: "^9.0.0", zx: "^8.0.0" } });
    expect(Object.keys(merged)).toEqual(Object.keys(existing));
    expect(Object.keys(merged.devDependencies as object)).toEqual(["desbumi", "eslint", "zx"]);
    expect(text).toMatch(/^\{\n {4}"name"/);
    expect(run.stdout).toMatch(/package\.json\s+updated \(\+ devDependencies: desbumi \^/);

    // a package.json without devDependencies gets the list
    await writeFile(path.join(dir, "package.json"), '{"name":"x","private":true}');
    await runCli(["init", "--yes", "--force", "--groups", "muiwo"], { cwd: dir });
    expect(JSON.parse(await read("package.json"))).toEqual({ name: "x", private: true, devDependencies: { desbumi: `^${VERSION}` } });
  });

  it("leaves a package.json that already depends on desbumi byte for byte", async () => {
    const existing = '{ "name": "x", "dependencies": { "desbumi": "0.0.9" } }';
    await writeFile(path.join(dir, "package.json"), existing);
    const run = await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(await read("package.json")).toBe(existing);
    expect(run.stdout).toMatch(/package\.json\s+already there, left as is/);
  });

  it("stops (exit 2) on a broken package.json before writing anything", async () => {
    await writeFile(path.join(dir, "package.json"), '{ "name": "x", }');
    const run = await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^package\.json in this folder is not valid JSON .*No file was written\.\n$/);
    await expect(read("desbumi.config.json")).rejects.toThrow();
    expect(await read("package.json")).toBe('{ "name": "x", }');
  });

  it("the CI workflow installs the pinned desbumi before validating", async () => {
    const run = await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir });
    const workflow = (await read(".github/workflows/catalog.yml")).split("\n");
    const install = workflow.findIndex((l) => /^\s+run: npm install\b/.test(l));
    const validate = workflow.findIndex((l) => l.trim() === "run: npx desbumi validate --format github");
    expect(install).toBeGreaterThan(0);
    expect(validate).toBeGreaterThan(install);
    expect(workflow).toContain("  pull_request:");
    expect(workflow).toContain("          node-version: 20");
    // These tests run desbumi from its source checkout (as `npm link` users do): there is nothing to
    // install from the registry, so the next steps start with the catalogues.
    const steps = run.stdout.slice(run.stdout.indexOf("Next steps:"));
    expect(steps).toMatch(/^ {2}1\. Fill in the catalogues/m);
    expect(steps).not.toMatch(/^ {2}\d\. npm install/m);
  });

  it("says in one line how the CI workflow gets desbumi while it is not on the npm registry (issue 12.1)", async () => {
    const en = await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir });
    const note = en.stdout.split("\n").filter((l) => l.startsWith("CI (.github/workflows/catalog.yml)"));
    expect(note).toEqual([expect.stringMatching(/gets desbumi \^\d+\.\d+\.\d+ from the npm registry, where desbumi is not published yet; .*\.npmrc \(registry=\.\.\.\)\.$/)]);
    await rm(path.join(dir, "desbumi.config.json"));
    const id = await runCli(["--lang", "id", "init", "--yes", "--groups", "muiwo"], { cwd: dir });
    expect(id.stdout).toMatch(/^CI \(\.github\/workflows\/catalog\.yml\): `npm install` mengambil desbumi .* belum diterbitkan di sana;/m);
  });

  it("the next steps say npm install first when desbumi runs from an npm install", () => {
    expect(isInstalledPackage("file:///home/u/katalog/node_modules/desbumi/dist/init/run.js")).toBe(true);
    expect(isInstalledPackage("file:///home/u/src/desbumi/dist/init/run.js")).toBe(false);
    const input = { written: [{ path: "catalogs/muiwo.csv", status: "created" as const }], groups: [{ id: "muiwo", name: "MUIWO" }], marketplace: "practice" as const };
    const installed = renderInitReport({ ...input, installStep: true });
    expect(installed.en).toMatch(/^ {2}1\. npm install/m);
    expect(installed.en.indexOf("npm install")).toBeLessThan(installed.en.indexOf("npx desbumi validate"));
    expect(installed.id).toMatch(/^ {2}1\. npm install {3}\(memasang desbumi/m);
    expect(renderInitReport({ ...input, installStep: false }).en).toMatch(/^ {2}1\. Fill in the catalogues/m);
  });

  it("appends to .gitignore without duplicating existing lines", async () => {
    await writeFile(path.join(dir, ".gitignore"), "node_modules/\n/.env");
    await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir });
    await runCli(["init", "--yes", "--force", "--groups", "muiwo"], { cwd: dir });
    expect(await read(".gitignore")).toBe("node_modules/\n/.env\n\n# desbumi: local secrets and run data\n.desbumi/\n");
  });
});

async function runOnTerminal(argv: string[], answers: string) {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = true;
  stdin.end(answers);
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => void (stdout += s) },
    stderr: { write: (s: string) => void (stderr += s) },
    stdin,
    env: { LANG: "en_US.UTF-8" },
    cwd: dir,
  };
  const code = await main(["--log-level", "silent", ...argv], io);
  return { code, stdout, stderr };
}

describe("desbumi init (interactive)", () => {
  it("asks for group names and the marketplace on a terminal", async () => {
    const { code, stdout, stderr } = await runOnTerminal(["init"], "MUIWO Lipursari, Bumi Sejati\nsomething\ntokopedia\n");
    expect(code).toBe(0);
    expect(stderr).toContain("Group names, separated by commas");
    expect(stderr.match(/Marketplace: "practice"/g)).toHaveLength(2); // asked again after "something"
    const config = JSON.parse(await read("desbumi.config.json"));
    expect(config.groups.map((g: { id: string; name: string }) => [g.id, g.name])).toEqual([
      ["muiwo-lipursari", "MUIWO Lipursari"],
      ["bumi-sejati", "Bumi Sejati"],
    ]);
    expect(config.marketplace.adapter).toBe("tokopedia");
    expect(stdout).toContain("Next steps:");
  });

  it("does not ask for what the flags already say", async () => {
    const { code, stderr } = await runOnTerminal(["init", "--marketplace", "practice"], "\n");
    expect(code).toBe(0);
    expect(stderr).toContain("Group names");
    expect(stderr).not.toContain("Marketplace:");
    expect(JSON.parse(await read("desbumi.config.json")).marketplace).toBeUndefined();
  });

  it("stops with a clear message when input ends early (exit 2)", async () => {
    const { code, stderr } = await runOnTerminal(["init"], "");
    expect(code).toBe(2);
    expect(stderr).toContain("Input ended before every question was answered.");
  });
});
