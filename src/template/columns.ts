// The empty catalogue `desbumi template` writes: Indonesian headers the catalogue reader knows,
// a note per column (both languages) and one example row.
import type { Text } from "../i18n.js";

export interface TemplateColumn {
  header: string;
  note: Text;
  /** The example row's value: a number stays a number in .xlsx. */
  example: string | number;
  /** Excel number format for the column, so typed numbers show as the facilitator expects. */
  numFmt?: string;
  width: number;
}

export const TEMPLATE_SHEET_NAME = "Katalog";
export const RUPIAH_FORMAT = '"Rp "#,##0';

const photo = (n: number, example: string): TemplateColumn => ({
  header: `Foto Produk ${n}`,
  note: {
    id: `Alamat (URL) foto produk yang diawali https://.${n === 1 ? " Minimal satu foto wajib diisi." : " Opsional."} Maksimal 5 foto.`,
    en: `Web address (URL) of a product photo, starting with https://.${n === 1 ? " At least one photo is required." : " Optional."} At most 5 photos.`,
  },
  example,
  width: 34,
});

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  {
    header: "Kode Produk (SKU)",
    note: {
      id: "Kode unik tiap produk, maks. 50 karakter: huruf, angka, - _ . Jangan diubah setelah produk tayang: desbumi mengenali produk dari kode ini. Ganti baris contoh dengan produk Anda.",
      en: "A unique code per product, at most 50 characters: letters, digits, - _ . Do not change it once the product is listed: desbumi recognises products by it. Replace the example row with your products.",
    },
    example: "CONTOH-001",
    width: 18,
  },
  {
    header: "Nama Produk",
    note: {
      id: "Nama yang tampil di toko, maks. 70 karakter, tidak boleh sama dengan produk lain.",
      en: "The name shown in the shop, at most 70 characters, different from every other product.",
    },
    example: "Kopi Bubuk Robusta Wonosobo 250 g",
    width: 36,
  },
  {
    header: "Deskripsi",
    note: {
      id: "Penjelasan produk, maks. 2000 karakter, teks biasa (tanpa HTML).",
      en: "Product description, at most 2000 characters, plain text (no HTML).",
    },
    example: "Kopi robusta petani Wonosobo, sangrai sedang, giling halus.",
    width: 48,
  },
  {
    header: "Harga (Rp)",
    note: {
      id: "Harga dalam rupiah, angka bulat. Boleh ditulis 25000, 25.000 atau Rp 25.000. Minimal Rp 100.",
      en: "Price in rupiah, a whole number. 25000, 25.000 or Rp 25.000 all work. At least Rp 100.",
    },
    example: 25000,
    numFmt: RUPIAH_FORMAT,
    width: 14,
  },
  {
    header: "Stok",
    note: { id: "Jumlah barang yang tersedia, angka bulat.", en: "How many items are available, a whole number." },
    example: 50,
    width: 10,
  },
  {
    header: "Berat (gram)",
    note: {
      id: "Berat kirim dalam gram. Boleh juga ditulis 250 gr, 0,5 kg atau 2 ons.",
      en: "Shipping weight in grams. 250 gr, 0,5 kg or 2 ons also work.",
    },
    example: 250,
    width: 12,
  },
  {
    header: "Kategori",
    note: {
      id: "Kategori marketplace: kode angka (mis. 1760) atau nama/jalur (mis. Kopi, atau Makanan & Minuman > Minuman > Kopi). Lihat daftar dengan: desbumi categories.",
      en: "Marketplace category: a numeric code (e.g. 1760) or a name/path (e.g. Kopi, or Makanan & Minuman > Minuman > Kopi). List them with: desbumi categories.",
    },
    example: "Kopi",
    width: 16,
  },
  {
    header: "Kondisi",
    note: { id: "Baru atau Bekas. Kosong berarti Baru.", en: "Baru (new) or Bekas (used). Empty means new." },
    example: "Baru",
    width: 10,
  },
  {
    header: "Status",
    note: {
      id: "Aktif (dijual) atau Nonaktif (disembunyikan). Kosong berarti Aktif.",
      en: "Aktif (for sale) or Nonaktif (hidden). Empty means active.",
    },
    example: "Aktif",
    width: 10,
  },
  {
    header: "Minimum Pemesanan",
    note: { id: "Jumlah minimal per pesanan, 1 sampai 9999. Kosong berarti 1.", en: "Smallest quantity per order, 1 to 9999. Empty means 1." },
    example: 1,
    width: 12,
  },
  {
    header: "Etalase",
    note: {
      id: "Opsional: etalase (rak toko) tempat produk ditampilkan, kode atau nama.",
      en: "Optional: the showcase (shop shelf) the product appears in, code or name.",
    },
    example: "",
    width: 14,
  },
  photo(1, "https://example.com/foto/kopi-robusta-1.jpg"),
  photo(2, ""),
  photo(3, ""),
  photo(4, ""),
  photo(5, ""),
];
