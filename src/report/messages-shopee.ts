// Wording of the marketplace checks made at plan time (issue 16, Shopee; generic enough for any
// adapter's checkProducts): category limits and category attributes. Spread into WORDING.
import type { IssueCode } from "../issues.js";
import type { Lang } from "../i18n.js";
import type { Facts } from "./facts.js";
import type { Wording } from "./messages.js";

const LABEL: Record<string, { id: string; en: string; unit: { id: string; en: string } }> = {
  name: { id: "Nama produk", en: "The product name", unit: { id: "karakter", en: "characters" } },
  description: { id: "Deskripsi", en: "The description", unit: { id: "karakter", en: "characters" } },
  images: { id: "Jumlah foto", en: "The number of photos", unit: { id: "foto", en: "photos" } },
  price: { id: "Harga", en: "The price", unit: { id: "rupiah", en: "rupiah" } },
  stock: { id: "Stok", en: "The stock", unit: { id: "", en: "" } },
};

const labelOf = (f: Facts) => LABEL[f.text("field") ?? f.field ?? ""] ?? { id: "Nilai ini", en: "This value", unit: { id: "", en: "" } };
const market = (f: Facts): string => f.text("marketplace") ?? "Shopee";
const inCategory = (f: Facts, lang: Lang): string => {
  const c = f.text("category");
  return c ? (lang === "id" ? ` di kategori ${c}` : ` in category ${c}`) : "";
};
const between = (f: Facts, lang: Lang): string => {
  const unit = labelOf(f).unit[lang];
  const u = unit ? ` ${unit}` : "";
  return lang === "id" ? `${f.num("min") ?? "?"} sampai ${f.num("max") ?? "?"}${u}` : `${f.num("min") ?? "?"} to ${f.num("max") ?? "?"}${u}`;
};
/** The allowed values (a capped list) and how many more there are. */
const valueList = (f: Facts, lang: Lang): string => {
  const list = f.text("options") ?? f.text("allowed");
  if (!list) return "";
  const more = f.num("more") ?? 0;
  return more > 0 ? `${list} ${lang === "id" ? `(dan ${more} lainnya)` : `(and ${more} more)`}` : list;
};
const options = (f: Facts, lang: Lang): string => {
  const list = valueList(f, lang);
  if (!list) return "";
  return lang === "id" ? `, salah satu dari: ${list}` : `, one of: ${list}`;
};
const attributeName = (f: Facts): string => f.text("attribute") ?? f.column;
const didYouMean = (f: Facts, lang: Lang): string => {
  const s = f.text("suggestion");
  return s ? (lang === "id" ? `Mungkin maksudnya "${s}"? ` : `Did you mean "${s}"? `) : "";
};

export const SHOPEE_WORDING = {
  CATEGORY_LIMIT: {
    message: {
      id: (f) => `${labelOf(f).id} (${f.num("actual") ?? f.quoted}) di luar batas ${market(f)}${inCategory(f, "id")}: ${between(f, "id")}`,
      en: (f) => `${labelOf(f).en} (${f.num("actual") ?? f.quoted}) is outside ${market(f)}'s limit${inCategory(f, "en")}: ${between(f, "en")}`,
    },
    hint: {
      id: (f) => `Ubah sel ini agar ${between(f, "id")}, atau pilih kategori lain`,
      en: (f) => `Change this cell to ${between(f, "en")}, or choose another category`,
    },
  },
  ATTRIBUTE_MISSING: {
    message: {
      id: (f) => `${market(f)} mewajibkan atribut "${attributeName(f)}"${inCategory(f, "id")}, tetapi baris ini tidak mengisinya`,
      en: (f) => `${market(f)} requires the attribute "${attributeName(f)}"${inCategory(f, "en")}, and this row does not give it`,
    },
    hint: {
      id: (f) => `Isi kolom "Atribut: ${attributeName(f)}" untuk baris ini (tambahkan kolomnya bila belum ada)${options(f, "id")}`,
      en: (f) => `Fill the column "Atribut: ${attributeName(f)}" for this row (add the column if there is none)${options(f, "en")}`,
    },
  },
  ATTRIBUTE_VALUE_INVALID: {
    message: {
      id: (f) => `Atribut "${attributeName(f)}" berisi ${f.quoted || "nilai"} yang tidak diterima ${market(f)}${inCategory(f, "id")}`,
      en: (f) => `The attribute "${attributeName(f)}" holds ${f.quoted || "a value"} that ${market(f)} does not accept${inCategory(f, "en")}`,
    },
    hint: {
      id: (f) => `${didYouMean(f, "id")}Tulis salah satu nilai yang tersedia${valueList(f, "id") ? `: ${valueList(f, "id")}` : ""}`,
      en: (f) => `${didYouMean(f, "en")}Write one of the listed values${valueList(f, "en") ? `: ${valueList(f, "en")}` : ""}`,
    },
  },
  ATTRIBUTE_VALUE_UNLISTED: {
    message: {
      id: (f) => `Atribut "${attributeName(f)}" berisi ${f.quoted || "nilai"} yang tidak ada di daftar ${market(f)}${inCategory(f, "id")}: dikirim sebagai nilai sendiri`,
      en: (f) => `The attribute "${attributeName(f)}" holds ${f.quoted || "a value"} that is not in ${market(f)}'s list${inCategory(f, "en")}: it is sent as a custom value`,
    },
    hint: {
      id: (f) => `${didYouMean(f, "id")}Bila salah ketik, tulis nilai dari daftar${valueList(f, "id") ? `: ${valueList(f, "id")}` : ""}; bila memang begitu, biarkan saja`,
      en: (f) => `${didYouMean(f, "en")}If it is a typo, write a listed value${valueList(f, "en") ? `: ${valueList(f, "en")}` : ""}; if it is meant, leave it`,
    },
  },
  ATTRIBUTE_NOT_IN_CATEGORY: {
    message: {
      id: (f) => `${market(f)} tidak punya atribut "${attributeName(f)}"${inCategory(f, "id")}: atribut ini tidak dikirim ke ${market(f)} (baris ini${(f.num("rows") ?? 1) > 1 ? ` dan ${(f.num("rows") ?? 1) - 1} baris lain` : ""})`,
      en: (f) => `${market(f)} has no attribute "${attributeName(f)}"${inCategory(f, "en")}: it is not sent to ${market(f)} (this row${(f.num("rows") ?? 1) > 1 ? ` and ${(f.num("rows") ?? 1) - 1} more rows` : ""})`,
    },
    hint: {
      id: (f) => (f.text("suggestion") ? `Mungkin maksudnya "${f.text("suggestion")}"? Ganti judul kolomnya menjadi "Atribut: ${f.text("suggestion")}". ` : "") + "Bila tidak, tidak perlu diubah: kolom ini tetap dipakai untuk marketplace lain yang punya atribut itu",
      en: (f) => (f.text("suggestion") ? `Did you mean "${f.text("suggestion")}"? Rename the column to "Atribut: ${f.text("suggestion")}". ` : "") + "Otherwise nothing to change: the column is still used for marketplaces that have that attribute",
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
