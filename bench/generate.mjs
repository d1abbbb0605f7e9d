// Deterministic, realistic catalogue rows in the formats village groups really write.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
// The mock server's seeded PRNG (mulberry32); `npm run bench` builds dist/ first.
import { createPrng as prng } from "../dist/mock-server/faults.js";

const PRODUCTS = [
  ["Keripik Singkong", "Keripik"],
  ["Kopi Robusta Bubuk", "Kopi"],
  ["Jamu Kunyit Asam", "Jamu"],
  ["Carica Dieng", "Carica"],
  ["Masker Kain 3 Lapis", "Masker Kain"],
  ["Batik Tulis Gajah Oling", "Pakaian > Batik Tulis"],
  ["Teh Daun Kelor", "Teh"],
  ["Kerupuk Udang", "Kerupuk"],
];
const FLAVOURS = ["Original", "Pedas", "Manis", "Balado", "Jeruk", "Jahe", "Madu", "Pandan"];


const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

export const HEADER = "Kode Produk (SKU),Nama Produk,Deskripsi,Harga (Rp),Stok,Berat,Kategori,Kondisi,Status,Foto Produk 1";

/** One data row; `i` makes SKU and name unique. `variant` lets a benchmark edit one price. */
export function makeRow(i, rand, priceBump = 0) {
  const [base, category] = PRODUCTS[i % PRODUCTS.length];
  const flavour = FLAVOURS[Math.floor(rand() * FLAVOURS.length)];
  const sku = `BNC-${String(i).padStart(7, "0")}`;
  const name = `${base} ${flavour} ${i}`;
  const price = (5 + Math.floor(rand() * 200)) * 500 + priceBump;
  const r = rand();
  const priceCell = r < 0.4 ? `Rp ${thousands(price)}` : r < 0.7 ? String(price) : `"Rp ${thousands(price)},-"`;
  const grams = (1 + Math.floor(rand() * 20)) * 50;
  const w = rand();
  const weightCell = w < 0.5 ? `${grams} gr` : w < 0.8 ? String(grams) : `"${String(grams / 1000).replace(".", ",")} kg"`;
  const stock = Math.floor(rand() * 500);
  const description = `"${base} ${flavour.toLowerCase()} buatan kelompok Desbumi, tanpa pengawet. Kemasan ${grams} gram."`;
  const image = `https://images.desbumi.example/p/${sku.toLowerCase()}.jpg`;
  return `${sku},${name},${description},${priceCell},${stock},${weightCell},${category},Baru,Aktif,${image}`;
}

/**
 * Write `rows` data rows to `path`; `edits` maps row index -> price bump (for "single change").
 * `skus`: how many distinct SKUs the rows share (duplicate-heavy catalogues, issue 13.4); every
 * other row spells its SKU in small letters (duplicates ignore case). Default: every SKU unique.
 */
export async function generateCatalog(path, rows, { seed = 2021, edits = new Map(), skus } = {}) {
  const rand = prng(seed);
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let i = 1; i <= rows; i++) {
    let row = makeRow(i, rand, edits.get(i) ?? 0);
    if (skus !== undefined) {
      const shared = `BNC-${String(i % skus).padStart(7, "0")}`;
      row = (i % 2 === 0 ? shared.toLowerCase() : shared) + row.slice(row.indexOf(","));
    }
    const line = `${row}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
