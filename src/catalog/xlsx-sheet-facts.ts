// Two facts about an .xlsx sheet beyond its values: which rows are hidden, and which cells hold a
// formula error (`<c r="D11" t="e"><f>D4/0</f><v>#DIV/0!</v></c>`, an empty cell as a value).
// The reader gets them on its rows (RawRow.hidden, RawRow.errorCells) from the one streamed scan
// of the sheet (xlsx-sheet-rows.ts); this is that scan over a sheet's XML text, for tests and tools.
import { createSheetHandler } from "./xlsx-sheet-rows.js";
import { createXmlScanner } from "./xlsx-xml-scan.js";

export { findSheetPath } from "./xlsx-workbook.js";

export interface SheetFacts {
  /** Spreadsheet row numbers (1-based) with `hidden="1"` that have content. */
  hiddenRows: Set<number>;
  /** Formula-error cells: row number -> 0-based column index -> the error shown, e.g. `#DIV/0!`. */
  errorCells: Map<number, Map<number, string>>;
}

/** The two facts from a worksheet's XML. Rows and cells without `r` count on from the previous. */
export function scanSheetXml(xml: string): SheetFacts {
  // Shared strings are not needed for the facts: every index reads as an empty text.
  const handler = createSheetHandler({ sharedStrings: new Proxy([], { get: (t, k) => (typeof k === "string" && /^\d+$/.test(k) ? "" : Reflect.get(t, k)) }), dateStyles: [], epoch1904: false }, "sheet");
  createXmlScanner(handler, "sheet").push(xml);
  const facts: SheetFacts = { hiddenRows: new Set(), errorCells: new Map() };
  for (const row of handler.queue) {
    if (!("cells" in row)) continue;
    if (row.hidden) facts.hiddenRows.add(row.line);
    if (row.errorCells) facts.errorCells.set(row.line, new Map(row.errorCells));
  }
  return facts;
}
