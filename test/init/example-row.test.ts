// Regression tests for issue 12.10: the example row `init` and `template` write (MUI-001,
// CONTOH-001) validated cleanly and was listed as a real product. Now validate warns EXAMPLE_ROW
// and sync refuses it (an error, nothing sent) until the row is replaced.
import { mkdtemp, readFile, readdir, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_PHOTO_BASE, isExampleRow } from "../../src/catalog/example-row.js";
import { runCli } from "../cli/helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-example-row-")));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const codes = (json: string) =>
  (JSON.parse(json) as { files: { issues: { code: string; severity: string; line: number }[] }[] }).files.flatMap((f) =>
    f.issues.map((i) => [i.code, i.severity, i.line]),
  );

describe("the example row (issue 12.10)", () => {
  it("validate warns EXAMPLE_ROW on init's example row (exit 0), in both languages", async () => {
    expect((await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir })).code).toBe(0);
    const json = await runCli(["validate", "catalogs/muiwo.csv", "--format", "json"], { cwd: dir });
    expect(json.code).toBe(0);
    expect(codes(json.stdout)).toEqual([["EXAMPLE_ROW", "warning", 3]]);

    const pretty = await runCli(["validate", "catalogs/muiwo.csv"], { cwd: dir });
    expect(pretty.stdout).toContain("This is desbumi's example row (MUI-001), not a real product; sync refuses it until the row is replaced");
    const id = await runCli(["--lang", "id", "validate", "catalogs/muiwo.csv"], { cwd: dir });
    expect(id.stdout).toContain("Ini baris contoh dari desbumi (MUI-001), bukan produk sungguhan");
    expect((await runCli(["validate", "catalogs/muiwo.csv", "--strict"], { cwd: dir })).code).toBe(1);
  });

  it("validate warns on `desbumi template`'s example row too", async () => {
    expect((await runCli(["template", "katalog.csv"], { cwd: dir })).code).toBe(0);
    const json = await runCli(["validate", "katalog.csv", "--format", "json"], { cwd: dir });
    expect(codes(json.stdout).filter(([code]) => code === "EXAMPLE_ROW")).toHaveLength(1);
  });

  it("sync refuses the example row (exit 1, nothing listed) until it is replaced, then lists the real one", async () => {
    expect((await runCli(["init", "--yes", "--groups", "muiwo"], { cwd: dir })).code).toBe(0);
    const refused = await runCli(["sync", "--yes"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("example row (MUI-001)");
    // nothing was listed: the practice shop was never even opened
    expect(await readdir(path.join(dir, ".desbumi")).catch(() => [])).not.toContain("practice-shop-muiwo.json");

    const file = path.join(dir, "catalogs/muiwo.csv");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("MUI-001", "MUI-101").replace(`${EXAMPLE_PHOTO_BASE}masker-batik.jpg`, "https://images.desbumi.example/muiwo/masker-1.jpg"));
    const listed = await runCli(["sync", "--yes"], { cwd: dir });
    expect(listed.stdout).not.toContain("EXAMPLE_ROW");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/1 created/);
  });

  it("is recognised by its photo or its CONTOH-n code, whatever the name, price or text say", () => {
    const photo = (url: string) => ({ sku: "MUI-001", images: [url] });
    expect(isExampleRow(photo(`${EXAMPLE_PHOTO_BASE}madu-hutan.jpg`))).toBe(true);
    expect(isExampleRow(photo("https://example.com/contoh/kopi.jpg"))).toBe(true);
    expect(isExampleRow({ sku: "CONTOH-001", images: ["https://cdn.toko.id/real.jpg"] })).toBe(true);
    expect(isExampleRow({ sku: "contoh-12", images: [] })).toBe(true);
    expect(isExampleRow(photo("https://images.desbumi.example/muiwo/masker-1.jpg"))).toBe(false);
    expect(isExampleRow(photo("https://toko.id/contoh/masker.jpg"))).toBe(false);
    expect(isExampleRow({ sku: "CONTOHKU-1", images: ["https://toko.id/a.jpg"] })).toBe(false);
  });
});
