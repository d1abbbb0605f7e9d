// The empty catalogue `desbumi template` writes: Indonesian headers the catalogue reader knows,
// a note per column (both languages) and one example row; then (issue 14) the variant, brand and
// certificate columns, left empty on the example row (a single product).
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
    id: `Foto produk: alamat (URL) yang diawali https://, atau nama berkas foto di folder foto/ di samping katalog (mis. kopi-1.jpg).${n === 1 ? " Minimal satu foto wajib diisi." : " Opsional."} Maksimal 5 foto.`,
    en: `A product photo: a web address (URL) starting with https://, or the name of a photo file in the foto/ folder next to the catalogue (e.g. kopi-1.jpg).${n === 1 ? " At least one photo is required." : " Optional."} At most 5 photos.`,
  },
  example,
  width: 34,
});

const empty = (header: string, width: number, id: string, en: string): TemplateColumn => ({ header, note: { id, en }, example: "", width });

/** Issue 14: variants (one row per variant), brand and certificates. The example row leaves them empty. */
export const V2_COLUMNS: readonly TemplateColumn[] = [
  empty("Kode Induk", 14, "Untuk produk bervarian (ukuran, warna, rasa): satu baris per varian, dengan Kode Induk yang sama di semua barisnya, dan Kode Produk (SKU) sendiri per varian. Kosongkan untuk produk tanpa varian.", "For a product with variants (sizes, colours, flavours): one row per variant, all with the same Kode Induk, each with its own Kode Produk (SKU). Leave empty for a product without variants."),
  empty("Nama Variasi 1", 14, "Nama pilihan pertama, mis. Ukuran, Warna, Rasa atau Isi.", "The first option's name, e.g. Ukuran (size), Warna (colour), Rasa (flavour) or Isi (contents)."),
  empty("Varian untuk Variasi 1", 14, "Nilai pilihan pertama untuk varian di baris ini, mis. M, Merah, Pedas, 250 ml.", "The first option's value for this row's variant, e.g. M, Merah, Pedas, 250 ml."),
  empty("Nama Variasi 2", 14, "Opsional: nama pilihan kedua, mis. Warna.", "Optional: the second option's name, e.g. Warna (colour)."),
  empty("Varian untuk Variasi 2", 14, "Opsional: nilai pilihan kedua untuk varian ini.", "Optional: the second option's value for this variant."),
  empty("Foto Variasi", 24, "Opsional: satu foto untuk varian ini (tautan https:// atau nama berkas di folder foto/).", "Optional: one photo for this variant (a https:// link or a file name in the foto/ folder)."),
  empty("Merek", 14, "Merek produk. Kosongkan atau tulis Tanpa Merek bila tidak bermerek.", "The product's brand. Leave empty or write Tanpa Merek when it has none."),
  empty("No. PIRT", 20, "Makanan/minuman rumahan: nomor P-IRT (15 angka) dari SPP-IRT, persis seperti di kemasan.", "Home-made food and drink: the P-IRT number (15 digits) from the SPP-IRT certificate, exactly as on the package."),
  empty("No. BPOM", 22, "Pangan olahan terdaftar: nomor BPOM RI MD atau ML (mis. BPOM RI MD 224510107115).", "Registered processed food: the BPOM RI MD or ML number (e.g. BPOM RI MD 224510107115)."),
  empty("POM TR", 18, "Jamu dan obat tradisional: nomor POM TR (mis. POM TR 182614921).", "Jamu and traditional medicine: the POM TR number (e.g. POM TR 182614921)."),
  empty("Sertifikat Halal", 22, "Nomor sertifikat halal BPJPH (diawali ID), bila ada.", "The BPJPH halal certificate number (starting with ID), if any."),
  empty("Foto Sertifikat", 24, "Foto atau PDF sertifikat (nama berkas di folder foto/, atau tautan https://). Boleh beberapa, dipisah |.", "A photo or PDF of the certificate (a file name in the foto/ folder, or a https:// link). Several are fine, separated by |."),
];

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
  ...V2_COLUMNS,
];
