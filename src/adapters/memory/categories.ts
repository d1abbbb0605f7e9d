// The memory adapter's own small category tree: enough for the village catalogues (food and drink,
// health, batik, crafts). Ids are invented; only the memory adapter uses them.
import type { CategoryNode } from "../../categories/tree.js";

export const MEMORY_CATEGORY_TREE: CategoryNode[] = [
  {
    id: "35",
    name: "Makanan & Minuman",
    children: [
      {
        id: "36",
        name: "Minuman",
        children: [
          { id: "1760", name: "Jamu" },
          { id: "1761", name: "Kopi" },
          { id: "1762", name: "Teh" },
          { id: "1763", name: "Minuman Tradisional" },
        ],
      },
      {
        id: "37",
        name: "Makanan Ringan",
        children: [
          { id: "1770", name: "Keripik" },
          { id: "1771", name: "Kerupuk" },
          { id: "1772", name: "Kue Kering" },
          { id: "1773", name: "Kue Basah" },
        ],
      },
      {
        id: "38",
        name: "Manisan",
        children: [
          { id: "1780", name: "Carica" },
          { id: "1781", name: "Manisan Buah" },
          { id: "1782", name: "Dodol & Jenang" },
        ],
      },
      {
        id: "39",
        name: "Bahan Makanan",
        children: [
          { id: "1790", name: "Beras" },
          { id: "1791", name: "Gula Aren" },
          { id: "1792", name: "Madu" },
          { id: "1793", name: "Rempah" },
        ],
      },
    ],
  },
  {
    id: "40",
    name: "Kesehatan",
    children: [
      {
        id: "41",
        name: "Masker",
        children: [
          { id: "1800", name: "Masker Kain" },
          { id: "1801", name: "Masker Medis" },
        ],
      },
      { id: "42", name: "Obat Herbal", children: [{ id: "1810", name: "Minyak Herbal" }] },
    ],
  },
  {
    id: "50",
    name: "Fashion",
    children: [
      {
        id: "51",
        name: "Batik",
        children: [
          { id: "1820", name: "Batik Tulis" },
          { id: "1821", name: "Batik Cap" },
          { id: "1822", name: "Batik Printing" },
        ],
      },
      { id: "52", name: "Kain", children: [{ id: "1830", name: "Tenun" }, { id: "1831", name: "Songket" }] },
    ],
  },
  {
    id: "60",
    name: "Kerajinan Tangan",
    children: [
      { id: "1840", name: "Anyaman" },
      { id: "1841", name: "Kerajinan Kayu" },
      { id: "1842", name: "Gerabah" },
      { id: "1843", name: "Kerajinan Bambu" },
    ],
  },
];
