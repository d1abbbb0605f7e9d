// The shared strict JSON parser (issue 13.9 depth, 13.13 prototype-free, 13.17 number spelling).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isJsonObject, JsonDecimal, parseJson } from "./json.js";

describe("parseJson", () => {
  test("reads what JSON.parse reads (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        const parsed = parseJson(text);
        expect(parsed.ok).toBe(true);
        // Prototype-free objects compare equal by content once re-serialised.
        expect(JSON.stringify(parsed.ok ? parsed.value : undefined)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { seed: 1313, numRuns: 300 },
    );
  });

  test("refuses what JSON.parse refuses, and never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let expected = true;
        try {
          JSON.parse(text);
        } catch {
          expected = false;
        }
        expect(parseJson(text).ok).toBe(expected);
      }),
      { seed: 1313, numRuns: 500 },
    );
    for (const bad of ["", "{", "[1,]", '{"a":1,}', "01", "1.", ".5", "+1", "0x10", "NaN", "'a'", '"\\x"', "\u00a0", "tru", "{} x"]) {
      expect(parseJson(bad).ok, bad).toBe(false);
    }
  });

  test("issue 13.9: nesting deeper than the bound is refused with a reason, not a stack overflow", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const result = parseJson(deep, { maxDepth: 32 });
    expect(result).toMatchObject({ ok: false, reason: "too-deep" });
    expect(parseJson("[".repeat(32) + "]".repeat(32), { maxDepth: 32 }).ok).toBe(true);
    expect(parseJson("[".repeat(33) + "]".repeat(33), { maxDepth: 32 }).ok).toBe(false);
    expect(parseJson('{"a":'.repeat(50) + "1" + "}".repeat(50)).ok).toBe(false);
  });

  test("issue 13.13: objects have no prototype, so __proto__ is an ordinary key", () => {
    const result = parseJson('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
    expect(result.ok).toBe(true);
    const value = result.ok ? (result.value as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(isJsonObject(value)).toBe(true);
  });

  test('issue 13.17: decimals: "boxed" keeps the spelling of fraction and exponent numbers', () => {
    const result = parseJson('{"a":1e3,"b":2147700000.0,"c":0.5,"d":42,"e":-7}', { decimals: "boxed" });
    const v = result.ok ? (result.value as Record<string, unknown>) : {};
    expect(v.a).toEqual(new JsonDecimal(1000, "1e3"));
    expect(v.b).toEqual(new JsonDecimal(2147700000, "2147700000.0"));
    expect((v.c as JsonDecimal).value).toBe(0.5);
    expect([v.d, v.e]).toEqual([42, -7]);
    expect(JSON.stringify(v)).toBe('{"a":1000,"b":2147700000,"c":0.5,"d":42,"e":-7}');
    expect(parseJson("1e3").ok && parseJson("1e3")).toEqual({ ok: true, value: 1000 });
  });
});
