// Raw spreadsheet/CSV cells as text, the way the user sees them.
import type { RawCell } from "./source.js";

export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  if (typeof cell === "string") {
    if (cell.length === 0) return true;
    // A first character above space that is not one of the Unicode spaces (NBSP and up) means
    // text: no need to trim a copy of the cell.
    const c = cell.charCodeAt(0);
    if (c > 0x20 && c < 0x7f) return false;
  }
  return cellText(cell).trim() === "";
}

export const isBlankRow = (cells: readonly RawCell[]): boolean => cells.every(isBlankCell);

const MAX_VALUE_CHARS = 200;

/** Issue values stay readable: very long cells are cut (a 50 MB cell must not reach a report). */
export function truncateValue(value: string): string {
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
}
