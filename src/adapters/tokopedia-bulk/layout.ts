// The Seller Center bulk-upload sheet ("Tambah Produk Sekaligus"), shared/reference/
// tokopedia-seller-api.md section 8.
// NOTE: Layout B (20 columns A-T), the newest: it is the layout of Tokopedia's own sample file
// (filled by the WOO plugin) and of XLS2. Layout A (23 columns) is older and adds YouTube video
// columns we have no data for; its readers still accept our rows by header text.

export const BULK_SHEET_NAME = "ISI Template Impor Produk";
/** Row 1 group headers, row 2 column headers, row 3 instructions, data from row 4. */
export const GROUP_ROW = 1;
export const HEADER_ROW = 2;
export const INSTRUCTION_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** No documented maximum per file; 1,000 is what TikTok Shop (Tokopedia's owner) states. */
export const MAX_PRODUCTS_PER_WORKBOOK = 1000;

export type BulkField =
  | "error"
  | "name"
  | "description"
  | "categoryCode"
  | "weight"
  | "minOrder"
  | "etalase"
  | "preorderDays"
  | "condition"
  | "image1"
  | "image2"
  | "image3"
  | "image4"
  | "image5"
  | "sku"
  | "status"
  | "stock"
  | "price"
  | "couriers"
  | "insurance";

export interface BulkColumn {
  field: BulkField;
  /** Header text exactly as in the template (`*` = required). */
  header: string;
  /** Row 3: the template's own instruction, in Indonesian as Seller Center shows it. */
  instruction: string;
  width: number;
}

export const BULK_COLUMNS: readonly BulkColumn[] = [
  { field: "error", header: "Pesan Error", instruction: "Kosongkan. Diisi Tokopedia jika ada kesalahan setelah upload.", width: 18 },
  { field: "name", header: "Nama Produk*", instruction: "Maks. 70 karakter. Nama produk harus unik.", width: 36 },
  { field: "description", header: "Deskripsi Produk*", instruction: "Maks. 2000 karakter.", width: 48 },
  { field: "categoryCode", header: "Kode Kategori*", instruction: "Isi dengan kode kategori (angka) dari lembar kategori.", width: 14 },
  { field: "weight", header: "Berat* (Gram)", instruction: "Dalam gram, angka bulat tanpa tanda , atau .", width: 12 },
  { field: "minOrder", header: "Minimum Pemesanan*", instruction: "1 - 9999. Selain itu menjadi 1.", width: 12 },
  { field: "etalase", header: "Nomor Etalase", instruction: "Opsional. Kode etalase dari lembar Daftar Etalase.", width: 12 },
  { field: "preorderDays", header: "Waktu Proses Preorder", instruction: "Opsional. 3 - 90 hari; selain itu tanpa preorder.", width: 12 },
  { field: "condition", header: "Kondisi*", instruction: "Baru atau Bekas.", width: 10 },
  { field: "image1", header: "Foto Produk 1*", instruction: "URL foto utama (wajib).", width: 30 },
  { field: "image2", header: "Foto Produk 2", instruction: "URL foto (opsional).", width: 30 },
  { field: "image3", header: "Foto Produk 3", instruction: "URL foto (opsional).", width: 30 },
  { field: "image4", header: "Foto Produk 4", instruction: "URL foto (opsional).", width: 30 },
  { field: "image5", header: "Foto Produk 5", instruction: "URL foto (opsional).", width: 30 },
  { field: "sku", header: "SKU Name", instruction: "Opsional. Maks. 50 karakter.", width: 18 },
  { field: "status", header: "Status*", instruction: "Aktif atau Nonaktif.", width: 10 },
  { field: "stock", header: "Jumlah Stok*", instruction: "1 - 999999. Angka bulat.", width: 12 },
  { field: "price", header: "Harga (Rp)*", instruction: "Angka bulat tanpa titik atau koma, minimal 100.", width: 14 },
  { field: "couriers", header: "Kurir Pengiriman*", instruction: "ID kurir dipisah koma, contoh: 1,2,6.", width: 18 },
  { field: "insurance", header: "Asuransi Pengiriman*", instruction: "Ya atau Opsional.", width: 14 },
];

/** Row 1: group headers spanning column ranges (1-based, inclusive). */
export const BULK_GROUPS: readonly { title: string; from: number; to: number }[] = [
  { title: "Informasi Produk", from: 2, to: 14 },
  { title: "Informasi SKU", from: 15, to: 20 },
];

/** Values in the template's words. */
export const CONDITION_WORDS = { NEW: "Baru", USED: "Bekas" } as const;
export const STATUS_WORDS = { active: "Aktif", inactive: "Nonaktif" } as const;
export const INSURANCE_WORDS = ["Ya", "Opsional"] as const;
export type Insurance = (typeof INSURANCE_WORDS)[number];

/** `tokopedia-upload-001.xlsx`, numbered from 1: new products, for "Tambah Produk Sekaligus". */
export const workbookName = (index: number): string => `tokopedia-upload-${String(index).padStart(3, "0")}.xlsx`;
export const WORKBOOK_NAME_PATTERN = /^tokopedia-upload-\d{3,}\.xlsx$/;

/**
 * `tokopedia-ubah-001.xlsx`: products that already exist (changed, hidden or shown again). NOTE: the
 * add template has no product id column and wants unique names (shared/reference/
 * tokopedia-seller-api.md section 8), so a row for an existing product would add it a second time;
 * Seller Center edits in bulk with its own "Ubah Sekaligus" file (downloaded from the shop, with
 * `Product ID`). This workbook lists the edits to make there; it is never an upload for "Tambah".
 */
export const editWorkbookName = (index: number): string => `tokopedia-ubah-${String(index).padStart(3, "0")}.xlsx`;
export const EDIT_WORKBOOK_NAME_PATTERN = /^tokopedia-ubah-\d{3,}\.xlsx$/;
/** Every workbook name this adapter writes (stale ones are removed, previous exports read). */
export const isOwnWorkbook = (name: string): boolean => WORKBOOK_NAME_PATTERN.test(name) || EDIT_WORKBOOK_NAME_PATTERN.test(name);

/** The edit workbook's sheet: a `Product ID` column and what changed, before the template's columns. */
export const EDIT_SHEET_NAME = "Ubah Produk (bukan Tambah)";
export const EDIT_EXTRA_HEADERS = ["Product ID", "Yang Berubah"] as const;

/** Reference sheets after the template sheet, as Seller Center's own file has (its instructions name them). */
export const REFERENCE_SHEETS = { categories: "Referensi Kategori", etalase: "Referensi Etalase", couriers: "Referensi Kurir" } as const;
