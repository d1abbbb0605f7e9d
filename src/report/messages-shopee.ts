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
const options = (f: Facts, lang: Lang): string => {
  const list = f.text("options");
  if (!list) return "";
  return lang === "id" ? `, salah satu dari: ${list}` : `, one of: ${list}`;
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
      id: (f) => `${market(f)} mewajibkan atribut "${f.column}"${inCategory(f, "id")}, tetapi baris ini tidak mengisinya`,
      en: (f) => `${market(f)} requires the attribute "${f.column}"${inCategory(f, "en")}, and this row does not give it`,
    },
    hint: {
      id: (f) => `Tambahkan kolom atribut "${f.column}" dan isi baris ini${options(f, "id")}`,
      en: (f) => `Add an attribute column "${f.column}" and fill it for this row${options(f, "en")}`,
    },
  },
  ATTRIBUTE_VALUE_INVALID: {
    message: {
      id: (f) => `Atribut "${f.column}" berisi ${f.quoted || "nilai"} yang tidak diterima ${market(f)}${inCategory(f, "id")}`,
      en: (f) => `The attribute "${f.column}" holds ${f.quoted || "a value"} that ${market(f)} does not accept${inCategory(f, "en")}`,
    },
    hint: {
      id: (f) => `Tulis salah satu nilai yang tersedia${options(f, "id") || ""}`.replace("tersedia, salah satu dari:", "tersedia:"),
      en: (f) => `Write one of the listed values${options(f, "en")}`.replace("values, one of:", "values:"),
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
