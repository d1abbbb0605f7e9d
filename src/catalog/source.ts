// What a file reader hands to the catalogue pipeline: raw rows with their physical location.
// CSV (read-csv.ts) and XLSX (read-xlsx.ts) both produce this; header detection, column mapping,
// normalizing and rules are shared and do not care where the rows came from.
import type { Issue } from "../issues.js";

/** A cell as read: text from CSV; text, number, boolean or date from a spreadsheet; null if empty. */
export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** CSV: 1-based physical line where the record starts. XLSX: the spreadsheet row number. */
  line: number;
  /** Cells by 0-based column index (XLSX column A = 0). */
  cells: RawCell[];
  /** XLSX: the row is hidden in the spreadsheet (still read; the pipeline warns HIDDEN_ROW). */
  hidden?: true;
  /**
   * XLSX: 0-based column index -> the formula error the cell shows (`#DIV/0!`). Such a cell is a
   * null cell in `cells`; the pipeline reports FORMULA_ERROR instead of "empty" findings about it.
   */
  errorCells?: ReadonlyMap<number, string>;
  /**
   * XLSX: 0-based column index -> the cell's hyperlink target (a `<hyperlink>` or a
   * `HYPERLINK("url", "Lihat foto")` formula). The cell keeps its shown text in `cells`; the
   * pipeline reads the target instead in columns that take links (photos, see row-step.ts).
   */
  links?: ReadonlyMap<number, string>;
}

export interface RowSource {
  format: "csv" | "xlsx";
  /** XLSX: the sheet being read (issue locations become `Sheet!D14`). */
  sheet?: string;
  /**
   * XLSX read without --sheet when no sheet has a catalogue header: the workbook's other sheets
   * (MISSING_COLUMN then says the catalogue may be on one of them).
   */
  otherSheets?: string[];
  /** Streamed rows, in file order. Blank rows may be included; the pipeline skips them. */
  rows: AsyncIterable<RawRow>;
  /**
   * The same rows in batches, when the reader has them that way (CSV: one per chunk read). The
   * pipeline prefers it: one await per batch instead of one per row. Iterate `rows` or
   * `batches`, not both.
   */
  batches?: AsyncIterable<RawRow[]>;
  /**
   * Reading problems (ENCODING_GUESSED, MALFORMED_CSV ...). The reader may push to this array
   * while `rows` is being iterated; the pipeline reads it after iteration ends.
   */
  issues: Issue[];
}

/** A1-style column letters for a 0-based index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
