// The one place with the wording of catalogue issues, in Bahasa Indonesia and English.
// Written for village facilitators, not developers: say what is wrong with the cell and how to
// write it instead. Every IssueCode must have an entry (the Record type enforces it).
import type { Issue, IssueCode } from "../issues.js";
import type { Lang } from "../i18n.js";
import { SHOPEE_WORDING } from "./messages-shopee.js";
import { INIT_WORDING } from "./messages-init.js";
import { CATALOG_V2_WORDING } from "./messages-catalog-v2.js";
import { groupDigits, listOf, readFacts, rupiah, type Facts, type FieldName } from "./facts.js";
import { SHOP_WORDING } from "./messages-shop.js";
import { TIKTOK_WORDING } from "./messages-tiktok.js";
import { PHOTO_WORDING } from "./messages-photos.js";
import { XLSX_WORDING } from "./messages-xlsx.js";
import { safeIssue } from "./terminal-safe.js";

export type Say = (f: Facts) => string;
export interface Wording {
  message: { id: Say; en: Say };
  hint: { id: Say; en: Say };
}

/** How each field is usually headed, to suggest a header (Indonesian first, English second). */
const FIELD_HEADER: Record<FieldName, { id: string; en: string }> = {
  sku: { id: "kode produk", en: "sku" },
  name: { id: "nama produk", en: "name" },
  description: { id: "deskripsi", en: "description" },
  price: { id: "harga", en: "price" },
  stock: { id: "stok", en: "stock" },
  weight: { id: "berat (gram)", en: "weight" },
  category: { id: "kategori", en: "category" },
  condition: { id: "kondisi", en: "condition" },
  status: { id: "status", en: "status" },
  min_order: { id: "minimum pemesanan", en: "min order" },
  etalase: { id: "etalase", en: "etalase" },
  images: { id: "foto", en: "images" },
};

const FIELD_EXAMPLE: Partial<Record<FieldName, { id: string; en: string }>> = {
  sku: { id: "misalnya MUIWO-001", en: "e.g. MUIWO-001" },
  name: { id: "misalnya Masker Kain Batik", en: "e.g. Masker Kain Batik" },
  price: { id: "dalam rupiah, misalnya 25000 atau Rp 25.000", en: "in rupiah, e.g. 25000 or Rp 25.000" },
  stock: { id: "misalnya 10", en: "e.g. 10" },
  weight: { id: "misalnya 250 gr atau 0,5 kg", en: "e.g. 250 gr or 0,5 kg" },
  images: { id: "dengan tautan https://...", en: "with a https://... link" },
  description: { id: "dengan deskripsi singkat produk (marketplace ini mewajibkannya)", en: "with a short product description (this marketplace requires one)" },
  category: { id: "dengan nomor atau nama kategori", en: "with a category number or name" },
};

const PRICE_HINT = {
  id: "Tulis harga dalam rupiah utuh, misalnya 12500 atau Rp 12.500",
  en: "Write the price in whole rupiah, e.g. 12500 or Rp 12.500",
};
const WEIGHT_HINT = {
  id: "Tulis berat dengan satuan, misalnya 250 gr, 1500 gram, 0,5 kg atau 2 ons (angka tanpa satuan dibaca sebagai gram)",
  en: "Write the weight with its unit, e.g. 250 gr, 1500 gram, 0,5 kg or 2 ons (a bare number means grams)",
};
const STOCK_HINT = {
  id: "Tulis stok sebagai angka utuh 0 atau lebih, misalnya 10 atau 1500",
  en: "Write the stock as a whole number of 0 or more, e.g. 10 or 1500",
};

const sp = (s: string): string => (s ? ` ${s}` : "");
const range = (f: Facts, lang: Lang, show: (n: number) => string): string => {
  const min = f.num("min");
  const max = f.num("max");
  if (min !== undefined && max !== undefined) return lang === "id" ? `${show(min)} sampai ${show(max)}` : `${show(min)} to ${show(max)}`;
  if (max !== undefined) return lang === "id" ? `paling banyak ${show(max)}` : `at most ${show(max)}`;
  if (min !== undefined) return lang === "id" ? `paling sedikit ${show(min)}` : `at least ${show(min)}`;
  return "";
};
const rowName = (f: Facts, none: string, word: string): string => {
  const row = f.num("row") ?? f.issue.line;
  return row === undefined ? none : `${word} ${row}`;
};
const inBrackets = (s: string): string => (s ? ` (${s})` : "");
const lengthFacts = (f: Facts, lang: Lang, unit: string): string => {
  const length = f.num("length") ?? f.num("count");
  const max = f.num("max");
  const parts: string[] = [];
  if (length !== undefined) parts.push(`${groupDigits(length, lang)} ${unit}`);
  if (max !== undefined) parts.push(lang === "id" ? `maksimal ${groupDigits(max, lang)}` : `at most ${groupDigits(max, lang)}`);
  return parts.length > 0 ? `: ${parts.join(", ")}` : "";
};
const linesFact = (f: Facts, lang: Lang): string => {
  const lines = listOf(f.text("lines"));
  const unit = f.issue.sheet === undefined ? "line" : "row";
  const more = f.num("more");
  if (lines && more !== undefined && more > 0) {
    return lang === "id" ? ` (baris ${lines} dan ${groupDigits(more, "id")} baris lain)` : ` (${unit}s ${lines} and ${groupDigits(more, "en")} more)`;
  }
  if (lines) return lang === "id" ? ` (baris ${lines})` : ` (${unit}s ${lines})`;
  const first = f.num("firstLine");
  if (first !== undefined) return lang === "id" ? ` (pertama di baris ${first})` : ` (first on ${unit} ${first})`;
  return "";
};
/** "Rows 4, 5" / "Baris 4, 5" for TEMPLATE_ROWS_SKIPPED (the issue's own line when no list). */
const noteRows = (f: Facts, lang: Lang): string => {
  const lines = listOf(f.text("lines")) ?? (f.issue.line !== undefined ? String(f.issue.line) : undefined);
  if (lang === "id") return lines ? `Baris ${lines}` : "Beberapa baris";
  const unit = f.issue.sheet === undefined ? "Line" : "Row";
  if (!lines) return `Some ${unit.toLowerCase()}s`;
  return f.num("count") === 1 ? `${unit} ${lines}` : `${unit}s ${lines}`;
};
const FILE_KIND: Record<string, { id: string; en: string }> = {
  csv: { id: "teks CSV", en: "CSV text" },
  xlsx: { id: "buku kerja Excel (.xlsx)", en: "an Excel workbook (.xlsx)" },
  xls: { id: "buku kerja Excel lama (.xls)", en: "an old Excel workbook (.xls)" },
  ods: { id: "lembar kerja LibreOffice Calc (.ods)", en: "a LibreOffice Calc spreadsheet (.ods)" },
  damaged: { id: "berkas .xlsx yang rusak atau tidak lengkap", en: "a damaged or incomplete .xlsx workbook" },
  zip: { id: "arsip zip tanpa buku kerja di dalamnya", en: "a zip archive with no workbook inside" },
  pdf: { id: "dokumen PDF", en: "a PDF document" },
  binary: { id: "data biner (misalnya gambar atau program), bukan teks atau spreadsheet", en: "binary data (such as an image or a program), not text or a spreadsheet" },
  fods: { id: "lembar kerja XML datar LibreOffice (.fods)", en: "a LibreOffice flat XML spreadsheet (.fods)" },
  xml: { id: "dokumen XML", en: "an XML document" },
  json: { id: "data JSON", en: "JSON data" },
};
const fileKind = (kind: string | undefined, lang: Lang): string =>
  kind === undefined ? "" : (FILE_KIND[kind.toLowerCase().replace(/^\./, "")]?.[lang] ?? kind);
/** Kinds desbumi cannot read at all: said as such even when the name does not pretend otherwise. */
const UNREADABLE_KINDS = new Set(["xls", "ods", "damaged", "zip", "pdf", "binary", "fods", "xml", "json"]);
const fileTypeMessage = (f: Facts, lang: Lang): string => {
  const actual = f.text("actual")?.toLowerCase();
  const expected = f.text("expected");
  const what = fileKind(actual, lang);
  const words = lang === "id"
    ? { is: "Berkas ini adalah", really: "Isi berkas ini", other: "tidak sesuai", not: (e: string) => `, bukan ${e} seperti nama berkasnya`, notName: "tidak sesuai dengan akhiran namanya", reads: "; desbumi hanya membaca katalog .xlsx dan CSV" }
    : { is: "This file is", really: "This file is really", other: "something else", not: (e: string) => `, not ${e} as its name says`, notName: "not what its name says", reads: "; desbumi reads only .xlsx and CSV catalogues" };
  // A damaged .xlsx is what its name says, only broken: no "not an .xlsx" clause.
  if (actual === "damaged") return `${words.is} ${what}`;
  if (expected) return `${words.really} ${what || words.other}${words.not(fileKind(expected, lang))}`;
  if (actual !== undefined && UNREADABLE_KINDS.has(actual)) return `${words.is} ${what}${words.reads}`;
  // NOTE: "tidak sesuai" is already the whole Indonesian clause when the kind is unknown.
  if (!what) return lang === "id" ? `${words.really} ${words.notName}` : `${words.really} ${words.other}, ${words.notName}`;
  return `${words.really} ${what}, ${words.notName}`;
};
/** What to do about each kind; others get the generic "save it as .xlsx or CSV". */
const FILE_TYPE_HINT: Record<string, { id: string; en: string }> = {
  damaged: {
    id: "Unduh atau salin lagi berkasnya, atau buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx (File > Simpan Sebagai)",
    en: "Download or copy the file again, or open it in Excel or LibreOffice and save it again as .xlsx (File > Save As)",
  },
  zip: {
    id: "Ekstrak arsipnya lalu pakai berkas katalog di dalamnya (.xlsx atau CSV)",
    en: "Unzip it and use the catalogue file inside (.xlsx or CSV)",
  },
  ods: {
    id: "Buka di LibreOffice Calc lalu simpan sebagai .xlsx atau CSV (File > Simpan Sebagai, pilih Excel 2007-365 (.xlsx) atau Teks CSV)",
    en: "Open it in LibreOffice Calc and save it as .xlsx or CSV (File > Save As, choose Excel 2007-365 (.xlsx) or Text CSV)",
  },
  fods: {
    id: "Buka di LibreOffice Calc lalu simpan sebagai .xlsx atau CSV (File > Simpan Sebagai, pilih Excel 2007-365 (.xlsx) atau Teks CSV)",
    en: "Open it in LibreOffice Calc and save it as .xlsx or CSV (File > Save As, choose Excel 2007-365 (.xlsx) or Text CSV)",
  },
  json: {
    id: "Ekspor datanya sebagai CSV dari program yang membuatnya, atau salin ke katalog kosong dari: desbumi template katalog.xlsx",
    en: "Export the data as CSV from the program that made it, or copy it into an empty catalogue from: desbumi template catalog.xlsx",
  },
  pdf: {
    id: "PDF tidak bisa dibaca kembali sebagai tabel: buka spreadsheet asal PDF itu lalu simpan sebagai .xlsx atau CSV",
    en: "A PDF cannot be read back as a table: open the spreadsheet the PDF was made from and save it as .xlsx or CSV",
  },
  binary: {
    id: "Periksa apakah berkasnya benar: katalog adalah spreadsheet yang disimpan sebagai .xlsx atau CSV",
    en: "Check that you picked the catalogue: a spreadsheet saved as .xlsx or CSV",
  },
};
const fileTypeHint = (f: Facts, lang: Lang): string =>
  FILE_TYPE_HINT[f.text("actual")?.toLowerCase() ?? ""]?.[lang] ??
  (lang === "id"
    ? "Buka berkas di spreadsheet lalu simpan sebagai .xlsx atau CSV UTF-8 (File > Simpan Sebagai), atau perbaiki akhiran namanya"
    : "Open it in a spreadsheet and save it as .xlsx or CSV UTF-8 (File > Save As), or fix the file name's ending");
const MIN_ORDER_HINT = {
  id: "Tulis angka utuh mulai dari 1, atau kosongkan (berarti 1)",
  en: "Write a whole number from 1, or leave it empty (means 1)",
};
const fieldHint = (f: Facts, lang: Lang): string => {
  if (f.field === "price") return PRICE_HINT[lang];
  if (f.field === "weight") return WEIGHT_HINT[lang];
  if (f.field === "min_order") return MIN_ORDER_HINT[lang];
  return STOCK_HINT[lang];
};
/** A few headers the reader knows, for a facilitator without the README. */
const KNOWN_HEADERS = '"Kode Produk", "Nama Produk", "Harga", "Stok", "Berat (gram)", "Foto"';
/** Pipeline reason codes (`args.reason`) in words; an unknown code is left out, never shown raw. */
const REASON: Record<string, { id: Say; en: Say }> = {
  unclosed_quote: { id: () => 'ada tanda kutip (") yang tidak ditutup', en: () => 'a quote (") is never closed' },
  quote: { id: () => 'tanda kutip (") salah tempat', en: () => 'a quote (") is in the wrong place' },
  record_too_large: { id: () => "satu baris terlalu besar (mungkin tanda kutip tidak ditutup)", en: () => "one row is far too large (maybe a quote is never closed)" },
  syntax: { id: () => "susunannya tidak bisa dibaca", en: () => "its layout cannot be read" },
  extra_cells: {
    id: (f) => `baris ini punya ${f.num("actual") ?? "lebih banyak"} sel, padahal baris judul hanya punya ${f.num("expected") ?? "lebih sedikit"} kolom`,
    en: (f) => `this row has ${f.num("actual") ?? "more"} cells but the header has ${f.num("expected") ?? "fewer"} ${f.num("expected") === 1 ? "column" : "columns"}`,
  },
  encoding: {
    id: (f) => `ada byte yang tidak sah untuk ${f.text("encoding") ?? "encoding berkas"}`,
    en: (f) => `it has bytes that are not valid ${f.text("encoding") ?? "for its encoding"}`,
  },
  fraction: { id: () => "ada pecahan, padahal harus angka utuh", en: () => "it has a fraction, but it must be a whole number" },
  number: { id: () => "angkanya negatif atau tidak sah", en: () => "the number is negative or not a number" },
  unit: { id: () => "satuannya tidak dikenal (pakai gr, gram, kg atau ons)", en: () => "the unit is not known (use gr, gram, kg or ons)" },
  chars: { id: () => 'hanya boleh huruf, angka, "-", "_" dan "."', en: () => 'only letters, digits, "-", "_" and "." are allowed' },
  length: {
    id: (f) => `${f.num("length") ?? "terlalu banyak"} karakter, maksimal ${f.num("max") ?? 50}`,
    en: (f) => `${f.num("length") ?? "too many"} characters, at most ${f.num("max") ?? 50}`,
  },
};
const because = (f: Facts, lang: Lang): string => {
  const reason = f.text("reason");
  const say = reason === undefined ? undefined : REASON[reason];
  return say ? `: ${say[lang](f)}` : "";
};
/** What the pipeline read the cell as, when it says so (`500 kg` -> 500.000 gram). */
const readAs = (f: Facts, lang: Lang, name: string, show: (n: number) => string): string => {
  const n = f.num(name);
  if (n === undefined) return "";
  // The comma closes the clause: "Berat "0" dibaca sebagai 0 gram, di luar batas ...".
  return lang === "id" ? ` dibaca sebagai ${show(n)},` : `, read as ${show(n)},`;
};
const sheetName = (f: Facts): string => {
  const name = f.text("sheet") ?? f.issue.sheet ?? f.issue.value;
  return name === undefined ? "" : `"${name}"`;
};
/** `"Produk" ` (with the space before the next word), or "" when the name is unknown. */
const quoteName = (name: string | undefined): string => (name ? `"${name}" ` : "");
/** The workbook's sheet names as the reader lists them (`sheets`; older callers say `available`). */
const sheetList = (f: Facts): string => listOf(f.text("sheets") ?? f.text("available")) ?? "";
const categoryCandidates = (f: Facts, lang: Lang): string => {
  const c = f.text("candidates");
  if (!c) return "";
  const list = c.split(/\s*[;|\n]\s*/).filter(Boolean).join("; ");
  return lang === "id" ? `Mungkin maksudnya: ${list}. ` : `Perhaps you meant: ${list}. `;
};

/** The text cell an issue is about, as the start of a sentence. */
/**
 * The search to run for a category that was not found: its first word (a search matches names
 * that contain it, so "Batik" finds "Batik Cap" where "Batik Tulis" finds nothing), else the tree.
 */
const categorySearch = (f: Facts): string => {
  const word = (f.issue.value ?? "").split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 3);
  return word ? `desbumi categories "${word}"` : "desbumi categories";
};
const TEXT_LABEL: Partial<Record<FieldName, { id: string; en: string }>> = {
  name: { id: "Nama produk", en: "Product name" },
  description: { id: "Deskripsi", en: "Description" },
  category: { id: "Kategori", en: "Category" },
  etalase: { id: "Etalase", en: "Etalase" },
};
const textLabel = (f: Facts, lang: Lang): string => (f.field ? TEXT_LABEL[f.field]?.[lang] : undefined) ?? (lang === "id" ? "Isi sel ini" : "This cell");

export const WORDING: Record<IssueCode, Wording> = {
  ...TIKTOK_WORDING,
  ...PHOTO_WORDING,
  ...INIT_WORDING,
  ...XLSX_WORDING,
  ...CATALOG_V2_WORDING,
  MALFORMED_CSV: {
    message: {
      id: (f) => `Susunan CSV rusak di sini${because(f, "id")}`,
      en: (f) => `The CSV layout is broken here${because(f, "en")}`,
    },
    hint: {
      id: () => 'Cari tanda kutip (") yang tidak ditutup atau sel yang berlebih di baris ini, atau buka berkas di spreadsheet lalu simpan ulang sebagai CSV',
      en: () => 'Look for an unclosed quote (") or extra cells in this row, or open the file in a spreadsheet and save it again as CSV',
    },
  },
  DECIMAL_COMMA_SPLIT: {
    message: {
      id: (f) =>
        `Koma desimal tanpa tanda kutip di ${f.text("joined") ? `"${f.text("joined")}"` : "sel ini"} memecah baris: baris ini punya ${f.num("actual") ?? "lebih banyak"} sel, padahal baris judul ${f.num("expected") ?? "lebih sedikit"} kolom`,
      en: (f) =>
        `An unquoted decimal comma in ${f.text("joined") ? `"${f.text("joined")}"` : "this cell"} splits the row: it has ${f.num("actual") ?? "more"} cells but the header has ${f.num("expected") ?? "fewer"} columns`,
    },
    hint: {
      id: (f) =>
        `Beri tanda kutip pada selnya ("${f.text("joined") ?? "0,5 kg"}"), atau simpan CSV dengan pemisah titik koma (;) — di Excel: Simpan Sebagai "CSV (dipisahkan titik koma)" atau .xlsx`,
      en: (f) =>
        `Put the cell in quotes ("${f.text("joined") ?? "0,5 kg"}"), or save the CSV with semicolons (;) as separator — in Excel: Save As "CSV (semicolon delimited)", or save as .xlsx`,
    },
  },
  ENCODING_GUESSED: {
    message: {
      id: (f) => `Berkas ini bukan UTF-8; dibaca sebagai ${f.text("encoding") ?? "Windows-1252"}`,
      en: (f) => `This file is not UTF-8; it was read as ${f.text("encoding") ?? "Windows-1252"}`,
    },
    hint: {
      id: () => 'Periksa huruf khusus (é, “ ”) di hasilnya; sebaiknya simpan sebagai "CSV UTF-8" di Excel',
      en: () => 'Check special letters (é, “ ”) in the result; better, save the file as "CSV UTF-8" in Excel',
    },
  },
  EMPTY_FILE: {
    message: {
      id: (f) =>
        f.text("reason") === "header_only"
          ? `${f.issue.sheet === undefined ? "Berkas" : "Lembar"} ini punya baris judul tetapi tidak ada baris produk`
          : "Berkas ini kosong: tidak ada baris produk",
      en: (f) =>
        f.text("reason") === "header_only"
          ? `This ${f.issue.sheet === undefined ? "file" : "sheet"} has a header row but no product rows`
          : "This file is empty: it has no product rows",
    },
    hint: {
      id: (f) =>
        f.text("reason") === "header_only"
          ? "Tambahkan minimal satu baris produk di bawah baris judul (atau pilih berkas atau lembar yang berisi produk)"
          : "Isi baris judul kolom dan minimal satu baris produk di bawahnya (contoh: desbumi template katalog.csv)",
      en: (f) =>
        f.text("reason") === "header_only"
          ? "Add at least one product row below the header row (or pick the file or sheet that holds the products)"
          : "Add a header row and at least one product row below it (example: desbumi template catalog.csv)",
    },
  },
  FILE_TYPE_MISMATCH: {
    message: { id: (f) => fileTypeMessage(f, "id"), en: (f) => fileTypeMessage(f, "en") },
    hint: { id: (f) => fileTypeHint(f, "id"), en: (f) => fileTypeHint(f, "en") },
  },
  SHEET_NOT_FOUND: {
    message: {
      id: (f) => {
        const name = sheetName(f);
        const sheets = sheetList(f);
        if (!name) return sheets ? `Lembar yang diminta tidak ada di buku kerja ini; lembar yang ada: ${sheets}` : "Buku kerja ini tidak punya lembar";
        return `Tidak ada lembar ${name} di buku kerja ini${sheets ? `; lembar yang ada: ${sheets}` : ""}`;
      },
      en: (f) => {
        const name = sheetName(f);
        const sheets = sheetList(f);
        if (!name) return sheets ? `The sheet asked for is not in this workbook; sheets: ${sheets}` : "This workbook has no sheets";
        return `There is no sheet ${name} in this workbook${sheets ? `; sheets: ${sheets}` : ""}`;
      },
    },
    hint: {
      id: (f) =>
        !sheetName(f) && !sheetList(f)
          ? "Buka berkas di Excel atau LibreOffice, taruh katalog di satu lembar, lalu simpan lagi"
          : `Pilih ${sheetList(f) ? "salah satunya" : "lembar"} dengan --sheet NAMA (nama seperti tertulis di tab lembar), atau hapus --sheet untuk memakai lembar pertama`,
      en: (f) =>
        !sheetName(f) && !sheetList(f)
          ? "Open the file in Excel or LibreOffice, put the catalogue on a sheet and save it again"
          : `Choose ${sheetList(f) ? "one of them" : "a sheet"} with --sheet NAME (the name as shown on the sheet's tab), or leave out --sheet to use the first sheet`,
    },
  },
  TEMPLATE_ROWS_SKIPPED: {
    message: {
      id: (f) => `${noteRows(f, "id")} di bawah judul kolom berisi petunjuk template (Wajib/Opsional, penjelasan kolom), jadi tidak dibaca sebagai produk`,
      en: (f) => `${noteRows(f, "en")} below the header hold the template's guidance (Wajib/Opsional, column notes), so they were not read as products`,
    },
    hint: {
      id: () => "Tidak perlu diubah. Jika salah satunya memang produk, isi kode produk (SKU) dan harganya dengan angka",
      en: () => "Nothing to do. If one of them is a product, fill in its product code (SKU) and its price as a number",
    },
  },
  SHEET_GUESSED: {
    message: {
      id: (f) =>
        f.num("example") === 1
          ? `Lembar pertama ${quoteName(f.text("first"))}tampaknya contoh atau petunjuk, jadi lembar ${quoteName(f.text("sheet") ?? f.issue.sheet)}yang dibaca`
          : `Lembar pertama ${quoteName(f.text("first"))}tidak punya baris judul katalog, jadi lembar ${quoteName(f.text("sheet") ?? f.issue.sheet)}yang dibaca`,
      en: (f) =>
        f.num("example") === 1
          ? `The first sheet ${quoteName(f.text("first"))}looks like an example or instructions, so sheet ${quoteName(f.text("sheet") ?? f.issue.sheet)}was read`
          : `The first sheet ${quoteName(f.text("first"))}has no catalogue header, so sheet ${quoteName(f.text("sheet") ?? f.issue.sheet)}was read`,
    },
    hint: {
      id: (f) => `Sebut lembarnya dengan --sheet NAMA${f.text("sheet") ? ` (di sini: --sheet "${f.text("sheet")}")` : ""}, atau taruh katalog di lembar pertama`,
      en: (f) => `Name the sheet to read with --sheet NAME${f.text("sheet") ? ` (here: --sheet "${f.text("sheet")}")` : ""}, or put the catalogue on the first sheet`,
    },
  },
  MISSING_COLUMN: {
    message: {
      id: (f) => `Kolom wajib "${f.field ? FIELD_HEADER[f.field].id : (f.text("field") ?? f.column)}" tidak ada di baris judul`,
      en: (f) => `The required column "${f.field ? FIELD_HEADER[f.field].en : (f.text("field") ?? f.column)}" is missing from the header row`,
    },
    hint: {
      id: (f) =>
        (f.text("candidate") && f.text("suggestion")
          ? `Kolom "${f.text("candidate")}" mungkin kolom ini: ganti judulnya menjadi "${f.text("suggestion")}"`
          : f.field ? `Tambahkan kolom berjudul "${FIELD_HEADER[f.field].id}" (atau "${FIELD_HEADER[f.field].en}")` : "Tambahkan kolom itu di baris judul") +
        (sheetList(f) ? `; atau, bila katalognya ada di lembar lain (${sheetList(f)}), pilih lembar itu dengan --sheet NAMA` : ""),
      en: (f) =>
        (f.text("candidate") && f.text("suggestion")
          ? `Column "${f.text("candidate")}" may be it: rename it to "${f.text("suggestion")}"`
          : f.field ? `Add a column headed "${FIELD_HEADER[f.field].en}" (or "${FIELD_HEADER[f.field].id}")` : "Add that column to the header row") +
        (sheetList(f) ? `; or, if the catalogue is on another sheet (${sheetList(f)}), choose it with --sheet NAME` : ""),
    },
  },
  UNKNOWN_COLUMN: {
    message: {
      id: (f) => `Kolom "${f.column}" tidak dikenali dan diabaikan`,
      en: (f) => `Column "${f.column}" is not recognised and is ignored`,
    },
    hint: {
      id: (f) => (f.text("suggestion") ? `Maksudnya "${f.text("suggestion")}"? Ganti judul kolom menjadi "${f.text("suggestion")}"` : `Hapus kolom ini bila tidak perlu, atau pakai judul yang dikenal, misalnya ${KNOWN_HEADERS} (semua judul ada di: desbumi template katalog.csv)`),
      en: (f) => (f.text("suggestion") ? `Did you mean "${f.text("suggestion")}"? Rename the column to "${f.text("suggestion")}"` : `Delete the column if you do not need it, or use a known header such as ${KNOWN_HEADERS} (all of them in: desbumi template catalog.csv)`),
    },
  },
  DUPLICATE_COLUMN: {
    message: {
      id: (f) => `Kolom "${f.column}" mengulang kolom ${f.text("first") ? `"${f.text("first")}"` : "lain"}; hanya yang pertama dipakai`,
      en: (f) => `Column "${f.column}" repeats ${f.text("first") ? `column "${f.text("first")}"` : "another column"}; only the first is used`,
    },
    hint: { id: () => "Hapus atau ganti judul salah satu kolom", en: () => "Delete or rename one of the columns" },
  },
  HIDDEN_ROW: {
    message: {
      id: (f) => `${rowName(f, "Baris ini", "Baris")} disembunyikan di spreadsheet, tetapi desbumi tetap membacanya (dan sync ikut mencantumkannya)`,
      en: (f) => `${rowName(f, "This row", "Row")} is hidden in the spreadsheet but desbumi still reads it (and sync lists it)`,
    },
    hint: {
      id: () => "Untuk berhenti menjualnya, isi Status dengan nonaktif (atau hapus barisnya)",
      en: () => "To stop selling it, set Status to nonaktif (or delete the row)",
    },
  },
  REQUIRED_VALUE_MISSING: {
    message: { id: (f) => `"${f.column}" kosong, padahal wajib diisi`, en: (f) => `"${f.column}" is empty but required` },
    hint: {
      id: (f) => `Isi sel ini${f.field && FIELD_EXAMPLE[f.field] ? ` ${FIELD_EXAMPLE[f.field]!.id}` : ""}`,
      en: (f) => `Fill in this cell${f.field && FIELD_EXAMPLE[f.field] ? ` ${FIELD_EXAMPLE[f.field]!.en}` : ""}`,
    },
  },
  INVALID_PRICE: {
    message: {
      id: (f) => `Harga${sp(f.quoted)} bukan jumlah rupiah yang dikenali${because(f, "id")}`,
      en: (f) => `Price${sp(f.quoted)} is not a rupiah amount desbumi understands${because(f, "en")}`,
    },
    hint: { id: () => PRICE_HINT.id, en: () => PRICE_HINT.en },
  },
  AMBIGUOUS_NUMBER: {
    message: {
      id: (f) => `${f.field === "price" ? "Harga" : f.field === "weight" ? "Berat" : "Angka"}${sp(f.quoted)} tidak jelas: titik atau koma bisa berarti ribuan atau desimal`,
      en: (f) => `${f.field === "price" ? "Price" : f.field === "weight" ? "Weight" : "Number"}${sp(f.quoted)} is ambiguous: the dot or comma could mark thousands or decimals`,
    },
    hint: { id: (f) => fieldHint(f, "id"), en: (f) => fieldHint(f, "en") },
  },
  PRICE_OUT_OF_RANGE: {
    message: {
      id: (f) => `Harga${sp(f.quoted)}${readAs(f, "id", "price", (n) => rupiah(n, "id"))} di luar batas marketplace${inBrackets(range(f, "id", (n) => rupiah(n, "id")))}`,
      en: (f) => `Price${sp(f.quoted)}${readAs(f, "en", "price", (n) => rupiah(n, "en"))} is outside the marketplace's limits${inBrackets(range(f, "en", (n) => rupiah(n, "en")))}`,
    },
    hint: { id: () => "Periksa apakah ada angka nol yang kurang atau berlebih", en: () => "Check for a missing or extra zero" },
  },
  INVALID_WEIGHT: {
    message: {
      id: (f) =>
        f.text("reason") === "fraction" && f.num("grams") !== undefined
          ? `Berat${sp(f.quoted)} sama dengan ${String(f.num("grams")).replace(".", ",")} gram, bukan angka gram yang utuh`
          : `Berat${sp(f.quoted)} tidak dikenali${because(f, "id")}`,
      en: (f) =>
        f.text("reason") === "fraction" && f.num("grams") !== undefined
          ? `Weight${sp(f.quoted)} comes to ${f.num("grams")} g, not a whole number of grams`
          : `Weight${sp(f.quoted)} is not understood${because(f, "en")}`,
    },
    hint: {
      id: (f) => (f.num("suggested") !== undefined ? `Tulis berat dalam gram utuh, misalnya ${f.num("suggested")} gr` : WEIGHT_HINT.id),
      en: (f) => (f.num("suggested") !== undefined ? `Write the weight in whole grams, e.g. ${f.num("suggested")} gr` : WEIGHT_HINT.en),
    },
  },
  WEIGHT_IS_DATE: {
    message: {
      id: (f) => `Berat${f.text("date") ? ` "${f.text("date")}"` : ""} adalah tanggal: Excel mengubah angka berat menjadi tanggal`,
      en: (f) => `Weight${f.text("date") ? ` "${f.text("date")}"` : ""} is a date: Excel turned the weight into a date`,
    },
    hint: {
      id: () => "Ubah format kolom berat menjadi Teks atau Angka (Format Sel), lalu ketik ulang beratnya dengan satuan, misalnya 500 gr atau 0,5 kg",
      en: () => "Format the weight column as Text or Number (Format Cells), then type the weight again with its unit, e.g. 500 gr or 0,5 kg",
    },
  },
  WEIGHT_OUT_OF_RANGE: {
    message: {
      id: (f) => `Berat${sp(f.quoted)}${readAs(f, "id", "grams", (n) => `${groupDigits(n, "id")} gram`)} di luar batas marketplace${inBrackets(range(f, "id", (n) => `${groupDigits(n, "id")} gram`))}`,
      en: (f) => `Weight${sp(f.quoted)}${readAs(f, "en", "grams", (n) => `${groupDigits(n, "en")} g`)} is outside the marketplace's limits${inBrackets(range(f, "en", (n) => `${groupDigits(n, "en")} ${n === 1 ? "gram" : "grams"}`))}`,
    },
    hint: { id: () => "Periksa satuannya (gram atau kg) dan jumlah angka nol", en: () => "Check the unit (grams or kg) and the number of zeros" },
  },
  INVALID_STOCK: {
    message: { id: (f) => `Stok${sp(f.quoted)} bukan angka utuh 0 atau lebih`, en: (f) => `Stock${sp(f.quoted)} is not a whole number of 0 or more` },
    hint: { id: () => STOCK_HINT.id, en: () => STOCK_HINT.en },
  },
  STOCK_OUT_OF_RANGE: {
    message: {
      id: (f) => `Stok${sp(f.quoted)} di luar batas marketplace${inBrackets(range(f, "id", (n) => groupDigits(n, "id")))}`,
      en: (f) => `Stock${sp(f.quoted)} is outside the marketplace's limits${inBrackets(range(f, "en", (n) => groupDigits(n, "en")))}`,
    },
    hint: { id: () => "Periksa jumlah angka nol; tulis stok yang benar-benar tersedia", en: () => "Check the number of zeros; write the stock you really have" },
  },
  INVALID_MIN_ORDER: {
    message: {
      id: (f) => `Minimum pemesanan${sp(f.quoted)} tidak sah${inBrackets(range(f, "id", (n) => groupDigits(n, "id")))}`,
      en: (f) => `Minimum order${sp(f.quoted)} is not valid${inBrackets(range(f, "en", (n) => groupDigits(n, "en")))}`,
    },
    hint: { id: () => MIN_ORDER_HINT.id, en: () => MIN_ORDER_HINT.en },
  },
  INVALID_CONDITION: {
    message: { id: (f) => `Kondisi${sp(f.quoted)} tidak dikenali`, en: (f) => `Condition${sp(f.quoted)} is not understood` },
    hint: { id: () => 'Tulis "baru" atau "bekas" (kosong berarti baru)', en: () => 'Write "new" (baru) or "used" (bekas); empty means new' },
  },
  INVALID_STATUS: {
    message: { id: (f) => `Status${sp(f.quoted)} tidak dikenali`, en: (f) => `Status${sp(f.quoted)} is not understood` },
    hint: { id: () => 'Tulis "aktif" atau "nonaktif" (kosong berarti aktif)', en: () => 'Write "active" (aktif) or "inactive" (nonaktif); empty means active' },
  },
  INVALID_SKU: {
    message: {
      id: (f) => `Kode produk (SKU)${sp(f.quoted)} tidak sah${because(f, "id") || (f.num("length") !== undefined ? `: ${REASON.length!.id(f)}` : "")}`,
      en: (f) => `Product code (SKU)${sp(f.quoted)} is not valid${because(f, "en") || (f.num("length") !== undefined ? `: ${REASON.length!.en(f)}` : "")}`,
    },
    hint: {
      id: (f) => `Pakai paling banyak ${f.num("max") ?? 50} huruf, angka, "-", "_" atau "." tanpa spasi, misalnya MUIWO-001`,
      en: (f) => `Use at most ${f.num("max") ?? 50} letters, digits, "-", "_" or "." without spaces, e.g. MUIWO-001`,
    },
  },
  NAME_TOO_LONG: {
    message: { id: (f) => `Nama produk terlalu panjang${lengthFacts(f, "id", "karakter")}`, en: (f) => `Product name is too long${lengthFacts(f, "en", "characters")}` },
    hint: {
      id: (f) => `Persingkat nama; pindahkan keterangan tambahan ke deskripsi${f.text("suggestion") ? `, misalnya "${f.text("suggestion")}"` : ""}${f.text("ownColumn") ? `; atau beri marketplace ini judulnya sendiri di kolom "${f.text("ownColumn")}"` : ""}`,
      en: (f) => `Shorten the name; move the extra details into the description${f.text("suggestion") ? `, e.g. "${f.text("suggestion")}"` : ""}${f.text("ownColumn") ? `; or give this marketplace a title of its own in a "${f.text("ownColumn")}" column` : ""}`,
    },
  },
  DESCRIPTION_TOO_LONG: {
    message: { id: (f) => `Deskripsi terlalu panjang${lengthFacts(f, "id", "karakter")}`, en: (f) => `Description is too long${lengthFacts(f, "en", "characters")}` },
    hint: { id: () => "Persingkat deskripsi; cukup hal yang penting bagi pembeli", en: () => "Shorten the description to what a buyer needs to know" },
  },
  HTML_IN_DESCRIPTION: {
    message: { id: () => "Deskripsi berisi kode HTML (misalnya <b>); marketplace menampilkannya sebagai teks biasa", en: () => "The description contains HTML (such as <b>); the marketplace shows it as plain text" },
    hint: { id: () => "Hapus tag HTML; tulis teks biasa, baris baru boleh", en: () => "Remove the HTML tags; plain text with line breaks is fine" },
  },
  INVALID_IMAGE_URL: {
    message: { id: (f) => `Alamat foto${sp(f.quoted)} bukan tautan http(s) yang sah`, en: (f) => `Photo address${sp(f.quoted)} is not a valid http(s) link` },
    hint: {
      id: () => "Tempel tautan lengkap yang diawali https://; pisahkan beberapa foto dengan |",
      en: () => "Paste the full link starting with https://; separate several photos with |",
    },
  },
  TOO_MANY_IMAGES: {
    message: { id: (f) => `Terlalu banyak foto${lengthFacts(f, "id", "foto")}`, en: (f) => `Too many photos${lengthFacts(f, "en", "photos")}` },
    hint: { id: (f) => `Pilih paling banyak ${f.num("max") ?? 5} foto terbaik dan hapus sisanya`, en: (f) => `Keep at most ${f.num("max") ?? 5} of the best photos and remove the rest` },
  },
  NO_IMAGES: {
    message: { id: () => "Produk ini belum punya foto", en: () => "This product has no photo" },
    hint: { id: () => "Tambahkan minimal satu tautan foto (https://...) di kolom foto; marketplace mewajibkannya", en: () => "Add at least one photo link (https://...) in the photo column; the marketplace requires one" },
  },
  FORMULA_IN_CELL: {
    message: {
      id: (f) => `${textLabel(f, "id")}${sp(f.quoted)} terlihat seperti rumus spreadsheet, yang bisa berjalan saat berkas dibuka di Excel`,
      en: (f) => `${textLabel(f, "en")}${sp(f.quoted)} looks like a spreadsheet formula, which could run when the file is opened in Excel`,
    },
    hint: {
      id: (f) => `Hapus tanda ${f.text("start") ?? "="} di awal (atau tulis teksnya tanpa tanda itu)`,
      en: (f) => `Remove the leading ${f.text("start") ?? "="} (or write the text without it)`,
    },
  },
  SCRIPT_IN_TEXT: {
    message: {
      id: (f) => `${textLabel(f, "id")} berisi skrip${f.text("found") ? ` (${f.text("found")})` : ""}: marketplace membuang skrip atau menolak produknya`,
      en: (f) => `${textLabel(f, "en")} contains a script${f.text("found") ? ` (${f.text("found")})` : ""}: marketplaces strip scripts or refuse the listing`,
    },
    hint: {
      id: () => "Hapus skrip dan kode HTML-nya; tulis teks biasa (baris baru boleh)",
      en: () => "Remove the script and its HTML; write plain text (line breaks are fine)",
    },
  },
  FORMULA_ERROR: {
    message: {
      id: (f) => `Sel ini menampilkan galat rumus${inBrackets(f.text("error") ?? f.issue.value ?? "")}`,
      en: (f) => `The cell shows a formula error${inBrackets(f.text("error") ?? f.issue.value ?? "")}`,
    },
    hint: { id: () => "Perbaiki rumusnya atau ketik nilainya langsung", en: () => "Fix the formula or type the value" },
  },
  DUPLICATE_SKU: {
    message: { id: (f) => `Kode produk (SKU)${sp(f.quoted)} dipakai lebih dari sekali${linesFact(f, "id")}`, en: (f) => `Product code (SKU)${sp(f.quoted)} is used more than once${linesFact(f, "en")}` },
    hint: {
      id: () => "Setiap produk perlu kode yang berbeda; ganti kode pada baris yang lain (huruf besar dan kecil dihitung sama, seperti di marketplace)",
      en: () => "Every product needs its own code; change it on the other lines (capital and small letters count as the same, as on the marketplaces)",
    },
  },
  DUPLICATE_NAME: {
    message: { id: (f) => `Nama produk${sp(f.quoted)} dipakai lebih dari sekali${linesFact(f, "id")}`, en: (f) => `Product name${sp(f.quoted)} is used more than once${linesFact(f, "en")}` },
    hint: {
      id: () => "Marketplace meminta nama yang berbeda untuk tiap produk di satu toko: tambahkan ukuran, rasa atau warna",
      en: () => "The marketplace needs a different name for every product in a shop: add the size, flavour or colour",
    },
  },
  CATEGORY_MISSING: {
    message: { id: () => "Kategori belum diisi", en: () => "No category given" },
    hint: {
      id: () => 'Isi nomor atau nama kategori marketplace (cari dengan: desbumi categories "jamu"), atau atur defaultCategory di desbumi.config.json',
      en: () => 'Fill in the marketplace category number or name (look it up with: desbumi categories "jamu"), or set defaultCategory in desbumi.config.json',
    },
  },
  CATEGORY_NOT_FOUND: {
    message: {
      id: (f) =>
        f.text("need") === "code"
          ? `Kategori${sp(f.quoted)} bukan kode kategori: marketplace ini (berkas unggah massal) hanya menerima Kode Kategori berupa angka`
          : `Kategori${sp(f.quoted)} tidak ada di marketplace`,
      en: (f) =>
        f.text("need") === "code"
          ? `Category${sp(f.quoted)} is not a category code: this marketplace (the bulk-upload file) takes only a numeric Kode Kategori`
          : `Category${sp(f.quoted)} does not exist on the marketplace`,
    },
    hint: {
      id: (f) =>
        f.text("need") === "code"
          ? 'Tulis nomor kategorinya (Kode Kategori dari lembar kategori template Seller Center), atau petakan nama ke kode di desbumi.config.json: "categories": {"Kopi": 1760} di blok marketplace tokopedia-bulk'
          : `${categoryCandidates(f, "id")}Cari kategori yang benar dengan: ${categorySearch(f)}`,
      en: (f) =>
        f.text("need") === "code"
          ? 'Write the category\'s number (the Kode Kategori from the category sheet of the Seller Center template), or map names to codes in desbumi.config.json: "categories": {"Kopi": 1760} in the tokopedia-bulk marketplace block'
          : `${categoryCandidates(f, "en")}Look up the right one with: ${categorySearch(f)}`,
    },
  },
  CATEGORY_AMBIGUOUS: {
    message: { id: (f) => `Kategori${sp(f.quoted)} cocok dengan beberapa kategori`, en: (f) => `Category${sp(f.quoted)} matches several categories` },
    hint: {
      id: (f) => `${categoryCandidates(f, "id")}Tulis nomor kategori atau jalur lengkapnya, misalnya "Makanan & Minuman > Minuman > Jamu"`,
      en: (f) => `${categoryCandidates(f, "en")}Write the category number or its full path, e.g. "Makanan & Minuman > Minuman > Jamu"`,
    },
  },
  ...SHOP_WORDING,
  ...SHOPEE_WORDING,
};

/** The sentence and the fix hint for one issue, in one language. */
export function formatIssue(issue: Issue, lang: Lang): { message: string; hint: string } {
  const wording = WORDING[issue.code];
  const facts = readFacts(safeIssue(issue));
  return { message: wording.message[lang](facts), hint: wording.hint[lang](facts) };
}

/** `catalog.csv:14`, `catalog.xlsx Sheet1!D14`, `catalog.xlsx 'Stok Juni'!D14`, or just the file. */
export function formatLocation(raw: Issue): string {
  const issue = safeIssue(raw);
  if (issue.sheet !== undefined && (issue.cell !== undefined || issue.line !== undefined)) {
    const sheet = /^[A-Za-z0-9_]+$/.test(issue.sheet) ? issue.sheet : `'${issue.sheet.replace(/'/g, "''")}'`;
    const ref = issue.cell ?? `${issue.line}:${issue.line}`;
    return `${issue.file} ${sheet}!${ref}`;
  }
  return issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
}
