// Wording of the issues predicted against the live shop at plan time (issue 12.6, 12.12, adoption).
import type { IssueCode } from "../issues.js";
import type { Wording } from "./messages.js";

/** " value" when there is one, so a message without facts has no double space. */
const sp = (s: string): string => (s === "" ? "" : ` ${s}`);

export const SHOP_WORDING = {
  ETALASE_NOT_FOUND: {
    message: {
      id: (f) => `Etalase${sp(f.quoted)} tidak ada di toko ini${f.text("known") ? ` (etalase toko: ${f.text("known")})` : ""}`,
      en: (f) => `Etalase${sp(f.quoted)} is not in this shop${f.text("known") ? ` (the shop's etalase: ${f.text("known")})` : ""}`,
    },
    hint: {
      id: (f) =>
        f.text("practice")
          ? "Toko latihan membuatnya sendiri; toko sungguhan menolak baris ini sampai etalase itu dibuat di Seller Center (Etalase Toko > Tambah Etalase). Periksa juga ejaannya"
          : "Periksa ejaannya, atau buat dulu etalase itu di Seller Center (Etalase Toko > Tambah Etalase), lalu jalankan sync lagi",
      en: (f) =>
        f.text("practice")
          ? "The practice shop creates it itself; a real shop refuses this row until that etalase is made in Seller Center (Etalase Toko > Tambah Etalase). Check the spelling too"
          : "Check the spelling, or create that etalase in Seller Center first (Etalase Toko > Tambah Etalase), then run sync again",
    },
  },
  LISTING_NAME_TAKEN: {
    message: {
      id: (f) => `Nama produk${sp(f.quoted)} sudah dipakai produk lain di toko (id ${f.text("listing") ?? "?"}${f.text("sku") ? `, SKU ${f.text("sku")}` : ", tanpa SKU"}); marketplace menolak nama yang sama dua kali`,
      en: (f) => `Product name${sp(f.quoted)} is already used by another listing in the shop (id ${f.text("listing") ?? "?"}${f.text("sku") ? `, SKU ${f.text("sku")}` : ", without SKU"}); the marketplace refuses the same name twice`,
    },
    hint: {
      id: (f) =>
        f.text("sku")
          ? "Beri nama lain (tambahkan ukuran, rasa atau warna), atau pakai SKU produk yang sudah ada itu di baris ini"
          : "Produk itu dibuat langsung di marketplace: jalankan sync --adopt agar desbumi memasang SKU ini pada produk itu (tidak membuat yang kedua), atau beri nama lain",
      en: (f) =>
        f.text("sku")
          ? "Give it another name (add the size, flavour or colour), or use that listing's SKU on this row"
          : "That listing was made by hand on the marketplace: run sync --adopt so desbumi puts this SKU on it (instead of creating a second one), or give the row another name",
    },
  },
  ADOPT_AMBIGUOUS: {
    message: {
      id: (f) => `Nama produk${sp(f.quoted)} cocok dengan beberapa produk tanpa SKU di toko (id ${f.text("listings") ?? "?"}); desbumi tidak menebak`,
      en: (f) => `Product name${sp(f.quoted)} matches several listings without SKU in the shop (ids ${f.text("listings") ?? "?"}); desbumi does not guess`,
    },
    hint: {
      id: () => "Pasang SKU ini pada salah satunya di Seller Center (dan hapus atau ganti nama yang lain), lalu jalankan sync lagi",
      en: () => "Put this SKU on one of them in Seller Center (and delete or rename the others), then run sync again",
    },
  },
  LISTING_HAS_VARIANTS: {
    message: {
      id: (f) => `Baris ini produk tanpa varian, tetapi produknya di toko (id ${f.text("listing") ?? "?"}) punya ${f.num("count") ?? "?"} varian; desbumi tidak menghapus varian, jadi produk itu dibiarkan`,
      en: (f) => `This row is a product without variants, but its listing (id ${f.text("listing") ?? "?"}) has ${f.num("count") ?? "?"} variants; desbumi never deletes variants, so the listing is left alone`,
    },
    hint: {
      id: () => "Tulis varian-variannya di katalog (satu baris per varian dengan kode induk ini), atau hapus variannya sendiri di Seller Center, lalu jalankan sync lagi",
      en: () => "Write its variants in the catalogue (one row per variant with this parent code), or remove the variants yourself in Seller Center, then run sync again",
    },
  },
  LISTING_WITHOUT_VARIANTS: {
    message: {
      id: (f) => `Produk ini punya ${f.num("count") ?? "?"} varian di katalog, tetapi produknya di toko (id ${f.text("listing") ?? "?"}) belum punya varian; rencana ini menambahkan semua variannya`,
      en: (f) => `This product has ${f.num("count") ?? "?"} variants in the catalogue, but its listing (id ${f.text("listing") ?? "?"}) has none yet; this plan adds all of them`,
    },
    hint: {
      id: () => "Periksa rencananya sebelum menerapkan: harga dan stok produk itu sesudahnya berasal dari variannya",
      en: () => "Check the plan before applying it: the listing's price and stock then come from its variants",
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
