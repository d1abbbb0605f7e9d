// A sheet's hyperlinks: `<hyperlink ref="F2" r:id="rId1"/>` in the sheet XML (after the rows),
// the target in the sheet's rels (`Target="https://..." TargetMode="External"`). Read before the
// rows are, so each row can carry its cells' link targets (a cell showing "Lihat foto" that links
// to the photo). Links within the workbook (`location="Sheet2!A1"`) and mail links are not targets.
import { MAX_SHEET_CELLS, XlsxTooLarge } from "./xlsx-limits.js";
import { parseRef } from "./xlsx-sheet-rows.js";
import type { Relationship } from "./xlsx-workbook.js";
import { attr, createXmlScanner } from "./xlsx-xml-scan.js";
import { readEntry, type ZipArchive } from "./xlsx-zip.js";

export interface SheetLinks {
  /** The link target of the cell at spreadsheet row `line`, 0-based `column`. */
  at(line: number, column: number): string | undefined;
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
  target: string;
}

const SHEET_DATA_END = /<\/(?:[\w.-]+:)?sheetData\s*>/;
/** Characters kept between chunks while looking for the end of the rows. */
const OVERLAP_CHARS = 64;

/** The links, or undefined when the sheet has none with an outside target. */
export async function readSheetLinks(zip: ZipArchive, path: string, rels: ReadonlyMap<string, Relationship>): Promise<SheetLinks | undefined> {
  const external = new Map<string, string>();
  for (const [id, rel] of rels) if (rel.type.endsWith("/hyperlink") && rel.isExternal && !/^mailto:/i.test(rel.target)) external.set(id, rel.target);
  const entry = zip.find(path);
  if (external.size === 0 || !entry) return undefined;
  const cells = new Map<number, Map<number, string>>();
  const ranges: Range[] = [];
  let count = 0;
  const scanner = createXmlScanner(
    {
      wantsText: false,
      text() {},
      close() {},
      open(name, source, start, end) {
        if (name !== "hyperlink") return;
        const attrs = source.slice(start, end);
        const target = external.get(attr(attrs, "id") ?? "");
        const [from, to] = (attr(attrs, "ref") ?? "").split(":").map(parseRef);
        if (target === undefined || from === undefined) return;
        if (++count > MAX_SHEET_CELLS) throw new XlsxTooLarge("cells", MAX_SHEET_CELLS, path);
        if (to === undefined || (to.row === from.row && to.column === from.column)) {
          let row = cells.get(from.row);
          if (!row) cells.set(from.row, (row = new Map()));
          row.set(from.column, target);
        } else {
          ranges.push({ top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.column, to.column), right: Math.max(from.column, to.column), target });
        }
      },
    },
    path,
  );
  // The rows are skipped by a plain text search: only what follows </sheetData> is scanned.
  const decoder = new TextDecoder("utf-8");
  let rowsDone = false;
  let tail = "";
  for await (const chunk of readEntry(zip, entry)) {
    const text = decoder.decode(chunk, { stream: true });
    if (rowsDone) {
      scanner.push(text);
      continue;
    }
    const window = tail + text;
    const end = SHEET_DATA_END.exec(window);
    if (end) {
      rowsDone = true;
      scanner.push(window.slice(end.index + end[0].length));
    } else tail = window.slice(-OVERLAP_CHARS);
  }
  if (count === 0) return undefined;
  return {
    at(line, column) {
      const own = cells.get(line)?.get(column);
      if (own !== undefined) return own;
      for (const r of ranges) if (line >= r.top && line <= r.bottom && column >= r.left && column <= r.right) return r.target;
      return undefined;
    },
  };
}
