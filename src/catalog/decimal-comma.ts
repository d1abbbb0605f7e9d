// A CSV row split by an unquoted decimal comma (issue 12.15): `0,5 kg` or `Rp 12,5` written in a
// comma-separated file without quotes becomes two cells, so the row has one cell more than the
// header. Pure: finds the one numeric column whose cell, joined with the next, is a decimal.
import { cellText } from "./cell.js";
import type { ColumnSpec, HeaderMap } from "./columns.js";
import type { RawCell } from "./source.js";

const NUMERIC_FIELDS = ["price", "weight", "stock", "min_order"] as const;
const LEFT = /^(?:rp\.?\s*)?\d+$/i;
const RIGHT = /^\d+\s*(?:[a-z]+\.?)?$/i;
const NUMBERISH = /^(?:rp\.?\s*)?\d[\d.,]*\s*(?:[a-z]+\.?)?$/i;

/**
 * The row with the pair joined reads as a row: price and stock hold amounts, weight and minimum
 * order amounts or nothing. (A comma earlier in the row, in a name, shifts those too.)
 */
function realignedFits(cells: readonly RawCell[], map: HeaderMap): boolean {
  const at = (field: (typeof NUMERIC_FIELDS)[number]): string | undefined => {
    const spec = map.byField[field];
    return spec === undefined ? undefined : cellText(cells[spec.index] ?? null).trim();
  };
  for (const field of ["price", "stock"] as const) {
    const value = at(field);
    if (value !== undefined && !NUMBERISH.test(value)) return false;
  }
  for (const field of ["weight", "min_order"] as const) {
    const value = at(field);
    if (value !== undefined && value !== "" && !NUMBERISH.test(value)) return false;
  }
  return true;
}

/** `Rp 12` before the comma or `5 kg` after it: the pair was one written amount. */
const MARKED = (left: string, right: string): boolean => /^rp/i.test(left) || /[a-z]/i.test(right);

export interface DecimalCommaSplit {
  column: ColumnSpec;
  /** The cell as it was meant: `0,5 kg`. */
  joined: string;
}

/**
 * The split, when exactly one numeric column explains the extra cell; else undefined. NOTE: plain
 * neighbouring numbers (`25000`, `10`) pair up too, so a pair marked as one amount (`Rp 12` + `5`,
 * `0` + `5 kg`) wins; unmarked pairs count only when they are the only candidate.
 */
export function findDecimalCommaSplit(cells: readonly RawCell[], map: HeaderMap): DecimalCommaSplit | undefined {
  if (cells.length !== map.width + 1) return undefined;
  const found: DecimalCommaSplit[] = [];
  for (const field of NUMERIC_FIELDS) {
    const spec = map.byField[field];
    if (spec === undefined) continue;
    const left = cellText(cells[spec.index] ?? null).trim();
    const right = cellText(cells[spec.index + 1] ?? null).trim();
    if (!LEFT.test(left) || !RIGHT.test(right)) continue;
    const joined = `${left},${right}`;
    if (realignedFits([...cells.slice(0, spec.index), joined, ...cells.slice(spec.index + 2)], map)) found.push({ column: spec, joined });
  }
  const marked = found.filter((f) => {
    const [left, right] = f.joined.split(",") as [string, string];
    return MARKED(left, right);
  });
  if (marked.length === 1) return marked[0];
  return found.length === 1 ? found[0] : undefined;
}
