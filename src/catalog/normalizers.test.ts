// Small pure parsers: counts, enums, text, SKU, images, headers, delimiters.
import { describe, expect, test } from "vitest";
import { mapHeader } from "./columns.js";
import { sniffDelimiter, readSepLine } from "./delimiter.js";
import { parseCondition, parseStatus } from "./enums.js";
import { lookupHeader } from "./header-aliases.js";
import { isImageUrl, splitImageCell } from "./images.js";
import { hash53, KeyLineTable } from "./key-table.js";
import { parseSku } from "./sku.js";
import { parseCount } from "./stock.js";
import { suggestHeader } from "./suggest.js";
import { cleanLine, cleanMultiline, countChars, hasHtml } from "./text.js";

test("counts", () => {
  expect(parseCount("1.000")).toEqual({ ok: true, value: 1000 });
  expect(parseCount("50 pcs")).toEqual({ ok: true, value: 50 });
  expect(parseCount("0")).toEqual({ ok: true, value: 0 });
  expect(parseCount(12)).toEqual({ ok: true, value: 12 });
  expect(parseCount("1,000")).toEqual({ ok: false, ambiguous: true });
  expect(parseCount("2,5")).toEqual({ ok: false, ambiguous: false });
  expect(parseCount("-3")).toEqual({ ok: false, ambiguous: false });
  expect(parseCount(2.5)).toEqual({ ok: false, ambiguous: false });
});

test("condition and status words", () => {
  expect(["baru", "Baru", "NEW", "", "brand new"].map(parseCondition)).toEqual(["NEW", "NEW", "NEW", "NEW", "NEW"]);
  expect(["bekas", "Used", "second"].map(parseCondition)).toEqual(["USED", "USED", "USED"]);
  expect(parseCondition("rusak")).toBeUndefined();
  expect(["aktif", "Active", "ya", "yes", "1", "", true].map(parseStatus)).toEqual(Array(7).fill("active"));
  expect(["nonaktif", "Non-Aktif", "non aktif", "inactive", "tidak", "no", "0", false, 0].map(parseStatus)).toEqual(Array(9).fill("inactive"));
  expect(parseStatus("mungkin")).toBeUndefined();
});

test("text cleanup", () => {
  expect(cleanLine("  Kopi \u00a0 Robusta\tBubuk\u0007 ")).toBe("Kopi Robusta Bubuk");
  expect(cleanLine("Cafe\u0301")).toBe("Café");
  expect(cleanMultiline("Baris satu  \r\nbaris dua\rtiga\u0000")).toBe("Baris satu\nbaris dua\ntiga");
  expect(countChars("😀é")).toBe(2);
  expect(hasHtml("<p>enak</p>")).toBe(true);
  expect(hasHtml("harga < 10 > 5, kopi & teh")).toBe(false);
});

test("SKU", () => {
  expect(parseSku("007", 50)).toEqual({ ok: true, value: "007" });
  expect(parseSku(1001, 50)).toEqual({ ok: true, value: "1001" });
  expect(parseSku(" MW-001 ", 50)).toEqual({ ok: true, value: "MW-001" });
  expect(parseSku("", 50)).toEqual({ ok: false, code: "REQUIRED_VALUE_MISSING" });
  expect(parseSku("A B", 50)).toMatchObject({ code: "INVALID_SKU", args: { reason: "chars" } });
  expect(parseSku("A".repeat(51), 50)).toMatchObject({ code: "INVALID_SKU", args: { reason: "length", length: 51, max: 50 } });
});

test("image cells", () => {
  expect(splitImageCell("https://a.example/1.jpg | https://a.example/2.jpg;https://a.example/3.jpg\nhttps://a.example/4.jpg")).toHaveLength(4);
  expect(isImageUrl("https://images.desbumi.example/a.jpg")).toBe(true);
  expect(["ftp://a/b.jpg", "foto.jpg", "https://", "javascript:alert(1)"].map(isImageUrl)).toEqual([false, false, false, false]);
});

describe("headers", () => {
  test.each<[string, string, string?]>([
    ["Kode Produk", "sku"], ["SKU Name", "sku"], ["Kode Produk (SKU)", "sku"], ["Nama Produk*", "name"], ["Harga (Rp)*", "price"],
    ["HARGA_RP", "price"], ["Berat* (Gram)", "weight"], ["Berat (kg)", "weight", "kg"], ["berat [kg]", "weight", "kg"],
    ["Harga (ribu)", "price", "ribu"], ["Jumlah Stok*", "stock"], ["Kode Kategori*", "category"], ["Foto Produk 1*", "images"],
    ["gambar 5", "images"], ["Minimum Pemesanan*", "min_order"], ["min_order", "min_order"], ["Nomor Etalase", "etalase"],
    ["Deskripsi Produk", "description"], ["Kondisi*", "condition"], ["Status*", "status"], ["image url", "images"],
  ])("%j -> %s %s", (header, field, unit) => {
    expect(lookupHeader(header)).toEqual(unit === undefined ? { field } : { field, unit });
  });

  test("unknown headers get a suggestion only when close", () => {
    expect(suggestHeader("hraga")).toBe("harga");
    expect(suggestHeader("kategory")).toBe("kategori");
    expect(suggestHeader("warna")).toBeUndefined();
    expect(lookupHeader("")).toBeUndefined();
  });

  test("mapHeader: duplicates (not image columns) and missing fields", () => {
    const map = mapHeader(["sku", "nama", "harga", "price", "stok", "berat", "foto 1", "foto 2", "", "catatan"]);
    expect(map.duplicates.map((d) => [d.spec.header, d.first.header])).toEqual([["price", "harga"]]);
    expect(map.images.map((s) => s.index)).toEqual([6, 7]);
    expect(map.missing).toEqual([]);
    expect(map.unknown.map((u) => u.header)).toEqual(["catatan"]);
  });
});

test("delimiter sniffing", () => {
  expect(sniffDelimiter("a;b;c\n1;2,5;3\n4;5,5;6\n")).toBe(";");
  expect(sniffDelimiter("a,b,c\n1,\"x;y\",3\n")).toBe(",");
  expect(sniffDelimiter("Katalog 2021\na\tb\tc\n1\t2\t3\n")).toBe("\t");
  expect(sniffDelimiter("a|b|c\n1|2,5|3\n")).toBe("|");
  expect(readSepLine("sep=;\r\na;b\n")).toEqual({ delimiter: ";", rest: "a;b\n" });
  expect(readSepLine("sku,nama\n")).toBeUndefined();
});

test("key table remembers first lines and survives growth", () => {
  const table = new KeyLineTable();
  for (let i = 1; i <= 5000; i++) expect(table.firstLine(hash53(`SKU-${i}`), i)).toBe(0);
  expect(table.firstLine(hash53("SKU-1234"), 9000)).toBe(1234);
  expect(hash53("a")).not.toBe(hash53("b"));
  expect(Number.isSafeInteger(hash53("kopi"))).toBe(true);
});
