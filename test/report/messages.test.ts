import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../../src/issues.js";
import { LANGS } from "../../src/i18n.js";
import { formatIssue, formatLocation } from "../../src/report/messages.js";
import { FULL_ARGS, makeIssue } from "./builders.js";

const BROKEN = /undefined|NaN|null|\[object|\$\{/;

describe("formatIssue wording", () => {
  for (const code of ISSUE_CODES) {
    for (const lang of LANGS) {
      it(`${code} (${lang}) has a message and a hint, with and without facts`, () => {
        const bare = formatIssue({ code, severity: "error", file: "x.csv" }, lang);
        const full = formatIssue(makeIssue({ code, value: "12,5", args: FULL_ARGS }), lang);
        for (const { message, hint } of [bare, full]) {
          expect(message.trim().length).toBeGreaterThan(5);
          expect(hint.trim().length).toBeGreaterThan(5);
          expect(message).not.toMatch(BROKEN);
          expect(hint).not.toMatch(BROKEN);
          expect(message).not.toMatch(/\s{2}|\s$/);
        }
      });
    }
    it(`${code} is worded differently in Indonesian and English`, () => {
      const issue = makeIssue({ code, args: FULL_ARGS });
      expect(formatIssue(issue, "id").message).not.toBe(formatIssue(issue, "en").message);
    });
  }

  it("SHEET_NOT_FOUND names the missing sheet and lists the workbook's sheets in the message (args as read-xlsx gives them)", () => {
    const issue = makeIssue({ code: "SHEET_NOT_FOUND", file: "k.xlsx", line: undefined, column: undefined, value: "Nope", args: { sheet: "Nope", sheets: "Sheet1, Produk" } });
    expect(formatIssue(issue, "en").message).toBe('There is no sheet "Nope" in this workbook; sheets: Sheet1, Produk');
    expect(formatIssue(issue, "id").message).toBe('Tidak ada lembar "Nope" di buku kerja ini; lembar yang ada: Sheet1, Produk');
    expect(formatIssue(issue, "en").hint).toMatch(/--sheet NAME/);
    const empty = makeIssue({ code: "SHEET_NOT_FOUND", file: "k.xlsx", line: undefined, column: undefined, value: undefined, args: { sheet: "", sheets: "" } });
    expect(formatIssue(empty, "en").message).toBe("This workbook has no sheets");
    expect(formatIssue(empty, "id").message).toBe("Buku kerja ini tidak punya lembar");
    expect(formatIssue(empty, "en").hint).not.toMatch(/--sheet/);
  });

  it("EMPTY_FILE with reason header_only says there is a header but no product rows (file or sheet)", () => {
    const csv = makeIssue({ code: "EMPTY_FILE", line: 1, column: undefined, value: undefined, args: { reason: "header_only" } });
    expect(formatIssue(csv, "en").message).toBe("This file has a header row but no product rows");
    expect(formatIssue(csv, "id").message).toBe("Berkas ini punya baris judul tetapi tidak ada baris produk");
    expect(formatIssue(csv, "en").hint).toMatch(/below the header row/);
    const sheet = { ...csv, sheet: "Produk" };
    expect(formatIssue(sheet, "en").message).toBe("This sheet has a header row but no product rows");
    expect(formatIssue(sheet, "id").message).toBe("Lembar ini punya baris judul tetapi tidak ada baris produk");
    const empty = makeIssue({ code: "EMPTY_FILE", line: 1, column: undefined, value: undefined });
    expect(formatIssue(empty, "en").message).toBe("This file is empty: it has no product rows");
  });

  it("FORMULA_IN_CELL names the text cell and the leading character to remove", () => {
    const issue = makeIssue({ code: "FORMULA_IN_CELL", column: "nama", value: "=HYPERLINK(1)", args: { field: "name", start: "=" } });
    expect(formatIssue(issue, "en").message).toBe('Product name "=HYPERLINK(1)" looks like a spreadsheet formula, which could run when the file is opened in Excel');
    expect(formatIssue(issue, "id").message).toBe('Nama produk "=HYPERLINK(1)" terlihat seperti rumus spreadsheet, yang bisa berjalan saat berkas dibuka di Excel');
    expect(formatIssue(issue, "en").hint).toBe("Remove the leading = (or write the text without it)");
    const plus = makeIssue({ code: "FORMULA_IN_CELL", column: "deskripsi", value: "+cmd|calc!A1", args: { field: "description", start: "+" } });
    expect(formatIssue(plus, "en").message).toMatch(/^Description "\+cmd/);
    expect(formatIssue(plus, "id").hint).toBe("Hapus tanda + di awal (atau tulis teksnya tanpa tanda itu)");
  });

  it("SCRIPT_IN_TEXT names the cell's field and what was found", () => {
    const issue = makeIssue({ code: "SCRIPT_IN_TEXT", column: "deskripsi", value: "<script>x</script>", args: { field: "description", found: "<script" } });
    expect(formatIssue(issue, "en").message).toBe("Description contains a script (<script): marketplaces strip scripts or refuse the listing");
    expect(formatIssue(issue, "id").message).toBe("Deskripsi berisi skrip (<script): marketplace membuang skrip atau menolak produknya");
    expect(formatIssue(issue, "en").hint).toMatch(/plain text/);
  });

  it("CATEGORY_NOT_FOUND with need=code says a numeric code (or a categories map) is needed", () => {
    const issue = makeIssue({ code: "CATEGORY_NOT_FOUND", column: "kategori", value: "Kopi", args: { need: "code" } });
    expect(formatIssue(issue, "en").message).toBe('Category "Kopi" is not a category code: this marketplace (the bulk-upload file) takes only a numeric Kode Kategori');
    expect(formatIssue(issue, "id").message).toBe('Kategori "Kopi" bukan kode kategori: marketplace ini (berkas unggah massal) hanya menerima Kode Kategori berupa angka');
    expect(formatIssue(issue, "en").hint).toMatch(/"categories": \{"Kopi": 1760\}/);
    const plain = makeIssue({ code: "CATEGORY_NOT_FOUND", column: "kategori", value: "Kopi" });
    expect(formatIssue(plain, "en").message).toBe('Category "Kopi" does not exist on the marketplace');
  });

  it("FILE_TYPE_MISMATCH without an expected kind is a whole sentence in both languages", () => {
    const issue = makeIssue({ code: "FILE_TYPE_MISMATCH", line: 1, column: undefined, value: undefined, args: { actual: "csv" } });
    expect(formatIssue(issue, "en").message).toBe("This file is really CSV text, not what its name says");
    expect(formatIssue(issue, "id").message).toBe("Isi berkas ini teks CSV, tidak sesuai dengan akhiran namanya");
  });

  it("names the value and says how to write a price", () => {
    const issue = makeIssue({ code: "AMBIGUOUS_NUMBER", value: "12,5", column: "harga" });
    expect(formatIssue(issue, "id").message).toContain('Harga "12,5"');
    expect(formatIssue(issue, "id").hint).toContain("12500");
    expect(formatIssue(issue, "en").message).toContain('Price "12,5"');
  });

  it("uses the weight hint for an ambiguous weight (field told by args or by header)", () => {
    expect(formatIssue(makeIssue({ code: "AMBIGUOUS_NUMBER", column: "berat (kg)" }), "en").hint).toMatch(/kg/);
    expect(formatIssue(makeIssue({ code: "AMBIGUOUS_NUMBER", column: "x", args: { field: "weight" } }), "id").hint).toMatch(/gram/);
  });

  it("puts lengths, ranges, suggestions and lines into the sentence", () => {
    expect(formatIssue(makeIssue({ code: "NAME_TOO_LONG", args: { length: 83, max: 70 } }), "en").message).toMatch(/83 characters, at most 70/);
    expect(formatIssue(makeIssue({ code: "PRICE_OUT_OF_RANGE", value: "50", args: { min: 100, max: 100_000_000 } }), "id").message).toContain("Rp 100 sampai Rp 100.000.000");
    expect(formatIssue(makeIssue({ code: "UNKNOWN_COLUMN", column: "hraga", args: { suggestion: "harga" } }), "en").hint).toContain('"harga"');
    expect(formatIssue(makeIssue({ code: "DUPLICATE_SKU", value: "A1", args: { lines: "4,9" } }), "en").message).toContain("lines 4, 9");
    expect(formatIssue(makeIssue({ code: "MISSING_COLUMN", line: undefined, column: undefined, args: { field: "price" } }), "id").message).toContain('"harga"');
  });

  it("words the pipeline's reason codes and never prints an unknown one raw", () => {
    expect(formatIssue(makeIssue({ code: "MALFORMED_CSV", args: { reason: "unclosed_quote" } }), "id").message).toMatch(/kutip/);
    expect(formatIssue(makeIssue({ code: "MALFORMED_CSV", args: { reason: "extra_cells", expected: 12, actual: 14 } }), "en").message).toMatch(/14 cells .* 12 columns/);
    expect(formatIssue(makeIssue({ code: "INVALID_WEIGHT", args: { reason: "unit" } }), "en").message).toMatch(/unit/);
    expect(formatIssue(makeIssue({ code: "INVALID_SKU", args: { reason: "length", length: 61, max: 50 } }), "id").message).toMatch(/61 karakter, maksimal 50/);
    expect(formatIssue(makeIssue({ code: "INVALID_PRICE", args: { reason: "some_new_reason" } }), "en").message).not.toMatch(/some_new_reason/);
  });

  it("says what an out-of-range cell was read as", () => {
    const issue = makeIssue({ code: "WEIGHT_OUT_OF_RANGE", value: "600 kg", args: { min: 1, max: 500_000, grams: 600_000 } });
    expect(formatIssue(issue, "id").message).toContain("dibaca sebagai 600.000 gram");
  });

  it("closes the 'read as' clause with a comma in both languages", () => {
    const weight = makeIssue({ code: "WEIGHT_OUT_OF_RANGE", value: "0", args: { min: 1, max: 500_000, grams: 0 } });
    expect(formatIssue(weight, "id").message).toMatch(/^Berat "0" dibaca sebagai 0 gram, di luar batas marketplace/);
    expect(formatIssue(weight, "en").message).toMatch(/^Weight "0", read as 0 g, is outside/);
    const price = makeIssue({ code: "PRICE_OUT_OF_RANGE", value: "50", args: { min: 100, max: 100_000_000, price: 50 } });
    expect(formatIssue(price, "id").message).toMatch(/dibaca sebagai Rp ?50, di luar batas/);
  });

  it("an unknown column without a suggestion names known headers and the template command, not the README", () => {
    for (const lang of ["id", "en"] as const) {
      const { hint } = formatIssue(makeIssue({ code: "UNKNOWN_COLUMN", column: "Catatan" }), lang);
      expect(hint).not.toMatch(/README/);
      expect(hint).toContain('"Kode Produk"');
      expect(hint).toMatch(/desbumi template (katalog|catalog)\.csv/);
    }
  });

  it("a ragged row says the header 'only has' its columns in Indonesian", () => {
    const { message } = formatIssue(makeIssue({ code: "MALFORMED_CSV", args: { reason: "extra_cells", expected: 12, actual: 14 } }), "id");
    expect(message).toContain("baris ini punya 14 sel, padahal baris judul hanya punya 12 kolom");
  });

  it("cuts a long list of duplicate lines", () => {
    const lines = Array.from({ length: 300 }, (_, i) => i + 2).join(", ");
    const { message } = formatIssue(makeIssue({ code: "DUPLICATE_SKU", value: "A1", args: { lines, count: 300 } }), "en");
    expect(message).toContain("lines 2, 3, 4, 5, 6, 7, 8, 9, … (300)");
  });

  it("shortens a very long value", () => {
    const { message } = formatIssue(makeIssue({ code: "INVALID_PRICE", value: "9".repeat(500) }), "en");
    expect(message.length).toBeLessThan(150);
  });
});

describe("formatLocation", () => {
  it.each([
    [{ file: "catalog.csv", line: 14 }, "catalog.csv:14"],
    [{ file: "catalog.csv", line: undefined }, "catalog.csv"],
    [{ file: "catalog.xlsx", line: 14, sheet: "Sheet1", cell: "D14" }, "catalog.xlsx Sheet1!D14"],
    [{ file: "catalog.xlsx", line: 14, sheet: "Stok Juni", cell: "D14" }, "catalog.xlsx 'Stok Juni'!D14"],
    [{ file: "catalog.xlsx", line: 7, sheet: "Sheet1" }, "catalog.xlsx Sheet1!7:7"],
  ])("%o -> %s", (where, expected) => {
    expect(formatLocation(makeIssue(where))).toBe(expected);
  });
});
