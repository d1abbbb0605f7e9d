// `sync --marketplace tokopedia-bulk` without "couriers": the workbook is written (exit 0) and stderr
// says, in one readable line, that Seller Center will reject the empty Kurir Pengiriman* and what to set.
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runCli } from "./helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-couriers-"));
  await copyFile(fileURLToPath(new URL("../../fixtures/catalogs/muiwo-wonosobo.xlsx", import.meta.url)), join(dir, "katalog.xlsx"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const categories = { Kopi: 2982, Teh: 2983, Carica: 3002, Keripik: 2991, "Minuman Herbal": 2984, "Tas Wanita > Tas Anyaman": 1781 };
const argv = ["--log-level", "warn", "sync", "katalog.xlsx", "--marketplace", "tokopedia-bulk", "--out-dir", "upload", "--yes"];

async function writeConfig(extra: Record<string, unknown>): Promise<void> {
  await writeFile(
    join(dir, "desbumi.config.json"),
    JSON.stringify({ marketplace: { adapter: "tokopedia-bulk", outDir: "upload", categories, ...extra }, groups: [{ id: "muiwo", name: "MUIWO Wonosobo", catalog: "katalog.xlsx" }] }),
  );
}

it("no couriers: exit 0, the file is written, one plain-text warning naming the config key", async () => {
  await writeConfig({});
  const run = await runCli(argv, { cwd: dir });
  expect(run.code).toBe(0);
  expect(await readdir(join(dir, "upload"))).toEqual(["tokopedia-upload-001.xlsx"]);
  const lines = run.stderr.split("\n").filter((l) => l.includes("Kurir Pengiriman*"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^desbumi: warning: Kurir Pengiriman\* is empty in the upload file: Seller Center will reject it\. Set "couriers" \(e\.g\. "1,2,6"\)/);
  expect(lines[0]).toContain("desbumi.config.json");
  expect(lines[0]).toContain("Kolom Kurir Pengiriman* kosong");
  expect(run.stderr).not.toContain('"level"');
});

it("with couriers set: no warning", async () => {
  await writeConfig({ couriers: "1,2,6" });
  const run = await runCli(argv, { cwd: dir });
  expect(run.code).toBe(0);
  expect(run.stderr).not.toContain("Kurir Pengiriman");
});
