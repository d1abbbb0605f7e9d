// The short Indonesian instruction sheet ("Petunjuk") beside the data sheet of the xlsx template
// (issue 14). It is the second sheet: the reader reads the first (the catalogue) and never this one.

export const INSTRUCTIONS_SHEET_NAME = "Petunjuk";

export const INSTRUCTIONS: readonly string[] = [
  "Petunjuk mengisi katalog desbumi",
  "",
  "1. Isi produk di lembar Katalog: satu baris untuk satu produk. Jangan ubah judul kolom.",
  "2. Ganti baris contoh (CONTOH-001) dengan produk Anda. desbumi tidak menjual baris contoh.",
  "3. Kode Produk (SKU) harus unik dan jangan diubah setelah produk tayang.",
  "4. Produk bervarian (ukuran, warna, rasa): satu baris per varian. Semua baris varian memakai Kode Induk yang sama;",
  "   tulis nama pilihan di Nama Variasi 1 (mis. Ukuran) dan nilainya di Varian untuk Variasi 1 (mis. M).",
  "   Nama, deskripsi, kategori dan foto cukup ditulis di baris varian pertama.",
  "5. Foto: tautan https://..., atau nama berkas foto (mis. kopi-1.jpg) yang disimpan di folder foto/ di samping berkas ini.",
  "   Foto harus JPG, PNG atau WEBP (foto iPhone HEIC diubah dulu ke JPG).",
  "6. Makanan, minuman dan jamu: isi No. PIRT atau No. BPOM (jamu: POM TR), dan Sertifikat Halal bila ada.",
  "   Foto Sertifikat: nama berkas foto atau PDF sertifikat di folder foto/.",
  "7. Merek: kosongkan atau tulis Tanpa Merek bila tidak bermerek.",
  "8. Atribut lain yang diminta marketplace: tambah kolom berjudul Atribut: <nama>, mis. Atribut: Bahan.",
  "9. Harga atau nama khusus satu marketplace: tambah kolom Harga (Shopee), Stok (Shopee) atau Nama Produk (TikTok Shop).",
  "10. Periksa katalog sebelum sinkron: desbumi validate <nama berkas>.xlsx",
  "",
  "Arahkan kursor ke judul kolom di lembar Katalog untuk penjelasan tiap kolom.",
];
