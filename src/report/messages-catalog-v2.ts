// Wording of the catalogue v2 issues (issue 14: variants, attributes, certificates,
// per-marketplace columns), in Bahasa Indonesia and English. Spread into WORDING in messages.ts.
import type { IssueCode } from "../issues.js";
import type { Wording } from "./messages.js";
import { listOf, type Facts } from "./facts.js";

const sp = (s: string | undefined): string => (s ? ` ${s}` : "");
const line = (f: Facts): string => f.text("first") ?? "?";
const FIELD_ID: Record<string, string> = {
  name: "nama produk",
  description: "deskripsi",
  category: "kategori",
  condition: "kondisi",
  min_order: "minimum pemesanan",
  etalase: "etalase",
  images: "foto produk",
  parent: "kode induk",
  brand: "merek",
};
const FIELD_EN: Record<string, string> = {
  name: "product name",
  description: "description",
  category: "category",
  condition: "condition",
  min_order: "minimum order",
  etalase: "etalase",
  images: "product photos",
  parent: "parent code",
  brand: "brand",
};
const fieldId = (f: Facts): string => FIELD_ID[f.text("field") ?? ""] ?? (f.column || "isi sel");
const fieldEn = (f: Facts): string => FIELD_EN[f.text("field") ?? ""] ?? (f.column || "value");
const firstRow = (f: Facts, lang: "id" | "en"): string => {
  const at = f.text("first");
  const was = f.text("expected");
  if (at === undefined) return "";
  const said = was === undefined ? "" : `: "${was}"`;
  return lang === "id" ? ` (baris ${at}${said})` : ` (line ${at}${said})`;
};
const where = (f: Facts, lang: "id" | "en"): string => {
  const m = f.text("marketplace");
  if (!m) return lang === "id" ? "marketplace tujuan" : "the target marketplace";
  return m;
};

export const CATALOG_V2_WORDING = {
  VARIANT_FIELD_CONFLICT: {
    message: {
      id: (f) => `Varian ini menulis ${fieldId(f)}${sp(f.quoted)}, berbeda dengan baris pertama produknya${firstRow(f, "id")}`,
      en: (f) => `This variant gives the ${fieldEn(f)}${f.quoted ? ` as ${f.quoted}` : ""}, unlike its product's first row${firstRow(f, "en")}`,
    },
    hint: {
      id: (f) => `Data produk (nama, deskripsi, foto, kategori) ditulis di baris pertama produk; kosongkan sel ini atau samakan dengan baris ${line(f)}. Kalau memang produk lain, beri kode induk yang lain`,
      en: (f) => `Product data (name, description, photos, category) belongs on the product's first row; leave this cell empty or make it equal to line ${line(f)}. If it is another product, give it another parent code`,
    },
  },
  VARIANT_DUPLICATE_OPTIONS: {
    message: {
      id: (f) => `Dua varian atau lebih punya pilihan yang sama${sp(f.quoted)} (baris ${listOf(f.text("lines")) ?? "?"})`,
      en: (f) => `Two or more variants have the same options${sp(f.quoted)} (lines ${listOf(f.text("lines")) ?? "?"})`,
    },
    hint: {
      id: () => "Setiap varian satu produk harus berbeda pilihannya (misalnya M/Merah dan L/Merah); gabungkan baris yang sama atau perbaiki pilihannya",
      en: () => "Each variant of a product needs its own combination of options (e.g. M/Red and L/Red); merge the repeated rows or correct their options",
    },
  },
  VARIANT_OPTION_MISSING: {
    message: {
      id: (f) => `Varian ini tidak punya pilihan "${f.text("option") ?? f.column}", padahal varian lain produk ini punya`,
      en: (f) => `This variant has no "${f.text("option") ?? f.column}" option, though the product's other variants have one`,
    },
    hint: {
      id: (f) => `Isi "${f.text("option") ?? f.column}" untuk varian ini (pilihan produk ini: ${listOf(f.text("others")) ?? "-"})`,
      en: (f) => `Fill in "${f.text("option") ?? f.column}" for this variant (this product's options: ${listOf(f.text("others")) ?? "-"})`,
    },
  },
  VARIANT_OPTION_EMPTY: {
    message: {
      id: (f) => `Nama pilihan "${f.text("option") ?? ""}" ditulis, tetapi nilainya kosong`,
      en: (f) => `The option "${f.text("option") ?? ""}" is named, but its value is empty`,
    },
    hint: {
      id: () => "Tulis nilai pilihannya (misalnya M, Merah, Pedas, 250 ml), atau hapus nama pilihannya",
      en: () => "Write the option's value (e.g. M, Red, Spicy, 250 ml), or remove the option's name",
    },
  },
  VARIANT_OPTION_NAME_MISSING: {
    message: {
      id: (f) => `Nilai pilihan${sp(f.quoted)} tidak punya nama pilihan (variasi ${f.text("pair") ?? "?"})`,
      en: (f) => `The option value${sp(f.quoted)} has no option name (variation ${f.text("pair") ?? "?"})`,
    },
    hint: {
      id: (f) => `Tulis nama pilihannya di kolom "Nama Variasi ${f.text("pair") ?? "1"}" pada baris pertama produk, misalnya Ukuran atau Warna`,
      en: (f) => `Write the option's name in the "Nama Variasi ${f.text("pair") ?? "1"}" column on the product's first row, e.g. Size or Colour`,
    },
  },
  TOO_MANY_OPTION_TYPES: {
    message: {
      id: (f) => `Produk ini punya ${f.num("count") ?? "?"} jenis pilihan (${listOf(f.issue.value) ?? ""}); marketplace ini menerima paling banyak ${f.num("max") ?? "?"}`,
      en: (f) => `This product has ${f.num("count") ?? "?"} option types (${listOf(f.issue.value) ?? ""}); this marketplace takes at most ${f.num("max") ?? "?"}`,
    },
    hint: {
      id: () => "Gabungkan dua jenis pilihan menjadi satu (misalnya \"Merah - M\"), atau pisahkan menjadi beberapa produk",
      en: () => "Merge two option types into one (e.g. \"Red - M\"), or split the product into several products",
    },
  },
  TOO_MANY_VARIANTS: {
    message: {
      id: (f) => `Produk ini punya ${f.num("count") ?? "?"} varian; marketplace ini menerima paling banyak ${f.num("max") ?? "?"}`,
      en: (f) => `This product has ${f.num("count") ?? "?"} variants; this marketplace takes at most ${f.num("max") ?? "?"}`,
    },
    hint: {
      id: () => "Pisahkan varian menjadi beberapa produk (misalnya per warna), atau kurangi pilihannya",
      en: () => "Split the variants into several products (e.g. one per colour), or offer fewer options",
    },
  },
  VARIANTS_NOT_SUPPORTED: {
    message: {
      id: (f) => `Produk ini punya ${f.num("count") ?? "?"} varian, tetapi ${where(f, "id")} tidak bisa menerima varian`,
      en: (f) => `This product has ${f.num("count") ?? "?"} ${f.num("count") === 1 ? "variant" : "variants"}, but ${where(f, "en")} cannot take variants`,
    },
    hint: {
      id: () => "Jual setiap varian sebagai produk sendiri (satu baris tanpa kode induk, nama berbeda), atau pilih marketplace yang menerima varian (--marketplace)",
      en: () => "Sell each variant as a product of its own (one row without a parent code, a name of its own), or choose a marketplace that takes variants (--marketplace)",
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
