// The variant cells of one row: its group key, parent code, option values and variant photo. Pure.
import { cellText, isBlankCell } from "./cell.js";
import type { HeaderMap } from "./columns.js";
import { splitImageCell } from "./images.js";
import { skuText } from "./sku.js";
import type { RawCell } from "./source.js";
import { cleanLine, unguard } from "./text.js";
import type { VariantColumn } from "./variant-columns.js";

export interface OptionCell {
  /** The option name as written (a named column's header, or a name cell); "" when not given. */
  name: string;
  /** "" when empty. */
  value: string;
  /** Where the value is (or should be). */
  column: VariantColumn;
  /** A name/value pair's number (`Nama Variasi 2` -> 2); named columns have none. */
  pair?: number;
  /** The pair's name column, when the file has one. */
  nameColumn?: VariantColumn;
}

export interface VariantCells {
  /** Group column value, else parent code; "" = not grouped by code. */
  key: string;
  parent: string;
  options: OptionCell[];
  /** Variant photo tokens as written. */
  photo: string[];
  /** WooCommerce's row `Type`: a parent row (`variable`), a variant (`variation`) or anything else. */
  rowType?: "parent" | "variation" | "single";
}

/** Shopify writes a single-variant product as the option `Title` = `Default Title`: no option at all. */
const isShopifyDefault = (o: OptionCell): boolean => o.value === "Default Title" && o.name === "Title";
const WOO_ID_REF = /^id:\s*(\S+)$/i;

const cellOf = (cells: readonly RawCell[], column: VariantColumn | undefined): RawCell => (column ? (cells[column.index] ?? null) : null);
const textOf = (cells: readonly RawCell[], column: VariantColumn | undefined): string => cleanLine(unguard(cellText(cellOf(cells, column))));

export function readVariantCells(cells: readonly RawCell[], header: HeaderMap): VariantCells {
  const v = header.variants;
  const parent = skuText(cellOf(cells, v.parent));
  const group = v.group ? skuText(cellOf(cells, v.group)) : "";
  const options: OptionCell[] = [];
  for (const o of v.options) {
    if (o.kind === "named") options.push({ name: o.name, value: textOf(cells, o.value), column: o.value });
    else if (o.value) {
      // NOTE: a value column without any name column (`Pilihan Varian` alone) names its option by its header.
      const name = o.name ? textOf(cells, o.name) : o.value.header;
      const option: OptionCell = { name, value: textOf(cells, o.value), column: o.value, pair: o.n };
      if (o.name) option.nameColumn = o.name;
      if (!isShopifyDefault(option)) options.push(option);
    } else if (o.name && !isBlankCell(cellOf(cells, o.name))) {
      // A name with no value column at all: the value is missing wherever it is given.
      options.push({ name: textOf(cells, o.name), value: "", column: o.name, pair: o.n, nameColumn: o.name });
    }
  }
  const photoText = unguard(cellText(cellOf(cells, v.photo)).trim());
  const photo = photoText === "" ? [] : splitImageCell(photoText);
  if (v.rowType) return { ...readWooKey(cells, header, parent), options, photo };
  return { key: v.group ? group : parent, parent, options, photo };
}

/**
 * WooCommerce rows: a `variable` row is keyed by its own id (`id:101`, else its SKU), a `variation`
 * by its `Parent` cell (`id:101` or the parent's SKU; variant-step joins the two spellings).
 */
function readWooKey(cells: readonly RawCell[], header: HeaderMap, parentCell: string): Pick<VariantCells, "key" | "parent" | "rowType"> {
  const type = textOf(cells, header.variants.rowType).toLowerCase();
  if (type === "variable") {
    const id = skuText(cellOf(cells, header.variants.id));
    const sku = header.byField.sku ? skuText(cells[header.byField.sku.index] ?? null) : "";
    return { key: id !== "" ? `id:${id}` : sku, parent: "", rowType: "parent" };
  }
  if (type === "variation") {
    const ref = WOO_ID_REF.exec(parentCell);
    return { key: ref ? `id:${ref[1]!}` : parentCell, parent: "", rowType: "variation" };
  }
  return { key: "", parent: "", rowType: "single" };
}

/** Whether any option of the row has a value. */
export const hasOptionValues = (cells: VariantCells): boolean => cells.options.some((o) => o.value !== "");
