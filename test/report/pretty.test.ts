import { describe, expect, it } from "vitest";
import { pretty } from "../../src/report/pretty.js";
import { formatIssueLine } from "../../src/report/format-line.js";
import { captureIo, makeIssue, makeResult } from "./builders.js";

const ANSI = /\u001b\[/;

describe("formatIssueLine", () => {
  it("is location, column, message, then an indented hint", () => {
    const text = formatIssueLine(makeIssue({ code: "AMBIGUOUS_NUMBER", value: "12,5" }), { lang: "id", color: false });
    const [first, second] = text.split("\n");
    expect(first).toMatch(/^✖ catalog\.csv:14 harga: Harga "12,5" tidak jelas/);
    expect(second).toMatch(/^ {2}→ Tulis harga/);
    expect(text).not.toMatch(ANSI);
  });

  it("colours only when asked", () => {
    expect(formatIssueLine(makeIssue({ severity: "warning" }), { lang: "en", color: true })).toMatch(ANSI);
  });
});

describe("pretty reporter", () => {
  it("groups issues by file in line order, with a summary per file and a total", async () => {
    const { io, out } = captureIo();
    const results = [
      makeResult({ file: "a.csv", rows: 24, issues: [makeIssue({ file: "a.csv", line: 9 }), makeIssue({ file: "a.csv", line: 3, severity: "warning", code: "HTML_IN_DESCRIPTION" })] }),
      makeResult({ file: "b.csv", rows: 5, issues: [makeIssue({ file: "b.csv", line: 2, severity: "warning", code: "HTML_IN_DESCRIPTION" })] }),
    ];
    await pretty({ results, strict: false }, { io, lang: "en", color: false });
    const lines = out.stdout.split("\n");
    const idx = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(idx("a.csv:3")).toBeLessThan(idx("a.csv:9"));
    expect(idx("a.csv:9")).toBeLessThan(idx("✖ a.csv: 24 rows, 1 error, 1 warning"));
    expect(idx("✖ a.csv:")).toBeLessThan(idx("b.csv:2"));
    expect(out.stdout).toContain("✔ b.csv: 5 products, 1 warning");
    expect(out.stdout).toMatch(/1 of 2 files need fixing: 29 rows, 1 error, 2 warnings/);
    expect(out.stdout).not.toMatch(ANSI);
  });

  it("speaks Indonesian and marks warnings as failing under --strict", async () => {
    const { io, out } = captureIo();
    await pretty({ results: [makeResult({ rows: 2, issues: [makeIssue({ severity: "warning", code: "HTML_IN_DESCRIPTION" })] })], strict: true }, { io, lang: "id", color: false });
    expect(out.stdout).toContain("✖ catalog.csv: 2 baris, 1 peringatan");
  });
});
