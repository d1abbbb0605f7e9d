import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatRupiah, parsePrice } from "./money.js";

describe("parsePrice", () => {
  test.each<[string | number, number]>([
    ["25000", 25000], ["25.000", 25000], ["Rp 25.000", 25000], ["Rp25.000,-", 25000], ["Rp 25.000,00", 25000],
    ["Rp. 25.000", 25000], ["IDR 25.000", 25000], ["rp 25.000", 25000], ["25rb", 25000], ["25 ribu", 25000],
    ["25k", 25000], ["1,5 jt", 1500000], ["1,5jt", 1500000], ["1 juta", 1000000], ["Rp\u00a025.000", 25000],
    ["Rp\u202f25.000", 25000], ["1.500.000", 1500000], ["1,500,000", 1500000], ["1,500.00", 1500], ["  12000  ", 12000],
    [25000, 25000], [25000.0000000001, 25000],
    // issue 14: shop exports write zero cents after a dot (Shopify `Variant Price` 150000.00)
    ["150000.00", 150000], ["1500.00", 1500],
  ])("%j -> %d", (input, expected) => {
    expect(parsePrice(input)).toEqual({ ok: true, value: expected });
  });

  // NOTE: weights read `0.5` as a decimal; prices keep every dot decimal ambiguous (issue 2), and a
  // leading `0.` is never a thousands group, so `0.500` is not Rp 500 either.
  test.each(["12,5", "1.5", "1,500", "12,50", "1.5jt", "0.5", "Rp 0.5", "0.500", "0.5 jt", "150.00", "15000.50"])("%j is ambiguous", (input) => {
    expect(parsePrice(input)).toMatchObject({ ok: false, code: "AMBIGUOUS_NUMBER" });
  });

  test.each(["Rp 25.000,50", "dua puluh ribu", "-5000", "", "Rp", "1.50.000", "1,2345 rb", "25.000 usd", "1e5"])("%j is invalid", (input) => {
    expect(parsePrice(input)).toMatchObject({ ok: false, code: "INVALID_PRICE" });
  });

  test("a `harga (ribu)` column multiplies bare numbers, not explicit units", () => {
    expect(parsePrice("25", "ribu")).toEqual({ ok: true, value: 25000 });
    expect(parsePrice("12,5", "ribu")).toEqual({ ok: true, value: 12500 });
    expect(parsePrice(12.5, "ribu")).toEqual({ ok: true, value: 12500 });
    expect(parsePrice("1 jt", "ribu")).toEqual({ ok: true, value: 1000000 });
  });

  test("spreadsheet numbers are taken as numbers (no separator guessing)", () => {
    expect(parsePrice(1500)).toEqual({ ok: true, value: 1500 });
    expect(parsePrice(12.5)).toMatchObject({ ok: false, code: "INVALID_PRICE" });
    expect(parsePrice(-1)).toMatchObject({ ok: false, code: "INVALID_PRICE" });
  });

  test("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parsePrice(s);
      expect(typeof r.ok).toBe("boolean");
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.stringMatching(/^(Rp|IDR)?[ .,0-9]{0,12}(rb|jt|,-)?$/), (s) => {
      const r = parsePrice(s);
      if (r.ok) expect(Number.isSafeInteger(r.value)).toBe(true);
    }), { numRuns: 2000 });
  });

  test("parses what formatRupiah writes", () => {
    expect(formatRupiah(25000)).toBe("Rp 25.000");
    expect(formatRupiah(100)).toBe("Rp 100");
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
      expect(parsePrice(formatRupiah(n))).toEqual({ ok: true, value: n });
    }), { numRuns: 2000 });
  });
});
