// Regression tests for issue 12.14: help was English only under LANG=id_ID; Windows laptops have
// no LANG (now DESBUMI_LANG and the config's `lang`); wording fixes found on the way.
import { mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveLang } from "../../src/i18n.js";
import { formatIssue } from "../../src/report/messages.js";
import type { SyncReport } from "../../src/sync/finish.js";
import { renderGroupsSummary } from "../../src/sync/render-groups.js";
import { runCli } from "./helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-lang-")));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("help in the user's language (issue 12.14)", () => {
  it("under LANG=id_ID the help is Indonesian: headings, command and flag descriptions", async () => {
    const run = await runCli(["validate", "--help"], { cwd: dir, env: { LANG: "id_ID.UTF-8" } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Cara pakai: desbumi validate/m);
    expect(run.stdout).toMatch(/^Opsi:$/m);
    expect(run.stdout).toContain("periksa berkas katalog");
    expect(run.stdout).not.toContain("check catalogue files");
    expect(run.stdout).toContain("peringatan dihitung sebagai kesalahan");
    expect(run.stdout).toContain("tampilkan bantuan perintah");
    expect(run.stdout).toContain("Kode keluar: 0 tanpa kesalahan");
    expect(run.stdout).not.toMatch(/\(default: /);

    const top = await runCli(["--help"], { cwd: dir, env: { LANG: "id_ID.UTF-8" } });
    expect(top.stdout).toMatch(/^Perintah:$/m);
    expect(top.stdout).toContain("samakan toko dengan katalognya");
  });

  it("in English the help is English only (no Indonesian halves)", async () => {
    const run = await runCli(["--help"], { cwd: dir, env: { LANG: "en_US.UTF-8" } });
    expect(run.stdout).toContain("check catalogue files (CSV, XLSX)");
    expect(run.stdout).not.toContain("periksa berkas katalog");
    expect(run.stdout).not.toContain(" / ");
  });

  it("DESBUMI_LANG works where no LANG is set (Windows), and --lang still wins", async () => {
    const id = await runCli(["validate", "missing.csv"], { cwd: dir, env: { DESBUMI_LANG: "id" } });
    expect(id.stderr).toContain("Berkas tidak ditemukan");
    const en = await runCli(["--lang", "en", "validate", "missing.csv"], { cwd: dir, env: { DESBUMI_LANG: "id" } });
    expect(en.stderr).toContain("File not found");
    expect(resolveLang(undefined, { DESBUMI_LANG: "id_ID" })).toBe("id");
    expect(resolveLang(undefined, { DESBUMI_LANG: "EN", LANG: "id_ID.UTF-8" })).toBe("en");
  });

  it("the config's lang key sets the language for the folder (DESBUMI_LANG and --lang win)", async () => {
    await writeFile(path.join(dir, "desbumi.config.json"), JSON.stringify({ lang: "id", groups: [{ id: "a", name: "A", catalog: "a.csv" }] }));
    const run = await runCli(["validate", "missing.csv"], { cwd: dir, env: {} });
    expect(run.stderr).toContain("Berkas tidak ditemukan");
    const help = await runCli(["sync", "--help"], { cwd: dir, env: {} });
    expect(help.stdout).toMatch(/^Cara pakai: desbumi sync/m);
    expect((await runCli(["validate", "missing.csv"], { cwd: dir, env: { DESBUMI_LANG: "en" } })).stderr).toContain("File not found");
    // the key is checked like any other
    await writeFile(path.join(dir, "desbumi.config.json"), JSON.stringify({ lang: "jv", groups: [{ id: "a", name: "A", catalog: "a.csv" }] }));
    const bad = await runCli(["validate"], { cwd: dir, env: {} });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("lang");
  });
});

describe("wording (issue 12.14)", () => {
  it("one pending change is singular", () => {
    const report = (status: "planned" | "not-applied") =>
      ({ catalog: "a.csv", status, exitCode: 0, plan: { summary: { create: 1, update: 0, deactivate: 0, reactivate: 0 } } }) as unknown as SyncReport;
    expect(renderGroupsSummary([report("planned")], [], "en")).toContain("dry run: 1 change pending");
    expect(renderGroupsSummary([report("not-applied")], [], "en")).toContain("not applied: 1 change pending");
  });

  it("the journal line is Indonesian in Indonesian", async () => {
    await writeFile(path.join(dir, "a.csv"), "sku,name,description,price,stock,weight,images,kategori\nA1,Kopi Robusta Bubuk Lereng Kawi 250 gr,Kopi kebun warga,25000,5,250,https://images.desbumi.example/test/a.jpg,Kopi\n");
    const run = await runCli(["--lang", "id", "sync", "a.csv", "--yes"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Jurnal: \.desbumi\/runs\//m);
    expect(run.stdout).not.toContain("Catatan jalannya");
  });

  it("the category hint searches for the row's own category, not a literal \"word\"", () => {
    const issue = { code: "CATEGORY_NOT_FOUND" as const, severity: "error" as const, file: "a.csv", line: 2, column: "kategori", value: "Batik Tulis", args: { candidates: "" } };
    expect(formatIssue(issue, "en").hint).toContain('Look up the right one with: desbumi categories "Batik"');
    expect(formatIssue(issue, "id").hint).toContain('Cari kategori yang benar dengan: desbumi categories "Batik"');
    expect(formatIssue(issue, "en").hint).not.toContain('"word"');
    expect(formatIssue({ ...issue, value: "?" }, "en").hint).toMatch(/with: desbumi categories$/);
  });
});
