// Wording of the marketplace checks that run at plan time (category rules, the ID title rule) and of
// review results (issue 15: Tokopedia & Shop), in Bahasa Indonesia and English.
import type { IssueCode } from "../issues.js";
import type { Lang } from "../i18n.js";
import type { Facts } from "./facts.js";
import type { Wording } from "./messages.js";

const category = (f: Facts, lang: Lang): string => {
  const c = f.text("category");
  return lang === "id" ? (c ? `Kategori ${c}` : "Kategori ini") : c ? `Category ${c}` : "This category";
};
const attribute = (f: Facts): string => `"${f.text("attribute") ?? "?"}"`;
/** The allowed values (a capped list) and how many more there are. */
const allowed = (f: Facts, lang: Lang): string => {
  const list = f.text("allowed");
  if (!list) return "";
  const more = f.num("more") ?? 0;
  return more > 0 ? `${list} ${lang === "id" ? `(dan ${more} lainnya)` : `(and ${more} more)`}` : list;
};

export const TIKTOK_WORDING = {
  NAME_TOO_SHORT: {
    message: {
      id: (f) => `Nama produk${f.quoted ? ` ${f.quoted}` : ""} terlalu pendek: ${f.num("length") ?? "?"} huruf, ${f.text("target") ?? "marketplace ini"} minta paling sedikit ${f.num("min") ?? 25}`,
      en: (f) => `Product name${f.quoted ? ` ${f.quoted}` : ""} is too short: ${f.num("length") ?? "?"} characters, ${f.text("target") ?? "this marketplace"} needs at least ${f.num("min") ?? 25}`,
    },
    hint: {
      id: () => 'Tambahkan jenis, ukuran atau asal, misalnya "Kopi Robusta Bubuk Lereng Kawi 250 gr"',
      en: () => 'Add the kind, size or origin, e.g. "Kopi Robusta Bubuk Lereng Kawi 250 gr"',
    },
  },
  ATTRIBUTE_REQUIRED: {
    message: {
      id: (f) => `${category(f, "id")} mewajibkan atribut ${attribute(f)}, tetapi baris ini tidak mengisinya`,
      en: (f) => `${category(f, "en")} requires the attribute ${attribute(f)}, which this row does not give`,
    },
    hint: {
      id: (f) => `Isi kolom "Atribut: ${f.text("attribute") ?? "?"}" untuk baris ini${allowed(f, "id") ? ` dengan salah satu nilai: ${allowed(f, "id")}` : " dengan nilai yang sesuai"}`,
      en: (f) => `Fill the column "Atribut: ${f.text("attribute") ?? "?"}" for this row${allowed(f, "en") ? ` with one of: ${allowed(f, "en")}` : " with a fitting value"}`,
    },
  },
  CERTIFICATION_REQUIRED: {
    message: {
      id: (f) => `${category(f, "id")} mewajibkan sertifikat${f.text("certification") ? ` "${f.text("certification")}"` : ""}`,
      en: (f) => `${category(f, "en")} requires a certificate${f.text("certification") ? ` ("${f.text("certification")}")` : ""}`,
    },
    hint: {
      id: () => "Isi nomor izin edar (BPOM / POM TR) dan foto sertifikatnya di katalog, atau pilih kategori lain yang sesuai",
      en: () => "Give the registration number (BPOM / POM TR) and a photo of the certificate in the catalogue, or choose another fitting category",
    },
  },
  LISTING_REJECTED: {
    message: {
      id: (f) => `Produk ini ditolak saat ditinjau marketplace: ${f.text("reasons") ?? "tanpa alasan"}`,
      en: (f) => `The marketplace's review rejected this product: ${f.text("reasons") ?? "no reason given"}`,
    },
    hint: {
      id: (f) => `${f.text("suggestions") ? `${f.text("suggestions")}. ` : ""}Ubah baris ini; produk dikirim ulang untuk ditinjau hanya setelah berubah`,
      en: (f) => `${f.text("suggestions") ? `${f.text("suggestions")}. ` : ""}Change this row; the product is sent for review again only once it changed`,
    },
  },
  CONDITION_NOT_SUPPORTED: {
    message: {
      id: (f) => `Kondisi "bekas" hanya bisa untuk produk yang dijual di Tokopedia saja; ${f.text("target") ?? "toko ini"} juga menjualnya di TikTok Shop`,
      en: (f) => `The "used" condition is only possible for products sold on Tokopedia alone; ${f.text("target") ?? "this shop"} also sells on TikTok Shop`,
    },
    hint: {
      id: () => 'Tulis "baru" bila barangnya baru, atau setel "platforms": ["TOKOPEDIA"] di blok tiktok-shop desbumi.config.json',
      en: () => 'Write "baru" (new) if the item is new, or set "platforms": ["TOKOPEDIA"] in the tiktok-shop block of desbumi.config.json',
    },
  },
  ETALASE_NOT_SUPPORTED: {
    message: {
      id: (f) => `${f.text("target") ?? "Marketplace ini"} tidak memakai etalase: kolom etalase${f.quoted ? ` (${f.quoted}` : " ("}${(f.num("rows") ?? 1) > 1 ? ` dan ${(f.num("rows") ?? 1) - 1} baris lain` : ""}) tidak dikirim`,
      en: (f) => `${f.text("target") ?? "This marketplace"} has no etalase (showcase): the etalase column${f.quoted ? ` (${f.quoted}` : " ("}${(f.num("rows") ?? 1) > 1 ? ` and ${(f.num("rows") ?? 1) - 1} more rows` : ""}) is not sent`,
    },
    hint: {
      id: () => "Tidak perlu diubah: pembeli menemukan produk lewat kategorinya. Kolom ini tetap dipakai untuk marketplace lain yang punya etalase",
      en: () => "Nothing to change: buyers find the products by their category. The column is still used for marketplaces that have etalase",
    },
  },
  CERTIFICATES_NOT_SENT: {
    message: {
      id: (f) => `${f.text("target") ?? "Marketplace ini"} tidak punya tempat untuk foto sertifikat: foto sertifikat${f.quoted ? ` (${f.quoted}` : " ("}${(f.num("rows") ?? 1) > 1 ? ` dan ${(f.num("rows") ?? 1) - 1} baris lain` : ""}) tidak dikirim`,
      en: (f) => `${f.text("target") ?? "This marketplace"} has no place for certificate photos: the certificate photos${f.quoted ? ` (${f.quoted}` : " ("}${(f.num("rows") ?? 1) > 1 ? ` and ${(f.num("rows") ?? 1) - 1} more rows` : ""}) are not sent`,
    },
    hint: {
      id: () => "Tulis nomor izin (PIRT/BPOM) di deskripsi bila pembeli perlu melihatnya. Kolom ini tetap dipakai untuk marketplace yang meminta sertifikat (Tokopedia & Shop, Shopee)",
      en: () => "Put the permit number (PIRT/BPOM) in the description if buyers should see it. The column is still used for marketplaces that ask for certificates (Tokopedia & Shop, Shopee)",
    },
  },
  ATTRIBUTES_NOT_SENT: {
    message: {
      id: (f) => `${f.text("target") ?? "Marketplace ini"} tidak punya atribut kategori: kolom ${f.text("column") ?? "Atribut"}${f.quoted ? ` (${f.quoted}` : " ("}${(f.num("rows") ?? 1) > 1 ? ` dan ${(f.num("rows") ?? 1) - 1} baris lain` : ""}) tidak dikirim`,
      en: (f) => `${f.text("target") ?? "This marketplace"} has no category attributes: the ${f.text("column") ?? "Atribut"} column${f.quoted ? ` (${f.quoted}` : " ("}${(f.num("rows") ?? 1) > 1 ? ` and ${(f.num("rows") ?? 1) - 1} more rows` : ""}) is not sent`,
    },
    hint: {
      id: () => "Tidak perlu diubah untuk marketplace ini. Kolom atribut tetap dipakai untuk Tokopedia & Shop dan Shopee",
      en: () => "Nothing to change for this marketplace. Attribute columns are still used for Tokopedia & Shop and Shopee",
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
