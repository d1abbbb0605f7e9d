import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig, loadConfigFile } from "../../src/config/load.js";
import { ConfigError } from "../../src/errors.js";
import { fakeAdapters } from "./fake-adapters.js";

let root: string;
beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-config-")));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const minimal = { groups: [{ id: "muiwo", name: "MUIWO Lipursari", catalog: "catalogs/muiwo.csv" }] };
const write = async (file: string, content: unknown) => {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
};

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig discovery", () => {
  it("returns undefined when there is no config and none was asked for", async () => {
    expect(await loadConfig({ cwd: root, env: {} })).toBeUndefined();
  });

  it("finds desbumi.config.json in cwd and resolves catalogue paths against its folder", async () => {
    await write(path.join(root, "desbumi.config.json"), minimal);
    const config = await loadConfig({ cwd: root, env: {} });
    expect(config?.path).toBe(path.join(root, "desbumi.config.json"));
    expect(config?.dir).toBe(root);
    // a missing catalogue file is not a config error (validate and sync report it)
    expect(config?.groups).toEqual([{ id: "muiwo", name: "MUIWO Lipursari", catalog: path.join(root, "catalogs", "muiwo.csv") }]);
  });

  it("finds the config in a parent folder", async () => {
    await write(path.join(root, "desbumi.config.json"), minimal);
    const deep = path.join(root, "catalogs", "old");
    await mkdir(deep, { recursive: true });
    const config = await loadConfig({ cwd: deep, env: {} });
    expect(config?.path).toBe(path.join(root, "desbumi.config.json"));
    expect(config?.groups[0]?.catalog).toBe(path.join(root, "catalogs", "muiwo.csv"));
  });

  it("uses exactly --config (relative to cwd), a folder meaning the config inside it", async () => {
    await write(path.join(root, "desbumi.config.json"), minimal);
    await write(path.join(root, "other", "shops.json"), { groups: [{ id: "b", name: "B", catalog: "../b.csv" }] });
    const byFile = await loadConfig({ cwd: root, configPath: "other/shops.json", env: {} });
    expect(byFile?.groups[0]?.catalog).toBe(path.join(root, "b.csv"));
    const byDir = await loadConfig({ cwd: path.join(root, "other"), configPath: "..", env: {} });
    expect(byDir?.path).toBe(path.join(root, "desbumi.config.json"));
  });

  it("fails when --config names a file that does not exist", async () => {
    const error = await configErrorOf(loadConfig({ cwd: root, configPath: "nope.json", env: {} }));
    expect(error.text.en).toBe("Config file nope.json not found (given with --config).");
    expect(error.text.id).toContain("tidak ditemukan");
  });
});

describe("loadConfig errors", () => {
  it("names line:column of a JSON syntax error, in both languages", async () => {
    await write(path.join(root, "desbumi.config.json"), '{\n  "groups": [\n    {"id": "a", "name": "A", "catalog": "a.csv"},\n  ]\n}\n');
    const error = await configErrorOf(loadConfig({ cwd: root, env: {} }));
    expect(error.text.en).toBe("desbumi.config.json:3:49: not valid JSON — trailing comma before the closing bracket: remove the last comma");
    expect(error.text.id).toMatch(/^desbumi\.config\.json:3:49: bukan JSON yang sah — koma berlebih/);
  });

  it("lists one issue per mistake under a summary line", async () => {
    await write(path.join(root, "desbumi.config.json"), {
      $schema: "./x.json",
      grups: [],
      groups: [{ id: "A", name: "A", catalog: "a.csv", marketplace: { adapter: "shop", fsId: "1", shopId: "2", clientSecret: "hunter2" } }],
    });
    const error = await configErrorOf(loadConfigFile(path.join(root, "desbumi.config.json"), { cwd: root, env: {}, adapters: fakeAdapters }));
    expect(error.text.en).toBe("desbumi.config.json is not valid: 3 problems. Fix and run again:");
    expect(error.issues.map((i) => i.en.split(":")[0])).toEqual(["grups", "groups[0].id", "groups[0].marketplace.clientSecret"]);
    expect(JSON.stringify(error)).not.toContain("hunter2");
  });
});

describe(".env next to the config", () => {
  it("is read, and the process environment wins over it", async () => {
    await write(path.join(root, "desbumi.config.json"), minimal);
    await write(path.join(root, ".env"), "# credentials for MUIWO\nTOKOPEDIA_CLIENT_ID=from-dotenv\nTOKOPEDIA_CLIENT_SECRET=\"quoted secret\"\n");
    const config = await loadConfig({ cwd: path.join(root), env: { TOKOPEDIA_CLIENT_ID: "from-process", PATH: "/bin" } });
    expect(config?.env.TOKOPEDIA_CLIENT_ID).toBe("from-process");
    expect(config?.env.TOKOPEDIA_CLIENT_SECRET).toBe("quoted secret");
    expect(config?.env.PATH).toBe("/bin");
  });

  it("is optional, and a .env that is not a file is a clear config error", async () => {
    await write(path.join(root, "desbumi.config.json"), minimal);
    expect((await loadConfig({ cwd: root, env: { A: "1" } }))?.env).toEqual({ A: "1" });
    await mkdir(path.join(root, ".env"));
    const error = await configErrorOf(loadConfig({ cwd: root, env: {} }));
    expect(error.text.en).toMatch(/^Cannot read .*\.env: /);
  });
});

describe("loadConfig with the real adapter registry", () => {
  it("accepts a tokopedia setup and merges each group's shop over the default block", async () => {
    await write(path.join(root, "desbumi.config.json"), {
      marketplace: { adapter: "tokopedia", fsId: "15001", baseUrl: "http://127.0.0.1:9/" },
      defaultCategory: "Jamu",
      groups: [
        { id: "muiwo", name: "MUIWO", catalog: "catalogs/muiwo.csv", marketplace: { shopId: "480829" } },
        { id: "bulk", name: "Bulk", catalog: "b.csv", defaultCategory: "Kopi", marketplace: { adapter: "tokopedia-bulk", outDir: "out" } },
      ],
    });
    const config = await loadConfig({ cwd: root, env: {} });
    expect(config?.groups.map((g) => [g.marketplace, g.defaultCategory])).toEqual([
      [{ adapter: "tokopedia", fsId: "15001", baseUrl: "http://127.0.0.1:9/", shopId: "480829" }, "Jamu"],
      [{ adapter: "tokopedia-bulk", outDir: "out" }, "Kopi"],
    ]);
  });

  it("names each placeholder init leaves for the facilitator to fill", async () => {
    const { renderConfig } = await import("../../src/init/templates.js");
    await write(path.join(root, "desbumi.config.json"), renderConfig([{ id: "muiwo", name: "MUIWO" }, { id: "bumi", name: "BUMI" }], "tokopedia"));
    const error = await configErrorOf(loadConfig({ cwd: root, env: {} }));
    expect(error.issues.map((i) => i.en.split(":")[0])).toEqual(["marketplace.fsId", "groups[0].marketplace.shopId", "groups[1].marketplace.shopId"]);
  });

  it("suggests the adapter name for a typo", async () => {
    await write(path.join(root, "desbumi.config.json"), { marketplace: { adapter: "tokopdia" }, groups: minimal.groups });
    const error = await configErrorOf(loadConfig({ cwd: root, env: {} }));
    expect(error.issues.map((i) => i.en)).toEqual([expect.stringMatching(/^marketplace\.adapter: unknown adapter "tokopdia"\. Did you mean "tokopedia"\?/)]);
  });
});
