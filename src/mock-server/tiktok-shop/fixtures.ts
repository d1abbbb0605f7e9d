// Category, attribute, rule, brand and warehouse fixtures of the mock Indonesian shop (reference
// §6): village products (food, coffee, jamu, batik, crafts, masks). Ids are 19-digit-style strings.

export type Permission = "AVAILABLE" | "INVITE_ONLY" | "NON_MAIN_CATEGORY" | "PROHIBITED";

export interface MockCategory {
  id: string;
  parent_id: string;
  local_name: string;
  is_leaf: boolean;
  permission_statuses: Permission[];
}

export interface MockAttribute {
  id: string;
  name: string;
  type: "SALES_PROPERTY" | "PRODUCT_PROPERTY";
  /** NOTE: the official sample spells it `is_requried`; the mock sends both spellings (§6). */
  is_requried: boolean;
  is_required: boolean;
  values: { id: string; name: string }[];
  is_customizable: boolean;
  is_multiple_selection: boolean;
}

export interface MockCertification {
  id: string;
  name: string;
  is_required: boolean;
}

const cat = (id: string, parent: string, name: string, leaf: boolean, permission: Permission = "AVAILABLE"): MockCategory => ({
  id,
  parent_id: parent,
  local_name: name,
  is_leaf: leaf,
  permission_statuses: [permission],
});

export const CATEGORIES: readonly MockCategory[] = [
  cat("600001", "0", "Makanan & Minuman", false),
  cat("600101", "600001", "Makanan Ringan", true),
  cat("600102", "600001", "Kopi", true),
  cat("600103", "600001", "Teh", true),
  cat("600104", "600001", "Madu", true),
  cat("600105", "600001", "Bumbu & Rempah", true),
  cat("600002", "0", "Kesehatan", false),
  cat("600201", "600002", "Jamu & Herbal", true),
  cat("600202", "600002", "Masker Kain", true),
  cat("600003", "0", "Pakaian", false),
  cat("600301", "600003", "Kain Batik", true),
  cat("600302", "600003", "Kemeja Batik", true),
  cat("600004", "0", "Kerajinan Tangan", false),
  cat("600401", "600004", "Anyaman", true),
  cat("600402", "600004", "Ukiran Kayu", true),
  cat("600403", "600004", "Gerabah", true, "INVITE_ONLY"),
  cat("600005", "0", "Tembakau", false),
  cat("600501", "600005", "Rokok Kretek", true, "PROHIBITED"),
  // What else village groups sell (the practice shop's catalogues use these names).
  cat("600106", "600001", "Keripik", true),
  cat("600107", "600001", "Kerupuk", true),
  cat("600108", "600001", "Kue Kering", true),
  cat("600109", "600001", "Kacang", true),
  cat("600110", "600001", "Camilan Lainnya", true),
  cat("600111", "600001", "Carica", true),
  cat("600112", "600001", "Manisan & Buah Kering", true),
  cat("600113", "600001", "Selai", true),
  cat("600114", "600001", "Gula Aren & Gula Semut", true),
  cat("600115", "600001", "Sambal", true),
  cat("600116", "600001", "Beras & Biji-bijian", true),
  // NOTE: jamu as a drink (jamu gendong: home-industry PIRT) is food; jamu sold as traditional
  // medicine ("Jamu & Herbal" under Kesehatan) needs its BPOM POM TR registration.
  cat("600117", "600001", "Jamu", true),
  cat("600118", "600001", "Minuman Herbal", true),
  cat("600119", "600001", "Sirup", true),
  cat("600203", "600002", "Minyak Herbal", true),
  cat("600204", "600002", "Sabun Herbal", true),
  cat("600303", "600003", "Batik Tulis", true),
  cat("600304", "600003", "Batik Cap", true),
  cat("600305", "600003", "Kain Tenun", true),
  cat("600306", "600003", "Sarung", true),
  cat("600307", "600003", "Peci & Blangkon", true),
  cat("600404", "600004", "Tas Anyaman", true),
  cat("600405", "600004", "Anyaman Bambu", true),
  cat("600406", "600004", "Anyaman Pandan", true),
  cat("600407", "600004", "Kerajinan Kayu", true),
  cat("600408", "600004", "Hiasan Dinding", true),
  cat("600409", "600004", "Mainan Tradisional", true),
  // NOTE: leaf names repeat under different parents on purpose ("Batik Tulis" cloth and wall art,
  // "Lainnya"): the real tree does that too, and a client must resolve names by path.
  cat("600410", "600004", "Batik Tulis", true),
  cat("600120", "600001", "Lainnya", true),
  cat("600411", "600004", "Lainnya", true),
  cat("600006", "0", "Rumah Tangga", false),
  cat("600601", "600006", "Cobek & Ulekan", true),
  cat("600602", "600006", "Tampah & Bakul", true),
  cat("600603", "600006", "Alat Masak Tradisional", true),
];

const attr = (
  id: string,
  name: string,
  required: boolean,
  values: string[],
  type: MockAttribute["type"] = "PRODUCT_PROPERTY",
  customizable = type === "SALES_PROPERTY",
): MockAttribute => ({
  id,
  name,
  type,
  is_requried: required,
  is_required: required,
  values: values.map((v, i) => ({ id: `${id}${String(i + 1).padStart(2, "0")}`, name: v })),
  is_customizable: customizable,
  is_multiple_selection: false,
});

const SIZE = attr("100000", "Ukuran", false, ["S", "M", "L", "XL"], "SALES_PROPERTY");
const COLOUR = attr("100001", "Warna", false, ["Merah", "Biru", "Hitam", "Coklat"], "SALES_PROPERTY");
const VARIANT = attr("100002", "Varian", false, [], "SALES_PROPERTY");

/** Per leaf category; a category absent here has only the generic sales properties. */
export const ATTRIBUTES: Readonly<Record<string, readonly MockAttribute[]>> = {
  "600301": [
    attr("200301", "Bahan", true, ["Katun", "Sutra", "Rayon", "Primisima"]),
    attr("200302", "Teknik", false, ["Tulis", "Cap", "Kombinasi"]),
    // A product property that takes the seller's own value too (is_customizable, §6).
    attr("200303", "Motif", false, ["Parang", "Kawung", "Truntum", "Sekar Jagad"], "PRODUCT_PROPERTY", true),
    COLOUR,
  ],
  "600302": [attr("200301", "Bahan", true, ["Katun", "Sutra", "Rayon", "Primisima"]), SIZE, COLOUR],
  "600202": [attr("200201", "Bahan", false, ["Katun", "Kain Spunbond", "Batik"]), SIZE, COLOUR],
  "600201": [attr("200101", "Bentuk", false, ["Bubuk", "Cair", "Kapsul", "Rajangan"]), VARIANT],
};

export const GENERIC_SALES_ATTRIBUTES: readonly MockAttribute[] = [VARIANT, SIZE, COLOUR];

/** Category rules (§6 Get Category Rules): jamu needs its BPOM traditional-medicine registration. */
export const CERTIFICATIONS: Readonly<Record<string, readonly MockCertification[]>> = {
  "600201": [{ id: "700201", name: "Izin Edar BPOM (POM TR)", is_required: true }],
  "600105": [{ id: "700301", name: "Sertifikat Halal", is_required: false }],
};

export const BRANDS = [
  { id: "800001", name: "Desa Wisata", authorized_status: "AUTHORIZED", brand_status: "AVAILABLE", is_t1_brand: false },
  { id: "800002", name: "Kopi Kintamani", authorized_status: "UNAUTHORIEZD", brand_status: "AVAILABLE", is_t1_brand: false },
  { id: "800003", name: "Batik Lasem", authorized_status: "AUTHORIZED", brand_status: "AVAILABLE", is_t1_brand: false },
];

export interface MockWarehouse {
  id: string;
  name: string;
  effect_status: "ENABLED" | "DISABLED" | "RESTRICTED";
  type: "SALES_WAREHOUSE" | "RETURN_WAREHOUSE";
  is_default: boolean;
}

export const WAREHOUSES: readonly MockWarehouse[] = [
  { id: "7300000000000000001", name: "Gudang Desa Utama", effect_status: "ENABLED", type: "SALES_WAREHOUSE", is_default: true },
  { id: "7300000000000000002", name: "Gudang Pasar Kecamatan", effect_status: "ENABLED", type: "SALES_WAREHOUSE", is_default: false },
  { id: "7300000000000000003", name: "Retur Desa", effect_status: "ENABLED", type: "RETURN_WAREHOUSE", is_default: true },
];

/** Default review rule (§4.4 audit): claims to cure a disease are refused, as the platform's policy does for jamu. */
export const DEFAULT_REJECT_WORDS = ["menyembuhkan", "obat kanker"];
export const REJECT_REASON = {
  position: "product",
  reasons: ["Klaim medis tidak diizinkan / Medical claims are not allowed"],
  suggestions: ["Hapus klaim khasiat menyembuhkan dari judul dan deskripsi / Remove cure claims from the title and description"],
};
