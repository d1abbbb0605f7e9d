// Marketplace mass-upload workbooks (Shopee's "Template" sheet) put guidance rows between the
// header and the first product: a row of "Wajib"/"Opsional" markers and a row describing each
// column ("Harga dalam Rupiah"). Shopee's guide says to enter products "from the sixth row on"
// (Panduan Fitur Mass Upload, Pusat Edukasi Penjual, via the search tool); the trustana.com
// "Channel Export: Shopee" notes describe the same layout. desbumi finds them by content, never by
// row number: only rows directly below the header, before the first product row, qualify.
import { cellText } from "./cell.js";
import type { HeaderMap } from "./columns.js";
import type { RawCell } from "./source.js";

/** Marker words of mandatory/optional rows (Indonesian and English templates), compared folded. */
const MARKERS = new Set(["wajib", "wajib diisi", "opsional", "optional", "mandatory", "required", "conditional mandatory", "wajib bersyarat", "tidak wajib", "pilihan", "harus diisi", "boleh kosong"]);

const fold = (cell: RawCell): string => cellText(cell).trim().toLowerCase().replace(/\s+/g, " ").replace(/[*:]/g, "").trim();

/** Words describing a column (`Input your product price.`), not a value: two or more words of three letters. */
const isProse = (cell: RawCell): boolean => typeof cell === "string" && (cell.match(/\p{L}{3,}/gu) ?? []).length >= 2;

/**
 * A guidance row of a template: every filled cell is a marker word; or the row has no SKU and no
 * digit in any of its filled price, stock and weight cells (at least two of them filled: words
 * describing the columns, not numbers); or its SKU (if any), price and stock cells are all prose
 * (Shopee's English template writes notes in every column, "SKU is a unique identifier.",
 * "Please input 0.00 to 1000000.00" under `Weight`); or it fills no SKU, name, price or stock cell
 * and every filled cell is prose (a last note row only under the photo columns, "Format accepted: JPG, PNG.").
 */
export function isTemplateNoteRow(cells: readonly RawCell[], map: HeaderMap): boolean {
  const filled = cells.filter((c) => c !== null && cellText(c).trim() !== "");
  if (filled.length === 0) return false;
  if (filled.some((c) => typeof c !== "string")) return false;
  if (filled.every((c) => MARKERS.has(fold(c)))) return true;
  const at = (field: "sku" | "price" | "stock" | "weight"): RawCell => {
    const spec = map.byField[field];
    return spec ? (cells[spec.index] ?? null) : null;
  };
  const sku = at("sku");
  const blank = (cell: RawCell): boolean => cell === null || cellText(cell).trim() === "";
  const price = at("price");
  const stock = at("stock");
  if ((blank(sku) || isProse(sku)) && isProse(price) && isProse(stock)) return true;
  const nameSpec = map.byField.name;
  if (blank(sku) && blank(price) && blank(stock) && blank(nameSpec ? (cells[nameSpec.index] ?? null) : null) && filled.every(isProse)) return true;
  if (sku !== null && cellText(sku).trim() !== "" && !MARKERS.has(fold(sku))) return false;
  const numbers = [at("price"), at("stock"), at("weight")].filter((c) => c !== null && cellText(c).trim() !== "");
  return numbers.length >= 2 && numbers.every((c) => !/\d/.test(cellText(c)));
}
