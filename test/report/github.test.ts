import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatAnnotation, github } from "../../src/report/github.js";
import { captureIo, makeIssue, makeResult } from "./builders.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("github workflow-command escaping", () => {
  it("encodes % CR LF in data and also : , in properties", () => {
    expect(escapeData("50% off\r\nnext")).toBe("50%25 off%0D%0Anext");
    expect(escapeProperty("a:b,c%d\n")).toBe("a%3Ab%2Cc%25d%0A");
  });

  it("builds a one-line annotation with file, line and code title", () => {
    const line = formatAnnotation(makeIssue({ file: "katalog, juni:2024.csv", line: 14, value: "100%\nlagi" }), "en");
    expect(line).toMatch(/^::error file=katalog%2C juni%3A2024\.csv,line=14,title=INVALID_PRICE::/);
    expect(line).not.toContain("\n");
    expect(line).toContain("100%25");
  });

  it("adds the spreadsheet column for xlsx cells and omits line for file-level issues", () => {
    expect(formatAnnotation(makeIssue({ file: "k.xlsx", sheet: "Sheet1", cell: "D14", line: 14 }), "en")).toMatch(/line=14,col=4,/);
    const fileLevel = formatAnnotation(makeIssue({ code: "MISSING_COLUMN", severity: "error", line: undefined, column: undefined, args: { field: "price" } }), "en");
    expect(fileLevel).toMatch(/^::error file=catalog\.csv,title=MISSING_COLUMN::/);
  });
});

describe("github reporter", () => {
  const many = (severity: "error" | "warning", n: number, from: number) =>
    Array.from({ length: n }, (_, i) => makeIssue({ severity, line: from + i, code: severity === "error" ? "INVALID_PRICE" : "HTML_IN_DESCRIPTION" }));

  it("annotates at most 10 per severity, says how many more and still logs them all", async () => {
    const { io, out } = captureIo();
    const result = makeResult({ issues: [...many("error", 13, 2), ...many("warning", 11, 100)], rows: 120 });
    await github({ results: [result], strict: false }, { io, lang: "en", color: false });
    const lines = out.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith("::warning "))).toHaveLength(10);
    const notice = lines.filter((l) => l.startsWith("::notice "));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/3 more errors and 1 more warning/);
    // the hidden ones are still in the log, located
    expect(out.stdout).toContain("catalog.csv:14 ");
    expect(out.stdout).toContain("catalog.csv:110 ");
  });

  it.each([
    ["with", true],
    ["without", false],
  ])("50 errors %s GITHUB_STEP_SUMMARY: 10 annotations, then one count line, then the other 40 listed", async (_, withSummary) => {
    const dir = mkdtempSync(join(tmpdir(), "desbumi-gh-"));
    dirs.push(dir);
    const env = withSummary ? { GITHUB_STEP_SUMMARY: join(dir, "summary.md") } : {};
    const { io, out } = captureIo(env);
    const issues = [...many("error", 50, 2), ...many("warning", 13, 200)];
    await github({ results: [makeResult({ issues, rows: 220 })], strict: false }, { io, lang: "en", color: false });
    const lines = out.stdout.trimEnd().split("\n");
    const annotations = lines.slice(0, 20);
    expect(annotations.filter((l) => l.startsWith("::error "))).toHaveLength(10);
    expect(annotations.filter((l) => l.startsWith("::warning "))).toHaveLength(10);
    // exactly one notice, right after the annotations, and the same count as a plain line after it
    expect(lines.filter((l) => l.startsWith("::"))).toHaveLength(21);
    const where = withSummary ? "listed below and in the job summary" : "listed below";
    const count = `40 more errors and 3 more warnings are not shown as annotations (GitHub shows only 10 of each kind); they are ${where}`;
    expect(lines[20]).toBe(`::notice title=desbumi::${count}`);
    expect(lines[21]).toBe(`${count}:`);
    if (!withSummary) expect(out.stdout).not.toContain("job summary");
    // then the 43 hidden issues, located, each with its hint line, and only then the file result
    const listing = lines.slice(22, 22 + 43 * 2);
    expect(listing.filter((l) => /^✖ catalog\.csv:\d+ harga: /.test(l))).toHaveLength(40);
    expect(listing.filter((l) => /^⚠ catalog\.csv:\d+ harga: /.test(l))).toHaveLength(3);
    expect(listing[0]).toMatch(/^✖ catalog\.csv:12 /);
    expect(lines.slice(22 + 43 * 2)).toEqual(["✖ catalog.csv: 220 rows, 50 errors, 13 warnings"]);
  });

  it("words the count line in Indonesian too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "desbumi-gh-"));
    dirs.push(dir);
    const { io, out } = captureIo({ GITHUB_STEP_SUMMARY: join(dir, "s.md") });
    await github({ results: [makeResult({ issues: many("error", 11, 2) })], strict: false }, { io, lang: "id", color: false });
    expect(out.stdout).toContain("::notice title=desbumi::1 kesalahan lagi tidak ditampilkan sebagai anotasi");
    expect(out.stdout).toContain("\n1 kesalahan lagi tidak ditampilkan sebagai anotasi (GitHub hanya menampilkan 10 per jenis); daftarnya ada di bawah ini dan di ringkasan job:\n");
  });

  it("appends a full markdown table to $GITHUB_STEP_SUMMARY", async () => {
    const dir = mkdtempSync(join(tmpdir(), "desbumi-gh-"));
    dirs.push(dir);
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "previous step\n");
    const { io } = captureIo({ GITHUB_STEP_SUMMARY: summary });
    const issues = [...many("error", 12, 2), makeIssue({ code: "HTML_IN_DESCRIPTION", severity: "warning", line: 50, column: "deskripsi", value: "<b>x</b> | y" })];
    await github({ results: [makeResult({ issues, rows: 60 })], strict: false }, { io, lang: "id", color: false });
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("previous step\n")).toBe(true);
    const rows = md.split("\n").filter((l) => l.startsWith("| ❌") || l.startsWith("| ⚠️"));
    expect(rows).toHaveLength(13);
    expect(md).toContain("`INVALID_PRICE`");
    expect(md).toContain("catalog.csv:13");
    expect(md).not.toContain("<b>");
  });

  it("prints a per-file result line even when there is nothing to annotate", async () => {
    const { io, out } = captureIo();
    await github({ results: [makeResult({ file: "a.csv", rows: 3 })], strict: false }, { io, lang: "en", color: false });
    expect(out.stdout).not.toContain("::");
    expect(out.stdout).toContain("a.csv: 3 products");
  });
});
