// Wording of the catalogue v2 issues (issue 14: variants, attributes, certificates,
// per-marketplace columns), in Bahasa Indonesia and English. Spread into WORDING in messages.ts.
import type { IssueCode } from "../issues.js";
import type { Wording } from "./messages.js";
import { listOf, type Facts } from "./facts.js";
import { MARKETPLACE_NAMES, marketplaceChoices } from "../catalog/marketplace-names.js";

const CERTIFICATE_NAME: Record<string, { id: string; en: string }> = {
  pirt: { id: "Nomor P-IRT", en: "The P-IRT number" },
  bpom: { id: "Nomor BPOM (MD/ML)", en: "The BPOM number (MD/ML)" },
  pomTr: { id: "Nomor POM TR", en: "The POM TR number" },
  halal: { id: "Nomor sertifikat halal", en: "The halal certificate number" },
  sni: { id: "Nomor SNI", en: "The SNI number" },
};
const certificateName = (f: Facts, lang: "id" | "en"): string => CERTIFICATE_NAME[f.text("certificate") ?? ""]?.[lang] ?? (lang === "id" ? "Nomor sertifikat" : "The certificate number");
const CERT_REASON_ID: Record<string, string> = { digits: "jumlah angkanya tidak cocok", prefix: "huruf di depannya tidak cocok untuk jenis ini", characters: "ada huruf atau tanda yang tidak semestinya" };
const CERT_REASON_EN: Record<string, string> = { digits: "it has the wrong number of digits", prefix: "its letters do not fit this kind", characters: "it holds letters or signs that do not belong" };

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
  // The name people call it by (`tiktok-shop` -> TikTok Shop, `tokopedia` -> Tokopedia).
  return MARKETPLACE_NAMES[m]?.[0] ?? m;
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
  VARIANT_OPTION_TOO_LONG: {
    message: {
      id: (f) => `${f.text("part") === "name" ? "Nama pilihan" : "Nilai pilihan"}${sp(f.quoted)} terlalu panjang: ${f.num("length") ?? "?"} karakter, marketplace ini menerima paling banyak ${f.num("max") ?? "?"}`,
      en: (f) => `Option ${f.text("part") === "name" ? "name" : "value"}${sp(f.quoted)} is too long: ${f.num("length") ?? "?"} characters, this marketplace takes at most ${f.num("max") ?? "?"}`,
    },
    hint: {
      id: () => "Singkat pilihannya (misalnya \"Merah Marun\" menjadi \"Marun\", \"Ukuran Baju\" menjadi \"Ukuran\")",
      en: () => "Shorten the option (e.g. \"Merah Marun\" to \"Marun\", \"Ukuran Baju\" to \"Ukuran\")",
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
  CERTIFICATE_NUMBER_INVALID: {
    message: {
      id: (f) => `${certificateName(f, "id")}${sp(f.quoted)} tidak mungkin nomor yang sah: ${CERT_REASON_ID[f.text("reason") ?? ""] ?? "bentuknya salah"}`,
      en: (f) => `${certificateName(f, "en")}${sp(f.quoted)} cannot be a valid number: ${CERT_REASON_EN[f.text("reason") ?? ""] ?? "its form is wrong"}`,
    },
    hint: {
      id: (f) => `Salin nomornya persis dari sertifikat atau kemasan, misalnya ${f.text("expected") ?? "-"}. Kalau belum punya, kosongkan selnya`,
      en: (f) => `Copy the number exactly from the certificate or the package, e.g. ${f.text("expected") ?? "-"}. If there is none yet, leave the cell empty`,
    },
  },
  CERTIFICATE_MISSING: {
    message: {
      id: (f) => `Produk kategori ${f.quoted || "ini"} (makanan, minuman atau jamu) tidak punya nomor PIRT, BPOM atau POM TR`,
      en: (f) => `A product in category ${f.quoted || "this"} (food, drink or jamu) has no PIRT, BPOM or POM TR number`,
    },
    hint: {
      id: () => "Marketplace biasanya meminta izin edar untuk pangan dan jamu. Isi kolom No. PIRT, No. BPOM atau POM TR (lihat kemasan atau sertifikat)",
      en: () => "Marketplaces usually ask for a permit for food and jamu. Fill in the No. PIRT, No. BPOM or POM TR column (see the package or the certificate)",
    },
  },
  ATTRIBUTE_CELL_INVALID: {
    message: {
      id: (f) => (f.text("reason") === "empty" ? `Atribut "${f.text("attribute") ?? ""}" ditulis tanpa nilai` : `Bagian${sp(f.quoted)} bukan pasangan nama=nilai`),
      en: (f) => (f.text("reason") === "empty" ? `The attribute "${f.text("attribute") ?? ""}" has no value` : `The part${sp(f.quoted)} is not a name=value pair`),
    },
    hint: {
      id: () => "Tulis atribut sebagai nama=nilai, dipisah titik koma, misalnya: Bahan=Katun; Motif=Parang. Atau pakai satu kolom per atribut, misalnya \"Atribut: Bahan\"",
      en: () => "Write attributes as name=value, separated by semicolons, e.g. Bahan=Katun; Motif=Parang. Or use one column per attribute, e.g. \"Atribut: Bahan\"",
    },
  },
  ATTRIBUTE_CONFLICT: {
    message: {
      id: (f) => `Atribut "${f.text("attribute") ?? ""}" diisi dua kali dengan nilai berbeda${sp(f.quoted)} (kolom ${f.text("firstColumn") ?? "?"}: "${f.text("first") ?? ""}")`,
      en: (f) => `The attribute "${f.text("attribute") ?? ""}" is given twice with different values${sp(f.quoted)} (column ${f.text("firstColumn") ?? "?"}: "${f.text("first") ?? ""}")`,
    },
    hint: {
      id: () => "Isi setiap atribut sekali saja, atau samakan nilainya",
      en: () => "Give each attribute once, or make both values the same",
    },
  },
  UNKNOWN_MARKETPLACE: {
    message: {
      id: (f) => `Kolom${sp(f.quoted || f.column)} menyebut marketplace "${f.text("marketplace") ?? "?"}", yang tidak dikenal desbumi${f.text("suggestion") ? `; maksudnya "${f.text("suggestion")}"?` : ""}`,
      en: (f) => `The column${sp(f.quoted || f.column)} names the marketplace "${f.text("marketplace") ?? "?"}", which desbumi does not know${f.text("suggestion") ? `; did you mean "${f.text("suggestion")}"?` : ""}`,
    },
    hint: {
      id: () => `Tulis nama marketplace di dalam kurung seperti ini: ${marketplaceChoices()}, misalnya "Harga (Shopee)" atau "Nama Produk (TikTok Shop)"`,
      en: () => `Write the marketplace in the brackets as one of: ${marketplaceChoices()}, e.g. "Harga (Shopee)" or "Nama Produk (TikTok Shop)"`,
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
