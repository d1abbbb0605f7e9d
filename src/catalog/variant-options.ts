// The option checks of one group of variant rows (issue 14): option names in order, values per
// row, and each located finding: a missing, empty or unnamed option, a duplicate combination, more
// option types or variants than the marketplace takes, names and values too long. Pure.
import type { IssueCode } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import type { IssueArgs } from "./issue.js";
import type { CellColumn } from "./issue-sink.js";
import type { GroupRow } from "./variant-build.js";
import type { VariantCells } from "./variant-cells.js";

export type Fail = (code: IssueCode, line: number, column: CellColumn | undefined, value?: string, args?: IssueArgs) => void;

/** Option names of the group in order of first appearance; a pair's name is written once (first row) or on every row. */
export function optionNames(rows: readonly GroupRow[]): string[] {
  const names: string[] = [];
  for (const { cells } of rows) {
    for (const o of cells.options) {
      const name = o.pair !== undefined && o.name === "" ? pairName(rows, o.pair) : o.name;
      if (name !== "" && (o.value !== "" || o.pair !== undefined) && !names.includes(name)) {
        if (o.pair === undefined && !rows.some((r) => r.cells.options.some((x) => x.name === name && x.value !== ""))) continue;
        names.push(name);
      }
    }
  }
  return names;
}

/** The name written for option pair `n` in the group (its first non-empty name cell). */
const pairName = (rows: readonly GroupRow[], n: number): string => {
  for (const { cells } of rows) for (const o of cells.options) if (o.pair === n && o.name !== "") return o.name;
  return "";
};

export function optionValue(cells: VariantCells, name: string, _names: readonly string[], rows: readonly GroupRow[]): string | undefined {
  for (const o of cells.options) {
    const oName = o.pair !== undefined && o.name === "" ? pairName(rows, o.pair) : o.name;
    if (oName === name) return o.value;
  }
  return undefined;
}

export function checkOptions(rows: readonly GroupRow[], names: readonly string[], fail: Fail): void {
  const combos = new Map<string, number[]>();
  for (const { row, cells } of rows) {
    for (const o of cells.options) {
      // A value without any name for its pair: the option cannot be named.
      if (o.pair !== undefined && o.value !== "" && pairName(rows, o.pair) === "") {
        fail("VARIANT_OPTION_NAME_MISSING", row.line, o.nameColumn ?? o.column, o.value, { pair: o.pair });
      }
    }
    for (const name of names) {
      const option = cells.options.find((o) => (o.pair !== undefined && o.name === "" ? pairName(rows, o.pair) : o.name) === name);
      const value = option?.value ?? "";
      if (value !== "") continue;
      const column = option?.column;
      // A pair whose name is given on this row but not its value: an empty value; otherwise the row lacks an option the others have.
      if (option && option.pair !== undefined && option.name !== "") fail("VARIANT_OPTION_EMPTY", row.line, column, undefined, { option: name });
      else fail("VARIANT_OPTION_MISSING", row.line, column, undefined, { option: name, others: names.join(", ") });
    }
    const key = names.map((n) => (optionValue(cells, n, names, rows) ?? "").toLowerCase()).join("\u0000");
    const lines = combos.get(key);
    if (lines) lines.push(row.line);
    else combos.set(key, [row.line]);
  }
  for (const [key, lines] of combos) {
    if (lines.length < 2) continue;
    const values = key.split("\u0000");
    const combination = names.map((n, i) => `${n}=${values[i]}`).join(", ");
    const row = rows.find((r) => r.row.line === lines[0])!;
    const column = row.cells.options.find((o) => o.value !== "")?.column;
    for (const line of lines) fail("VARIANT_DUPLICATE_OPTIONS", line, column, combination, { lines: lines.join(", "), count: lines.length });
  }
}

export function checkLimits(rows: readonly GroupRow[], names: readonly string[], rules: MarketplaceRules, fail: Fail): void {
  const first = rows[0]!;
  const maxTypes = rules.maxOptionTypes ?? 0;
  const maxVariants = rules.maxVariants ?? 0;
  if (maxTypes <= 0 || maxVariants <= 0) {
    fail("VARIANTS_NOT_SUPPORTED", first.row.line, undefined, undefined, { count: rows.length, ...(rules.family ? { marketplace: rules.family } : {}) });
    return;
  }
  if (names.length > maxTypes) {
    const extra = first.cells.options.find((o) => o.name === names[maxTypes])?.column;
    fail("TOO_MANY_OPTION_TYPES", first.row.line, extra, names.join(", "), { count: names.length, max: maxTypes });
  }
  if (rows.length > maxVariants) fail("TOO_MANY_VARIANTS", first.row.line, undefined, undefined, { count: rows.length, max: maxVariants });
  checkOptionLengths(rows, rules, fail);
}

/** Option names and values longer than the marketplace takes: each reported once, at its first cell. */
function checkOptionLengths(rows: readonly GroupRow[], rules: MarketplaceRules, fail: Fail): void {
  const seen = new Set<string>();
  const check = (part: "name" | "value", text: string, max: number | undefined, line: number, column: CellColumn | undefined): void => {
    if (max === undefined || text === "" || seen.has(`${part}\u0000${text}`)) return;
    const length = [...text].length;
    if (length <= max) return;
    seen.add(`${part}\u0000${text}`);
    fail("VARIANT_OPTION_TOO_LONG", line, column, text, { part, length, max });
  };
  for (const { row, cells } of rows) {
    for (const o of cells.options) {
      check("name", o.name, rules.optionNameMaxLength, row.line, o.pair !== undefined ? (o.nameColumn ?? o.column) : o.column);
      check("value", o.value, rules.optionValueMaxLength, row.line, o.column);
    }
  }
}
