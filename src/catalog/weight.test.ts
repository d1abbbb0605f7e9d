import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatGrams, parseWeight } from "./weight.js";

describe("parseWeight", () => {
  test.each<[string | number, number]>([
    ["250", 250], ["250 g", 250], ["250gr", 250], ["250 gram", 250], ["250 GR", 250], ["0,5 kg", 500], ["1/4 kg", 250],
    ["1/2kg", 500], ["½ kg", 500], ["2 ons", 200], ["1,5 kg", 1500], ["1.500 g", 1500], ["1.500", 1500], ["± 250 gr", 250],
    ["0,250 kg", 250], ["2 kg", 2000], [250, 250],
    // A dot before one, two or four digits (or after a leading 0) can only be a decimal point.
    ["0.5kg", 500], ["0.5 kg", 500], ["1.5 kg", 1500], ["1.25 kg", 1250], ["12.50 kg", 12_500], ["0.500 kg", 500],
    [".5 kg", 500], ["2.5 ons", 250], ["1.000 g", 1000],
  ])("%j -> %d g", (input, expected) => {
    expect(parseWeight(input)).toEqual({ ok: true, value: expected });
  });

  test("a `berat (kg)` column gives bare numbers in kg", () => {
    expect(parseWeight("0,25", "kg")).toEqual({ ok: true, value: 250 });
    expect(parseWeight(0.3, "kg")).toEqual({ ok: true, value: 300 });
    expect(parseWeight("300 gr", "kg")).toEqual({ ok: true, value: 300 });
    expect(parseWeight("1.5", "kg")).toEqual({ ok: true, value: 1500 });
    expect(parseWeight("0.5", "kg")).toEqual({ ok: true, value: 500 });
    expect(parseWeight("1.500", "kg")).toMatchObject({ ok: false, code: "AMBIGUOUS_NUMBER" });
  });

  test.each(["1.500 kg", "1,500 kg", "1,500 g", "1.250 kg", "2.500 ons"])("%j is ambiguous", (input) => {
    expect(parseWeight(input)).toMatchObject({ ok: false, code: "AMBIGUOUS_NUMBER" });
  });

  test.each<[string | number, string]>([["sedang", "format"], ["1/3 kg", "fraction"], ["0,3333 kg", "fraction"], ["0,5", "fraction"],
    ["1.5", "fraction"], ["0.500", "fraction"], ["1.2345 kg", "fraction"], ["1.5.5 kg", "format"],
    ["250 lbs", "unit"], ["1/0 kg", "format"], [-1, "number"]])("%j is invalid (%s)", (input, reason) => {
    expect(parseWeight(input)).toMatchObject({ ok: false, code: "INVALID_WEIGHT", args: { reason } });
  });

  test("issue 12.15: a fraction of a gram says what it came to and the whole grams near it", () => {
    expect(parseWeight("1/3", "kg")).toEqual({ ok: false, code: "INVALID_WEIGHT", args: { reason: "fraction", grams: 333.33, suggested: 333 } });
    expect(parseWeight("0,3333 kg")).toEqual({ ok: false, code: "INVALID_WEIGHT", args: { reason: "fraction", grams: 333.3, suggested: 333 } });
    expect(parseWeight("0,4")).toEqual({ ok: false, code: "INVALID_WEIGHT", args: { reason: "fraction", grams: 0.4 } });
  });

  test("never throws, and parses what formatGrams writes", () => {
    expect(formatGrams(250)).toBe("250 g");
    expect(formatGrams(1500)).toBe("1,5 kg");
    expect(formatGrams(2000)).toBe("2 kg");
    fc.assert(fc.property(fc.string(), (s) => {
      expect(typeof parseWeight(s).ok).toBe("boolean");
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
      expect(parseWeight(formatGrams(n))).toEqual({ ok: true, value: n });
    }), { numRuns: 2000 });
  });
});
