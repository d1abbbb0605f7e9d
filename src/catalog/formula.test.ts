import { describe, expect, test } from "vitest";
import { formulaStart } from "./formula.js";

describe("formulaStart", () => {
  test.each<[string, string]>([
    ['=HYPERLINK("http://evil.example/x","Klik")', "="],
    ["=1+1", "="],
    ["=cmd|' /C calc'!A0", "="],
    ["@SUM(1+1)", "@"],
    ["@cmd|calc!A1", "@"],
    ["+HYPERLINK(\"x\")", "+"],
    ["-SUM(A1:A3)", "-"],
    ["-2+3+cmd|' /C calc'!A0", "-"],
    ["+cmd|calc!A1", "+"],
    ["-2+SUM(1)", "-"],
  ])("%j runs as a formula (starts with %j)", (text, start) => {
    expect(formulaStart(text)).toBe(start);
  });

  test.each(["-50% Diskon", "+62 812 3456 7890", "- pedas", "- pedas | manis!", "-Kopi (250 g)", "-promo", "+62 812 (WA)", "@ toko", "@2024", "@tokoku", "@desbumi_muiwo di Instagram", "Kopi = enak", "Keripik", "", "''=x"])(
    "%j is plain text",
    (text) => {
      expect(formulaStart(text)).toBeUndefined();
    },
  );
});
