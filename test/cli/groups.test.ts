import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-groups-")));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summary = (over: Record<string, number> = {}) => ({ created: 0, updated: 0, deactivated: 0, reactivated: 0, failed: 0, skipped: 0, ...over });
const line = (o: unknown) => `${JSON.stringify(o)}\n`;

async function writeJournal(name: string, content: string): Promise<void> {
  const runs = path.join(dir, ".desbumi", "runs");
  await mkdir(runs, { recursive: true });
  await writeFile(path.join(runs, name), content);
}

async function setUpProject(): Promise<void> {
  expect((await runCli(["init", "--yes", "--group", "muiwo=MUIWO Lipursari", "--group", "bumi-adikusuma=BUMI Adikusuma"], { cwd: dir })).code).toBe(0);
  // A second product for MUIWO; BUMI's catalogue is deleted (missing); a third group with a shop.
  await writeFile(
    path.join(dir, "catalogs/muiwo.csv"),
    "sep=,\nKode Produk (SKU),Nama Produk,Harga (Rp),Stok,Berat (gram),Foto Produk 1\nA-1,Jamu Kunyit,Rp 12.000,3,250 gr,https://images.desbumi.example/a.jpg\nA-2,Jamu Beras Kencur,Rp 12.000,3,250 gr,https://images.desbumi.example/b.jpg\n",
  );
  await rm(path.join(dir, "catalogs/bumi-adikusuma.csv"));
  await writeFile(
    path.join(dir, "desbumi.config.json"),
    JSON.stringify({
      groups: [
        { id: "muiwo", name: "MUIWO Lipursari", catalog: "catalogs/muiwo.csv" },
        { id: "bumi-adikusuma", name: "BUMI Adikusuma", catalog: "catalogs/bumi-adikusuma.csv" },
        { id: "sejati", name: "Bumi Sejati", catalog: "catalogs/muiwo.csv", marketplace: { adapter: "tokopedia-bulk", outDir: "out" } },
      ],
    }),
  );

  const start = (group: string, time: string) => line({ type: "run-start", time, group, marketplace: "practice", target: "practice shop" });
  const end = (time: string, s: Record<string, number>, interrupted = false) => line({ type: "run-end", time, summary: summary(s), interrupted });
  // muiwo: an older finished run, the newest finished run, and a newer run killed before its end
  await writeJournal("2025-01-01T08-00-00-000Z-muiwo.jsonl", start("muiwo", "2025-01-01T08:00:00.000Z") + end("2025-01-01T08:00:05.000Z", { created: 2 }));
  await writeJournal(
    "2025-02-03T04-05-06-000Z-muiwo.jsonl",
    start("muiwo", "2025-02-03T04:05:06.000Z") + line({ type: "intent", sku: "A-2", kind: "update" }) + end("2025-02-03T04:05:09.000Z", { updated: 1, failed: 1 }, true),
  );
  await writeJournal("2025-03-01T00-00-00-000Z-muiwo.jsonl", start("muiwo", "2025-03-01T00:00:00.000Z") + '{"type":"intent","sku":"A-');
  // garbage and a run of another group must not disturb anything
  await writeJournal("2025-04-01T00-00-00-000Z-sejati.jsonl", "not json at all\n");
  await writeJournal("notes.txt", "hello");
}

describe("desbumi groups", () => {
  it("lists groups with row counts, target and the newest finished sync (JSON)", async () => {
    await setUpProject();
    const run = await runCli(["groups", "--format", "json"], { cwd: path.join(dir, "catalogs") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.version).toBe(1);
    expect(document.config).toBe(path.join(dir, "desbumi.config.json"));
    expect(document.groups).toEqual([
      {
        id: "muiwo",
        name: "MUIWO Lipursari",
        catalog: "catalogs/muiwo.csv",
        catalogPath: path.join(dir, "catalogs/muiwo.csv"),
        catalogStatus: "ok",
        rows: 2,
        target: "practice-shop",
        lastSync: { time: "2025-02-03T04:05:09.000Z", interrupted: true, summary: summary({ updated: 1, failed: 1 }) },
      },
      {
        id: "bumi-adikusuma",
        name: "BUMI Adikusuma",
        catalog: "catalogs/bumi-adikusuma.csv",
        catalogPath: path.join(dir, "catalogs/bumi-adikusuma.csv"),
        catalogStatus: "missing",
        rows: null,
        target: "practice-shop",
        lastSync: null,
      },
      {
        id: "sejati",
        name: "Bumi Sejati",
        catalog: "catalogs/muiwo.csv",
        catalogPath: path.join(dir, "catalogs/muiwo.csv"),
        catalogStatus: "ok",
        rows: 2,
        target: "tokopedia-bulk",
        lastSync: null,
      },
    ]);
  });

  it("prints an aligned table in the chosen language", async () => {
    await setUpProject();
    const en = await runCli(["groups"], { cwd: dir });
    expect(en.code).toBe(0);
    const lines = en.stdout.split("\n");
    expect(lines[0]).toBe("Groups in desbumi.config.json (3):");
    expect(lines[2]).toMatch(/^ID\s+NAME\s+CATALOGUE\s+ROWS\s+TARGET\s+LAST SYNC$/);
    expect(lines[3]).toMatch(/^muiwo\s+MUIWO Lipursari\s+catalogs\/muiwo\.csv\s+2\s+practice shop\s+2025-02-0[34] \d\d:\d\d \(interrupted, 1 failed\)$/);
    expect(lines[4]).toMatch(/^bumi-adikusuma\s+BUMI Adikusuma\s+catalogs\/bumi-adikusuma\.csv\s+missing\s+practice shop\s+never$/);
    expect(lines[5]).toMatch(/^sejati\s+Bumi Sejati\s+catalogs\/muiwo\.csv\s+2\s+tokopedia-bulk\s+never$/);
    // columns line up: every row's TARGET starts where the header's does
    const targetColumn = (lines[2] ?? "").indexOf("TARGET");
    for (const row of lines.slice(3, 6)) expect(row.slice(targetColumn)).toMatch(/^(practice shop|tokopedia-bulk)/);

    const id = await runCli(["--lang", "id", "groups"], { cwd: dir });
    expect(id.stdout).toContain("Kelompok di desbumi.config.json (3):");
    expect(id.stdout).toMatch(/bumi-adikusuma\s+BUMI Adikusuma\s+catalogs\/bumi-adikusuma\.csv\s+tidak ada\s+toko latihan\s+belum pernah/);
  });

  it("uses --config, and says how to start when there is no config (exit 2)", async () => {
    const none = await runCli(["groups"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No desbumi.config.json in");
    expect(none.stderr).toContain("desbumi init");

    await mkdir(path.join(dir, "elsewhere"));
    await writeFile(path.join(dir, "elsewhere", "shops.json"), JSON.stringify({ groups: [{ id: "x", name: "X", catalog: "x.csv" }] }));
    const given = await runCli(["groups", "--config", "elsewhere/shops.json", "--format", "json"], { cwd: dir });
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout).groups[0]).toMatchObject({ id: "x", catalogStatus: "missing" });
  });

  it("prints one line per config mistake and exits 2", async () => {
    await writeFile(
      path.join(dir, "desbumi.config.json"),
      JSON.stringify({
        groups: [
          { id: "muiwo", name: "MUIWO", catalog: "a.csv", marketplace: { adapter: "tokopedia", fsId: "1", shopId: "2", clientSecret: "xyz-secret" } },
          { id: "muiwo", name: "Dup", catalogue: "b.csv" },
        ],
      }),
    );
    const run = await runCli(["groups"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      "desbumi.config.json is not valid: 3 problems. Fix and run again:",
      "  - groups[0].marketplace.clientSecret: secrets never go in the config file. Put the secret in an environment variable or .env; name the variable in clientSecretEnv (or clientIdEnv), e.g. \"clientSecretEnv\": \"TOKOPEDIA_CLIENT_SECRET\".",
      '  - groups[1].catalogue: unknown key "catalogue". Did you mean "catalog"?',
      '  - groups[1].id: id "muiwo" is already used by groups[0]; each group needs its own id.',
    ]);
    expect(run.stderr).not.toContain("xyz-secret");
  });
});
