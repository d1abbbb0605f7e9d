// Step 2 of the pipeline, row -> cells -> one normalized row: the row's shape (extra cells,
// hidden row, formula-error cells), then every cell read by normalizeRow. Nothing is kept here.
import type { MarketplaceRules } from "../rules.js";
import { cellText } from "./cell.js";
import { findDecimalCommaSplit } from "./decimal-comma.js";
import type { HeaderMap } from "./columns.js";
import { readColumns } from "./header-step.js";
import { severityOf } from "./issue.js";
import type { IssueSink } from "./issue-sink.js";
import { normalizeRow, type NormalizedRow, type NormalizeRowOptions } from "./normalize-row.js";
import { skuText } from "./sku.js";
import type { RawRow } from "./source.js";

export interface ReadRow extends NormalizedRow {
  line: number;
  /** The row had an error of its own (its product, if any, must not be synced). */
  hasError: boolean;
  /** MALFORMED_CSV extra cells: nothing in it was read (not even for cross-row rules). */
  shifted?: true;
}

export interface RowStepOptions {
  format: "csv" | "xlsx";
  rules: MarketplaceRules;
  sink: IssueSink;
}

export function readDataRow(row: RawRow, map: HeaderMap, { format, rules, sink }: RowStepOptions, continuation: boolean | NormalizeRowOptions = false): ReadRow {
  if (format === "csv" && row.cells.length > map.width && row.cells.slice(map.width).some((c) => cellText(c).trim() !== "")) {
    // NOTE: more cells than headers means the row is shifted (an unquoted comma or `;`),
    // so its values cannot be trusted field by field: one located issue, then keep going.
    const split = findDecimalCommaSplit(row.cells, map);
    if (split) {
      sink.push("DECIMAL_COMMA_SPLIT", row.line, split.column, split.joined, { joined: split.joined, expected: map.width, actual: row.cells.length });
    } else {
      sink.push("MALFORMED_CSV", row.line, undefined, undefined, { reason: "extra_cells", expected: map.width, actual: row.cells.length });
    }
    const sku = map.byField.sku ? skuText(row.cells[map.byField.sku.index] ?? null) : "";
    return sku === "" ? { line: row.line, hasError: true, shifted: true } : { line: row.line, hasError: true, shifted: true, sku };
  }
  let hasError = false;
  // XLSX facts read-excel-file does not give (see xlsx-sheet-facts.ts). A hidden row is still
  // read and synced (quietly dropping it would change what is sold); it only gets a warning.
  const { hidden, errorCells } = row;
  if (hidden) sink.push("HIDDEN_ROW", row.line, undefined, undefined, { row: row.line });
  const errorColumns = errorCells ? reportErrorCells(row.line, errorCells, map, sink) : undefined;
  if (errorColumns) hasError = true;
  const result = normalizeRow(row.cells, map, rules, (code, spec, value, args) => {
    // An error cell reads as empty: FORMULA_ERROR already says what is there, not "is empty".
    if (errorColumns && ((spec && errorColumns.has(spec.index)) || (code === "NO_IMAGES" && map.images.some((s) => errorColumns.has(s.index))))) return;
    if (severityOf(code) === "error") hasError = true;
    sink.push(code, row.line, spec, value, args);
  }, continuation === true ? { continuation } : continuation === false ? {} : continuation);
  // NOTE: built field by field, not spread: a spread per row cost ~10% of validate's time.
  const out: ReadRow = { line: row.line, hasError };
  if (result.product !== undefined) out.product = result.product;
  if (result.sku !== undefined) out.sku = result.sku;
  if (result.name !== undefined) out.name = result.name;
  return out;
}

/** FORMULA_ERROR for error cells in read columns (others are ignored like their column); their indexes. */
function reportErrorCells(line: number, cells: ReadonlyMap<number, string>, map: HeaderMap, sink: IssueSink): Set<number> | undefined {
  const found = new Set<number>();
  for (const spec of readColumns(map)) {
    const error = cells.get(spec.index);
    if (error === undefined || found.has(spec.index)) continue;
    found.add(spec.index);
    sink.push("FORMULA_ERROR", line, spec, error, { error, field: spec.field });
  }
  return found.size > 0 ? found : undefined;
}
