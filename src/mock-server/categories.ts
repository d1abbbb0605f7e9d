// The mock's category tree: a realistic slice of Tokopedia's for what village groups sell.
// Ids are numeric strings as the category endpoint returns them; leaves have no `child`.
// NOTE: some leaf names repeat under different parents ("Lainnya", "Batik Tulis") on purpose:
// the real tree does that too, and clients must resolve names by path, not by leaf name alone.

export interface CategoryNode {
  id: string;
  name: string;
  child?: CategoryNode[];
}

const leaf = (id: string, name: string): CategoryNode => ({ id, name });
const branch = (id: string, name: string, child: CategoryNode[]): CategoryNode => ({ id, name, child });

export const DEFAULT_CATEGORIES: readonly CategoryNode[] = [
  branch("715", "Kesehatan", [
    branch("3052", "Masker & APD", [
      leaf("3053", "Masker Kain"),
      leaf("3054", "Masker Medis"),
      leaf("3055", "Face Shield"),
      leaf("3056", "Hazmat & APD"),
      leaf("3057", "Sarung Tangan Medis"),
    ]),
    branch("3060", "Obat & Herbal", [
      leaf("3061", "Minyak Herbal"),
      leaf("3062", "Suplemen Herbal"),
      leaf("3063", "Lainnya"),
    ]),
    branch("3070", "Perawatan Tubuh", [
      leaf("3071", "Sabun Herbal"),
      leaf("3072", "Lulur & Scrub"),
    ]),
  ]),
  branch("35", "Makanan & Minuman", [
    branch("2980", "Minuman", [
      leaf("2981", "Jamu"),
      leaf("2982", "Kopi"),
      leaf("2983", "Teh"),
      leaf("2984", "Minuman Herbal"),
      leaf("2985", "Sirup"),
      leaf("2986", "Lainnya"),
    ]),
    branch("2990", "Makanan Ringan", [
      leaf("2991", "Keripik"),
      leaf("2992", "Kerupuk"),
      leaf("2993", "Kue Kering"),
      leaf("2994", "Kacang"),
      leaf("2995", "Camilan Lainnya"),
    ]),
    branch("3000", "Makanan Kaleng & Awetan", [
      leaf("3001", "Manisan & Buah Kering"),
      leaf("3002", "Carica"),
      leaf("3003", "Selai"),
      leaf("3004", "Acar & Asinan"),
    ]),
    branch("3010", "Bahan Masakan", [
      leaf("3011", "Gula Aren & Gula Semut"),
      leaf("3012", "Madu"),
      leaf("3013", "Rempah & Bumbu Kering"),
      leaf("3014", "Sambal"),
      leaf("3015", "Beras & Biji-bijian"),
      leaf("3016", "Lainnya"),
    ]),
  ]),
  branch("1758", "Fashion Wanita", [
    branch("1790", "Batik Wanita", [
      leaf("1791", "Batik Tulis"),
      leaf("1792", "Batik Cap"),
      leaf("1793", "Kain Batik"),
      leaf("1794", "Kain Tenun"),
    ]),
    branch("1780", "Tas Wanita", [
      leaf("1781", "Tas Anyaman"),
      leaf("1782", "Tas Batik"),
      leaf("1783", "Dompet"),
    ]),
  ]),
  branch("1759", "Fashion Pria", [
    branch("1800", "Batik Pria", [
      leaf("1801", "Kemeja Batik"),
      leaf("1802", "Batik Tulis"),
      leaf("1803", "Batik Cap"),
    ]),
    leaf("1810", "Sarung"),
    leaf("1811", "Peci & Blangkon"),
  ]),
  branch("983", "Rumah Tangga", [
    branch("1000", "Dekorasi", [
      leaf("1001", "Kerajinan Kayu"),
      leaf("1002", "Gerabah & Keramik"),
      leaf("1003", "Hiasan Dinding"),
      leaf("1004", "Lainnya"),
    ]),
    branch("1010", "Peralatan Dapur", [
      leaf("1011", "Cobek & Ulekan"),
      leaf("1012", "Tampah & Bakul"),
      leaf("1013", "Alat Masak Tradisional"),
    ]),
  ]),
  branch("4100", "Kerajinan Tangan", [
    branch("4110", "Anyaman", [
      leaf("4111", "Anyaman Bambu"),
      leaf("4112", "Anyaman Pandan"),
      leaf("4113", "Anyaman Rotan"),
    ]),
    branch("4120", "Ukiran", [
      leaf("4121", "Ukiran Kayu"),
      leaf("4122", "Ukiran Batu"),
    ]),
    leaf("4130", "Mainan Tradisional"),
    leaf("4140", "Lainnya"),
  ]),
];

export interface CategoryLeaf {
  id: number;
  name: string;
  /** Names from the root down to this leaf. */
  path: { id: number; name: string }[];
}

export interface CategoryIndex {
  tree: readonly CategoryNode[];
  /** Leaves by numeric id. Only leaves may hold products. */
  leaves: ReadonlyMap<number, CategoryLeaf>;
  /** Every id in the tree (leaf or not), to tell "not a leaf" from "unknown". */
  allIds: ReadonlySet<number>;
}

export function indexCategories(tree: readonly CategoryNode[]): CategoryIndex {
  const leaves = new Map<number, CategoryLeaf>();
  const allIds = new Set<number>();
  const walk = (nodes: readonly CategoryNode[], path: { id: number; name: string }[]): void => {
    for (const node of nodes) {
      const step = { id: Number(node.id), name: node.name };
      allIds.add(step.id);
      if (node.child && node.child.length > 0) walk(node.child, [...path, step]);
      else leaves.set(step.id, { id: step.id, name: node.name, path: [...path, step] });
    }
  };
  walk(tree, []);
  return { tree, leaves, allIds };
}

const slugify = (name: string): string =>
  name
    .toLowerCase()
    .replace(/&/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * The `?keyword=` form: a flat list of leaf paths whose names match, shaped like
 * `{"name":"fashion-anak / Tas Anak / Tas Backpack Anak","id":"1979"}` (root as a slug).
 */
export function searchCategories(index: CategoryIndex, keyword: string): { name: string; id: string }[] {
  const needle = keyword.trim().toLowerCase();
  const out: { name: string; id: string }[] = [];
  for (const leafNode of index.leaves.values()) {
    const names = leafNode.path.map((p) => p.name);
    if (!names.some((n) => n.toLowerCase().includes(needle))) continue;
    const [root, ...rest] = names;
    out.push({ name: [slugify(root ?? ""), ...rest].join(" / "), id: String(leafNode.id) });
  }
  return out;
}
