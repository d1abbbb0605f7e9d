// Step 3a of the pipeline, rows -> products with variants (issue 14). Rows sharing a group or
// parent code are one product, wherever they are in the file; without such a column, consecutive
// rows with the same name and option values are one product. Other rows pass straight on, so a
// single-SKU catalogue is streamed as before; only grouped rows wait for the end of the file.
import type { MarketplaceRules } from "../rules.js";
import { cellText, isBlankCell } from "./cell.js";
import { cleanLine } from "./text.js";
import { isExampleRow } from "./example-row.js";
import type { HeaderMap } from "./columns.js";
import type { CrossRowStep } from "./cross-row-step.js";
import type { IssueSink } from "./issue-sink.js";
import type { ProductStep } from "./product-step.js";
import { readDataRow, type ReadRow, type RowStepOptions } from "./row-step.js";
import type { RawRow } from "./source.js";
import { buildVariantProduct, PRODUCT_LEVEL_FIELDS, type GroupRow } from "./variant-build.js";
import { hasOptionValues, readVariantCells, type VariantCells } from "./variant-cells.js";
import { splitImageCell } from "./images.js";
import { unguard } from "./text.js";
import { hasVariantColumns } from "./variant-columns.js";

export interface VariantStep {
  take(raw: RawRow, header: HeaderMap): void;
  /** End of file: build the waiting groups. */
  end(header: HeaderMap | undefined): void;
}

export interface VariantStepOptions extends RowStepOptions {
  rules: MarketplaceRules;
  sink: IssueSink;
  sheet: string | undefined;
  products: ProductStep;
  crossRows: CrossRowStep;
}

export function createVariantStep(opts: VariantStepOptions): VariantStep {
  const { products, crossRows } = opts;
  /** Parent-code groups by key, in order of first row. */
  const groups = new Map<string, GroupRow[]>();
  /** Name mode: the run of consecutive same-name rows with options. */
  let run: GroupRow[] = [];
  let runName = "";

  const single = (row: ReadRow, header: HeaderMap, attributes?: Record<string, string>): void => {
    if (row.shifted) {
      if (row.sku !== undefined) products.markInvalid(row.sku);
      return;
    }
    if (attributes && row.product && Object.keys(attributes).length > 0) row.product.attributes = { ...row.product.attributes, ...attributes };
    // issue 12.10: the example row init/template write (a single product) is flagged until replaced
    if (row.product && isExampleRow(row.product)) opts.sink.push("EXAMPLE_ROW", row.line, header.byField.sku, row.product.sku, { sku: row.product.sku });
    products.add(row, header);
  };
  const build = (rows: GroupRow[], header: HeaderMap): void => {
    // A code shared by no other row and no options: a single-SKU product after all.
    if (rows.length === 1 && !rows[0]!.isParent && rows[0]!.photoRow === undefined && !hasOptionValues(rows[0]!.cells)) {
      single(rows[0]!.row, header);
      return;
    }
    const built = buildVariantProduct(rows, header, opts);
    if (built.product) products.addProduct(built.product);
    else for (const sku of built.skus) products.markInvalid(sku);
  };
  const flushRun = (header: HeaderMap): void => {
    if (run.length === 1) {
      // A lone row with option values is a single product; its options are attributes (not lost).
      const only = run[0]!;
      single(only.row, header, Object.fromEntries(only.cells.options.filter((o) => o.value !== "" && o.name !== "").map((o) => [o.name, o.value])));
    } else if (run.length > 1) build(run, header);
    run = [];
  };

  return {
    take(raw, header) {
      if (!hasVariantColumns(header.variants)) {
        const row = readDataRow(raw, header, opts);
        if (!row.shifted) crossRows.check({ line: row.line, sku: row.sku, name: row.name });
        single(row, header);
        return;
      }
      const cells = readVariantCells(raw.cells, header);
      const byCode = header.variants.group !== undefined || header.variants.parent !== undefined;
      if (byCode && cells.key !== "") {
        const group = groups.get(cells.key);
        const add = (entry: GroupRow): void => {
          if (group) group.push(entry);
          else groups.set(cells.key, [entry]);
        };
        // Shopify's rows that only add a photo to their product (`Handle` + `Image Src`): no variant.
        if (isPhotoOnlyRow(raw, header, cells)) {
          add({ row: { line: raw.line, hasError: false }, cells, given: ["images"], statusGiven: false, photoRow: photoTokens(raw, header) });
          return;
        }
        const isParent = cells.rowType === "parent";
        const row = readDataRow(raw, header, opts, isParent ? { parentRow: true } : cells.rowType === "variation" || group !== undefined);
        // Only the first row's name counts for duplicate names: the others repeat or inherit it.
        if (!row.shifted) crossRows.check({ line: row.line, sku: row.sku, name: group || cells.rowType === "variation" ? undefined : row.name });
        const entry: GroupRow = { row, cells, given: givenFields(raw, header), statusGiven: isGiven(raw, header, "status") };
        if (isParent) {
          entry.isParent = true;
          entry.raw = raw;
        }
        add(entry);
        return;
      }
      if (byCode) {
        const row = readDataRow(raw, header, opts);
        if (!row.shifted) crossRows.check({ line: row.line, sku: row.sku, name: row.name });
        single(row, header, optionAttributes(cells));
        return;
      }
      // Name mode: a row continues the run when it has the run's name and option values too.
      const name = nameKey(raw, header);
      const continues = run.length > 0 && hasOptionValues(cells) && name !== "" && name === runName;
      const row = readDataRow(raw, header, opts, continues);
      if (!row.shifted) crossRows.check({ line: row.line, sku: row.sku, name: continues ? undefined : row.name });
      if (!continues) flushRun(header);
      if (row.shifted || !hasOptionValues(cells)) {
        single(row, header);
        return;
      }
      if (!continues) runName = name;
      run.push({ row, cells, given: givenFields(raw, header), statusGiven: isGiven(raw, header, "status") });
    },
    end(header) {
      if (!header) return;
      flushRun(header);
      joinParentSpellings(groups);
      for (const rows of groups.values()) build(rows, header);
      groups.clear();
    },
  };
}

const nameKey = (raw: RawRow, header: HeaderMap): string => {
  const spec = header.byField.name;
  return spec ? cleanLine(cellText(raw.cells[spec.index] ?? null)).toLowerCase() : "";
};

const optionAttributes = (cells: ReturnType<typeof readVariantCells>): Record<string, string> =>
  Object.fromEntries(cells.options.filter((o) => o.value !== "" && o.name !== "").map((o) => [o.name, o.value]));

const isGiven = (raw: RawRow, header: HeaderMap, field: "status"): boolean => {
  const spec = header.byField[field];
  return spec !== undefined && !isBlankCell(raw.cells[spec.index] ?? null);
};

/** A grouped row with a photo and nothing of a variant: no SKU, name, price, stock or option value. */
function isPhotoOnlyRow(raw: RawRow, header: HeaderMap, cells: VariantCells): boolean {
  if (cells.rowType !== undefined || hasOptionValues(cells) || cells.photo.length > 0) return false;
  const { sku, name, price, stock } = header.byField;
  for (const spec of [sku, name, price, stock]) if (spec && !isBlankCell(raw.cells[spec.index] ?? null)) return false;
  return header.images.some((s) => !isBlankCell(raw.cells[s.index] ?? null));
}

const photoTokens = (raw: RawRow, header: HeaderMap): string[] =>
  header.images.flatMap((s) => splitImageCell(unguard(cellText(raw.cells[s.index] ?? null).trim())));

/**
 * WooCommerce names a variation's parent as `id:101` or by the parent's SKU: rows keyed by the
 * SKU join the group of the `variable` row with that SKU (keyed by its id).
 */
function joinParentSpellings(groups: Map<string, GroupRow[]>): void {
  for (const [key, rows] of groups) {
    const parent = rows.find((r) => r.isParent);
    const sku = parent?.row.sku;
    if (sku === undefined || sku === key) continue;
    const bySku = groups.get(sku);
    if (!bySku || bySku.some((r) => r.isParent)) continue;
    rows.push(...bySku);
    groups.delete(sku);
  }
}

/** The product-level fields whose cells this row fills in (checked against the first row's). */
function givenFields(raw: RawRow, header: HeaderMap): (typeof PRODUCT_LEVEL_FIELDS)[number][] {
  return PRODUCT_LEVEL_FIELDS.filter((field) => {
    if (field === "images") return header.images.some((s) => !isBlankCell(raw.cells[s.index] ?? null));
    const spec = header.byField[field];
    return spec !== undefined && !isBlankCell(raw.cells[spec.index] ?? null);
  });
}
