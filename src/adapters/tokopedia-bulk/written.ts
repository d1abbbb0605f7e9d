// What a bulk export says about the files it wrote: where each goes in Seller Center, which
// columns changed on an edit row, and what the reference sheets list. Pure.
import type { Text } from "../../i18n.js";
import type { Change, ListingField } from "../../plan/types.js";
import type { BulkRow, RowSettings } from "./to-row.js";
import type { ReferenceData } from "./write-workbook.js";

export const ADD_USE: Text = {
  id: "produk baru: upload di Seller Center > Tambah Produk Sekaligus",
  en: "new products: upload in Seller Center > Tambah Produk Sekaligus (bulk add)",
};

export const EDIT_USE: Text = {
  id: "produk yang sudah ada: JANGAN upload lewat Tambah Produk Sekaligus (produknya jadi ganda); ubah lewat Seller Center > Ubah Sekaligus, cari dengan Product ID atau SKU Name",
  en: "products that already exist: do NOT upload via Tambah Produk Sekaligus (it would add them a second time); make these changes in Seller Center > Ubah Sekaligus (bulk edit), found by Product ID or SKU Name",
};

/** Field -> the template column it lands in. `attributes` never reaches a bulk file (it cannot read them back, so plans for it never change them). */
const COLUMN_OF: Record<Exclude<ListingField, "attributes">, string> = {
  name: "Nama Produk*",
  description: "Deskripsi Produk*",
  price: "Harga (Rp)*",
  stock: "Jumlah Stok*",
  weight: "Berat* (Gram)",
  category: "Kode Kategori*",
  condition: "Kondisi*",
  min_order: "Minimum Pemesanan*",
  etalase: "Nomor Etalase",
  images: "Foto Produk",
};

/** `Harga (Rp)*, Status*`: the columns an edit row changes, in the template's words. */
export function changedColumns(change: Change): string {
  const columns = change.kind === "create" ? [] : change.fields.flatMap((f) => (f.field === "attributes" ? [] : [COLUMN_OF[f.field]]));
  if (change.kind === "deactivate" || change.kind === "reactivate") columns.push("Status*");
  return [...new Set(columns)].join(", ");
}

const DIGITS = /^\d+$/;

/** The categories, etalase and couriers a workbook's rows use. */
export function referenceFor(items: readonly { change: Change; row: BulkRow }[], settings: RowSettings, categoryNames: ReadonlyMap<string, string>): ReferenceData {
  const categories = new Map<string, string>();
  const etalase = new Map<string, string | undefined>();
  for (const { change, row } of items) {
    const code = row.categoryCode === null ? undefined : String(row.categoryCode);
    const product = change.product;
    if (code !== undefined) {
      const cell = product?.category.trim() ?? "";
      const name = categoryNames.get(code) ?? (cell !== "" && !DIGITS.test(cell) ? cell : "");
      if (!categories.get(code)) categories.set(code, name);
    }
    const written = product?.etalase.trim() ?? (row.etalase === null ? "" : String(row.etalase));
    if (written !== "") etalase.set(written, DIGITS.test(written) ? written : undefined);
  }
  return { categories, etalase, couriers: settings.couriers };
}
