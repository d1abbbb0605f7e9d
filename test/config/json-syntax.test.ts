import { describe, expect, it } from "vitest";
import { locateJsonError } from "../../src/config/json-syntax.js";

// [source, line, column, start of the English reason]
const cases: [string, number, number, string][] = [
  ['{"a": }', 1, 7, "not a valid value"],
  ['{\n  "a": 1,\n}', 2, 9, "trailing comma"],
  ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected a comma (,) or }"],
  ['{"groups": [1 2]}', 1, 15, "expected a comma (,) or ]"],
  ["{'a': 1}", 1, 2, "JSON uses double quotes"],
  ["{a: 1}", 1, 2, "expected a key in double quotes"],
  ['{"a" 1}', 1, 6, "expected a colon"],
  ['{"a": 1', 1, 8, "the file ends too early"],
  ["", 1, 1, "the file ends too early"],
  ['{"a": "x\ny"}', 1, 9, "a line break or control character"],
  ['{"a": "\\x"}', 1, 8, "invalid backslash escape"],
  ['{"a": 1} x', 1, 10, "there is text after the end"],
  ['{\n  // note\n  "a": 1\n}', 2, 3, "comments"],
];

describe("locateJsonError", () => {
  it.each(cases)("%j -> %i:%i", (source, line, column, reason) => {
    expect(() => JSON.parse(source)).toThrow();
    const problem = locateJsonError(source);
    expect([problem.line, problem.column]).toEqual([line, column]);
    expect(problem.reason.en.startsWith(reason)).toBe(true);
    expect(problem.reason.id).not.toBe("");
  });
});
