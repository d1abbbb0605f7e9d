import { describe, expect, it } from "vitest";
import { escapeOutput, safeCommandText, safeIssue, safeText } from "./terminal-safe.js";

describe("safeText", () => {
  it.each([
    ["plain Keripik Tempe", "plain Keripik Tempe"],
    ["a\nb\r\tc", "a\\nb\\r\\tc"],
    ["\u001b[2J\u001b]0;t\u0007", "\\u001b[2J\\u001b]0;t\\u0007"],
    ["del\u007f c1\u009b", "del\\u007f c1\\u009b"],
    ["abc\u202edef\u2066", "abc\\u202edef\\u2066"],
    ["line\u2028sep", "line\\u2028sep"],
    // Right-to-left text, direction marks and emoji are ordinary text.
    ["مرحبا \u200f 🌶️", "مرحبا \u200f 🌶️"],
  ])("%j -> %j", (input, shown) => expect(safeText(input)).toBe(shown));

  it("keeps CR and LF for a workflow command's own encoding", () => {
    expect(safeCommandText("a\r\n\u001bb")).toBe("a\r\n\\u001bb");
  });
});

describe("escapeOutput", () => {
  it.each([
    ["ok\n\ttab\r\n", "ok\n\ttab\r\n"],
    ["\u001b[1m\u001b[31mred\u001b[39m\u001b[22m", "\u001b[1m\u001b[31mred\u001b[39m\u001b[22m"],
    ["\r[####] 1/2", "\r[####] 1/2"],
    ["a\rb", "a\\rb"],
    ["x\u001b[2Jy\u001b]0;t\u0007", "x\\u001b[2Jy\\u001b]0;t\\u0007"],
    ["\u009b2J", "\\u009b2J"],
    ["::error::real\n", "::error::real\n"],
    ["file k\n::error::forged\n", "file k\n\\u003a:error::forged\n"],
  ])("%j -> %j", (input, shown) => expect(escapeOutput(input)).toBe(shown));

  it("escapes inside JSON stay valid JSON with the same meaning", () => {
    const doc = JSON.stringify({ sku: "A\u009b\u007f" });
    expect(JSON.parse(escapeOutput(doc))).toEqual({ sku: "A\u009b\u007f" });
  });
});

describe("safeIssue", () => {
  it("escapes every text an issue carries and leaves a clean issue as it is", () => {
    const clean = { code: "INVALID_PRICE" as const, severity: "error" as const, file: "k.csv", line: 2, column: "harga", value: "x" };
    expect(safeIssue(clean)).toBe(clean);
    const shown = safeIssue({ ...clean, file: "k\n::x.csv", column: "\u001b]0;t\u0007", value: "a\nb\u001b", args: { sku: "S\u009b", n: 3 } });
    expect(shown).toMatchObject({ file: "k\\n::x.csv", column: "\\u001b]0;t\\u0007", value: "a b\\u001b", args: { sku: "S\\u009b", n: 3 } });
  });
});
