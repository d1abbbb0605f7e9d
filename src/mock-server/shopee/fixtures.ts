// The mock shop's fixed catalogue (reference A3 lookups, mock item 16): an Indonesian category tree
// for village products (food, jamu, batik, crafts, masks), attribute trees per leaf, brands with
// "No Brand" = 0, and logistics channels.

export interface MockCategory {
  category_id: number;
  parent_category_id: number;
  original_category_name: string;
  display_category_name: string;
  has_children: boolean;
}

const tree: [id: number, parent: number, id_name: string, en_name: string][] = [
  [100001, 0, "Makanan & Minuman", "Food & Beverages"],
  [100002, 100001, "Makanan Ringan", "Snacks"],
  [100003, 100002, "Keripik", "Chips"],
  [100004, 100002, "Kue Kering", "Cookies"],
  [100005, 100001, "Minuman", "Beverages"],
  [100006, 100005, "Kopi", "Coffee"],
  [100007, 100005, "Teh", "Tea"],
  [100008, 100001, "Madu", "Honey"],
  [100009, 100001, "Bumbu & Rempah", "Spices"],
  [100010, 0, "Kesehatan", "Health"],
  [100011, 100010, "Jamu & Herbal", "Jamu & Herbal"],
  [100012, 100010, "Masker Kain", "Cloth Masks"],
  [100013, 0, "Pakaian Wanita", "Women Clothes"],
  [100014, 100013, "Kain Batik", "Batik Cloth"],
  [100015, 100013, "Kemeja Batik", "Batik Shirts"],
  [100016, 0, "Perlengkapan Rumah", "Home & Living"],
  [100017, 100016, "Kerajinan Tangan", "Handicrafts"],
  [100018, 100017, "Anyaman", "Woven Crafts"],
  [100019, 100017, "Gerabah", "Pottery"],
  [100020, 100017, "Ukiran Kayu", "Wood Carving"],
];

export function categories(language: "id" | "en"): MockCategory[] {
  const parents = new Set(tree.map(([, parent]) => parent));
  return tree.map(([id, parent, idName, enName]) => ({
    category_id: id,
    parent_category_id: parent,
    original_category_name: enName,
    display_category_name: language === "id" ? idName : enName,
    has_children: parents.has(id),
  }));
}

export const isLeafCategory = (id: number): boolean => tree.some(([c]) => c === id) && !tree.some(([, p]) => p === id);
export const isKnownCategory = (id: number): boolean => tree.some(([c]) => c === id);

export interface MockAttributeValue {
  value_id: number;
  name: string;
  value_unit: string;
}

export interface MockAttribute {
  attribute_id: number;
  mandatory: boolean;
  name: string;
  /** 1 single dropdown, 2 single combo box, 3 free text, 4 multi dropdown, 5 multi combo box. */
  input_type: 1 | 2 | 3 | 4 | 5;
  values: MockAttributeValue[];
}

const value = (value_id: number, name: string): MockAttributeValue => ({ value_id, name, value_unit: "" });

const SHELF_LIFE: MockAttribute = {
  attribute_id: 200001,
  mandatory: true,
  name: "Masa Penyimpanan",
  input_type: 2,
  values: [value(300001, "1 Bulan"), value(300002, "3 Bulan"), value(300003, "6 Bulan"), value(300004, "12 Bulan")],
};
const PIRT: MockAttribute = { attribute_id: 200002, mandatory: false, name: "No. Izin PIRT", input_type: 3, values: [] };
const BPOM: MockAttribute = { attribute_id: 200003, mandatory: false, name: "No. BPOM", input_type: 3, values: [] };
const MATERIAL: MockAttribute = {
  attribute_id: 200004,
  mandatory: true,
  name: "Bahan",
  input_type: 2,
  values: [value(300010, "Katun"), value(300011, "Sutra"), value(300012, "Rayon"), value(300013, "Bambu"), value(300014, "Pandan"), value(300015, "Kayu Jati")],
};
const ORIGIN: MockAttribute = {
  attribute_id: 200005,
  mandatory: false,
  name: "Asal Daerah",
  input_type: 2,
  values: [value(300020, "Jawa Tengah"), value(300021, "Yogyakarta"), value(300022, "Jawa Timur"), value(300023, "Bali")],
};
const BATIK_TECHNIQUE: MockAttribute = {
  attribute_id: 200006,
  mandatory: true,
  name: "Teknik Batik",
  input_type: 1,
  values: [value(300030, "Tulis"), value(300031, "Cap"), value(300032, "Kombinasi")],
};

/** Attribute tree by leaf category. Masker Kain, Gerabah and Ukiran Kayu have no mandatory attribute. */
const ATTRIBUTES: Record<number, MockAttribute[]> = {
  100003: [SHELF_LIFE, PIRT],
  100004: [SHELF_LIFE, PIRT],
  100006: [SHELF_LIFE, PIRT],
  100007: [SHELF_LIFE, PIRT],
  100008: [SHELF_LIFE, PIRT, BPOM],
  100009: [SHELF_LIFE, PIRT],
  100011: [SHELF_LIFE, BPOM],
  100012: [{ ...MATERIAL, mandatory: false }],
  100014: [MATERIAL, BATIK_TECHNIQUE, ORIGIN],
  100015: [MATERIAL, BATIK_TECHNIQUE, ORIGIN],
  100018: [MATERIAL, ORIGIN],
  100019: [ORIGIN],
  100020: [{ ...MATERIAL, mandatory: false }, ORIGIN],
};

export const attributesOf = (categoryId: number): MockAttribute[] => ATTRIBUTES[categoryId] ?? [];

export interface MockBrand {
  brand_id: number;
  original_brand_name: string;
  display_brand_name: string;
}

export const NO_BRAND: MockBrand = { brand_id: 0, original_brand_name: "NoBrand", display_brand_name: "No Brand" };

export const BRANDS: MockBrand[] = [
  NO_BRAND,
  { brand_id: 400001, original_brand_name: "Sido Muncul", display_brand_name: "Sido Muncul" },
  { brand_id: 400002, original_brand_name: "Kapal Api", display_brand_name: "Kapal Api" },
  { brand_id: 400003, original_brand_name: "Batik Keris", display_brand_name: "Batik Keris" },
  { brand_id: 400004, original_brand_name: "Desa Wisata Lipursari", display_brand_name: "Desa Wisata Lipursari" },
];

export interface MockChannel {
  logistics_channel_id: number;
  logistics_channel_name: string;
  enabled: boolean;
  cod_enabled: boolean;
  fee_type: "SIZE_SELECTION" | "SIZE_INPUT" | "FIXED_DEFAULT_PRICE" | "CUSTOM_PRICE";
  size_list: { size_id: string; name: string; default_price: number }[];
  weight_limit: { item_max_weight: number; item_min_weight: number };
  item_max_dimension: { height: number; width: number; length: number; unit: string; dimension_sum: number };
  mask_channel_id: number;
  force_enable: boolean;
}

const channel = (id: number, name: string, enabled: boolean, mask = 0, fee: MockChannel["fee_type"] = "SIZE_INPUT", sizes: MockChannel["size_list"] = []): MockChannel => ({
  logistics_channel_id: id,
  logistics_channel_name: name,
  enabled,
  cod_enabled: id === 8003,
  fee_type: fee,
  size_list: sizes,
  weight_limit: { item_max_weight: 30, item_min_weight: 0.01 },
  item_max_dimension: { height: 100, width: 100, length: 100, unit: "cm", dimension_sum: 300 },
  mask_channel_id: mask,
  force_enable: false,
});

/**
 * Usable ID channels of each fee type (reference A3 logistics: SIZE_INPUT needs the item's
 * dimension, SIZE_SELECTION a size_id, CUSTOM_PRICE a shipping_fee, FIXED_DEFAULT_PRICE nothing),
 * one the shop switched off, one masked (only usable through its mask).
 */
export const CHANNELS: MockChannel[] = [
  channel(8003, "SPX Hemat", true),
  channel(8005, "J&T Express", true, 0, "FIXED_DEFAULT_PRICE"),
  channel(8006, "SiCepat REG", false),
  channel(8007, "Kargo Desa", true, 0, "SIZE_SELECTION", [
    { size_id: "KD-S", name: "Kecil", default_price: 15_000 },
    { size_id: "KD-L", name: "Besar", default_price: 40_000 },
  ]),
  channel(8008, "Kurir Toko", true, 0, "CUSTOM_PRICE"),
  channel(80099, "Reguler (Cashless)", true, 8003),
];

export const channelOf = (id: number): MockChannel | undefined => CHANNELS.find((c) => c.logistics_channel_id === id);
export const usableChannel = (id: number): boolean => CHANNELS.some((c) => c.logistics_channel_id === id && c.enabled && c.mask_channel_id === 0);

/** logistic_info rows a seeded item carries: every usable channel, with what its fee type needs. */
export const seedLogistics = (): { logistic_id: number; enabled: boolean; size_id?: string; shipping_fee?: number }[] =>
  CHANNELS.filter((c) => c.enabled && c.mask_channel_id === 0).map((c) => ({
    logistic_id: c.logistics_channel_id,
    enabled: true,
    ...(c.fee_type === "SIZE_SELECTION" && c.size_list[0] ? { size_id: c.size_list[0].size_id } : {}),
    ...(c.fee_type === "CUSTOM_PRICE" ? { shipping_fee: 10_000 } : {}),
  }));
