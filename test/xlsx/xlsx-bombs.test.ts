// Issue 13.5: hostile workbooks. Each runs the built CLI in a child process with a 256 MB heap and
// a kill timer, so an out-of-memory or a runaway read fails the test instead of passing slowly.
// The files are made here: a deflate stream of one repeated block makes a ~1 MB xlsx that
// inflates to ~1 GB. Before the streaming reader each of these ran out of memory (or took
// minutes) reading every sheet whole.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Issue } from "../../src/issues.js";
import { formatIssue } from "../../src/report/messages.js";
import { repeatedPart, rowXml, segmentedPart, sheetXml, WORKSHEET_HEAD, WORKSHEET_TAIL, workbookParts, zipParts } from "./xlsx-builder.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "desbumi.js");
const HEAP_MB = 256;
const KILL_AFTER_MS = 120_000;
const HEADER = ["Kode Produk", "Nama Produk", "Harga", "Stok", "Berat", "Foto"];
const product = (i: number): (string | number)[] => [`KP-${i}`, `Kopi ${i}`, 25000, 3, 250, `https://img.desbumi.example/${i}.jpg`];

let dir: string;
beforeAll(async () => {
  expect(existsSync(join(ROOT, "dist", "cli", "index.js"))).toBe(true);
  dir = await mkdtemp(join(tmpdir(), "desbumi-xlsx-bomb-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function validate(file: string): Promise<Ran> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, "--no-color", "validate", file, "--format", "json"], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    const timer = setTimeout(() => p.kill("SIGKILL"), KILL_AFTER_MS);
    p.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code: signal ? null : code, stdout, stderr: signal ? `${stderr}\n[killed by ${signal}]` : stderr });
    });
  });
}

const issuesOf = (r: Ran): Issue[] => (JSON.parse(r.stdout) as { files: { issues: Issue[] }[] }).files.flatMap((f) => f.issues);

async function place(name: string, bytes: Buffer): Promise<string> {
  await writeFile(join(dir, name), bytes);
  return name;
}

/**
 * About 1 GB: product rows (rows and cells without `r`, so one block repeats byte for byte), each
 * followed by whitespace, which deflate squeezes ~1000 to 1 as the 2019 "zip bomb" papers do.
 */
function bombSheet() {
  const block = `${rowXml(product(1))}${" ".repeat(1024 * 1024)}`;
  const times = Math.ceil((1024 * 1024 * 1024) / block.length);
  return repeatedPart("sheet", `${WORKSHEET_HEAD}${rowXml(HEADER)}`, block, times, WORKSHEET_TAIL);
}

/** The issues of the run, with the message text (the JSON report carries no args). */
const found = (r: Ran): [string, string][] => issuesOf(r).map((i) => [i.code, (i as Issue & { message: string }).message]);

describe("xlsx bombs (issue 13.5), in a 256 MB heap", () => {
  it("a ~1 MB xlsx that inflates to ~1 GB is one FILE_TOO_LARGE naming the limit, exit 1, no crash", async () => {
    const file = await place("bomb.xlsx", zipParts(workbookParts([{ name: "Produk", xml: bombSheet() }])));
    expect((await stat(join(dir, file))).size).toBeLessThan(2 * 1024 * 1024);
    const r = await validate(file);
    expect(r.stderr).not.toMatch(/heap|killed|at .*\.js:\d+/i);
    expect(r.code).toBe(1);
    expect(found(r)).toEqual([["FILE_TOO_LARGE", "This workbook is too large to read safely: one part of it (xl/worksheets/sheet1.xml) unpacks to more than 128 MB; reading stopped"]]);
    expect(issuesOf(r)[0]).toMatchObject({ sheet: "Produk" });
    expect(JSON.parse(r.stdout).files[0].file).toBe(file);
  }, 150_000);

  it("the same bomb with a zip directory that claims 1 MB: stopped while inflating, the same verdict", async () => {
    // A formatting bomb: rows of styled empty cells, so nothing reaches the pipeline before the cap.
    const block = `<row>${'<c s="0"/>'.repeat(2000)}</row>`.repeat(50);
    const times = Math.ceil((1024 * 1024 * 1024) / block.length);
    const lying = { ...repeatedPart("sheet", `${WORKSHEET_HEAD}${rowXml(HEADER)}`, block, times, WORKSHEET_TAIL), declaredSize: 1024 * 1024 };
    const file = await place("lying-bomb.xlsx", zipParts(workbookParts([{ name: "Produk", xml: lying }])));
    const r = await validate(file);
    expect(r.stderr).not.toMatch(/heap|killed/i);
    expect(r.code).toBe(1);
    expect(found(r)).toEqual([["FILE_TOO_LARGE", "This workbook is too large to read safely: one part of it (xl/worksheets/sheet1.xml) unpacks to more than 128 MB; reading stopped"]]);
  }, 150_000);

  it("more filled cells than the cap: FILE_TOO_LARGE (cells) at the row where reading stopped", async () => {
    // 2.1 million number cells in 105,000 rows of 20, well under the byte caps.
    const rows = function* (): Generator<string> {
      yield WORKSHEET_HEAD;
      for (let start = 1; start <= 105_000; start += 5000) {
        let text = "";
        for (let line = start; line < start + 5000; line++) text += rowXml(Array.from({ length: 20 }, (_, j) => line + j), line);
        yield text;
      }
      yield WORKSHEET_TAIL;
    };
    const file = await place("many-cells.xlsx", zipParts(workbookParts([{ name: "Angka", xml: segmentedPart("sheet", rows()) }])));
    const r = await validate(file);
    expect(r.code).toBe(1);
    const tooLarge = issuesOf(r).filter((i) => i.code === "FILE_TOO_LARGE");
    expect(tooLarge).toEqual([expect.objectContaining({ sheet: "Angka", line: 100_001, message: "This workbook is too large to read safely: the sheet has more than 2,000,000 filled cells; reading stopped" })]);
  }, 150_000);

  it("an unused second sheet of 1,000,000 rows is never read: the catalogue on the first validates", async () => {
    const log = function* (): Generator<string> {
      yield WORKSHEET_HEAD;
      for (let start = 1; start <= 1_000_000; start += 20_000) {
        let text = "";
        for (let line = start; line < start + 20_000; line++) text += `<row r="${line}"><c r="A${line}"><v>${line}</v></c><c r="B${line}"><v>${line % 97}</v></c></row>`;
        yield text;
      }
      yield WORKSHEET_TAIL;
    };
    const catalogue = sheetXml([HEADER, product(1), product(2)]);
    const file = await place("unused-sheet.xlsx", zipParts(workbookParts([{ name: "Produk", xml: catalogue }, { name: "Log Stok", xml: segmentedPart("log", log()) }])));
    const r = await validate(file);
    expect(r.stderr).not.toMatch(/heap|killed/i);
    expect(r.code).toBe(0);
    expect(issuesOf(r)).toEqual([]);
  }, 150_000);

  it("FILE_TOO_LARGE says which limit in both languages", () => {
    const issue: Issue = { code: "FILE_TOO_LARGE", severity: "error", file: "k.xlsx", sheet: "Produk", args: { limit: "entry_bytes", max: 128 * 1024 * 1024, part: "xl/worksheets/sheet1.xml" } };
    expect(formatIssue(issue, "id").message).toBe("Buku kerja ini terlalu besar untuk dibaca dengan aman: satu bagian berkasnya (xl/worksheets/sheet1.xml) terurai menjadi lebih dari 128 MB; pembacaan dihentikan");
    const cells: Issue = { ...issue, line: 100_001, args: { limit: "cells", max: 2_000_000 } };
    expect(formatIssue(cells, "en").message).toContain("more than 2,000,000 filled cells");
    expect(formatIssue(cells, "id").message).toContain("lebih dari 2.000.000 sel terisi");
    expect(formatIssue(cells, "en").hint).toMatch(/only the catalogue sheet/);
  });
});
