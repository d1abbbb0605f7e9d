// One worksheet's XML, streamed into raw rows: values as read-excel-file read them (shared and
// inline strings trimmed, rich text joined, numbers, dates by cell style, booleans, a formula's
// cached value, an error or an uncalculated formula as an empty cell), plus what it did not give:
// hidden rows, formula-error cells, hyperlink targets, and formulas whose values come from outside.
// Rows are the spreadsheet's rows: a gap in the XML becomes blank rows (the pipeline skips them),
// and empty rows after the last filled one (formatting below the table) are not rows at all.
import type { RawCell, RawRow } from "./source.js";
import { excelDateMs } from "./xlsx-date-format.js";
import { externalSource, hyperlinkTarget, type ExternalKind } from "./xlsx-formula-links.js";
import type { SheetLinks } from "./xlsx-hyperlinks.js";
import { MAX_SHEET_CELLS, MAX_TOKEN_CHARS, XlsxDamaged, XlsxTooLarge } from "./xlsx-limits.js";
import { createXmlScanner, readAttrs, unescapeXlsxString, unescapeXml, type XmlHandler } from "./xlsx-xml-scan.js";
import { readEntry, type ZipArchive } from "./xlsx-zip.js";

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  epoch1904: boolean;
  /** The sheet's hyperlinks (xlsx-hyperlinks.ts), when it has any. */
  links?: SheetLinks;
  /** Receives each formula cell whose value comes from another workbook or the web. */
  onExternal?: (finding: ExternalFormula) => void;
}

export interface ExternalFormula {
  line: number;
  /** 0-based column. */
  column: number;
  kind: ExternalKind;
  formula: string;
}

/** Longest error text kept (Excel's are at most 14 characters, e.g. `#GETTING_DATA`). */
const MAX_ERROR_CHARS = 32;
/** Rows per batch handed to the pipeline (a long gap of blank rows is cut into batches too). */
const BATCH_ROWS = 4096;

const ROW_ATTRS = ["r", "hidden"];
const CELL_ATTRS = ["r", "t", "s"];
const FORMULA_ATTRS = ["t", "si"];

interface Gap {
  from: number;
  to: number;
}

/** The parser as an XML handler: `queue` fills with finished rows (and gaps) as tags arrive. */
export function createSheetHandler(ctx: SheetContext, part: string): XmlHandler & { queue: (RawRow | Gap)[] } {
  const queue: (RawRow | Gap)[] = [];
  const values: (string | undefined)[] = [undefined, undefined, undefined];
  const sharedKinds = new Map<string, ExternalKind | undefined>();
  const sharedLinks = new Map<string, string | undefined>();
  let inSheetData = false;
  let filledCells = 0;
  let lastLine = 0;
  let lastEmitted = 0;
  // the row
  let line = 0;
  let rowHasNumber = false;
  let hidden = false;
  let cells: RawCell[] = [];
  let errors: Map<number, string> | undefined;
  let links: Map<number, string> | undefined;
  let rowHasData = false;
  let column = -1;
  // the cell
  let inCell = false;
  let type: string | undefined;
  let style: string | undefined;
  let value: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  let formulaShared: string | undefined;
  let formulaKind: ExternalKind | undefined;
  let formulaLink: string | undefined;
  let text = "";
  let textOpen = false;
  let inIs = false;
  let inRun = false;
  let inPhonetic = false;

  const startText = (): void => {
    text = "";
    textOpen = true;
  };

  const finishCell = (): void => {
    const cell = cellValue(ctx, type, style, value, inline);
    if (cell === INVALID) throw new XlsxDamaged(`cell value in ${part} row ${line}`);
    let filled = cell !== null;
    if (type === "e" && value !== undefined) {
      const shown = value.trim().slice(0, MAX_ERROR_CHARS);
      if (shown !== "") {
        (errors ??= new Map()).set(column, shown);
        filled = true;
      }
    }
    if (filled) {
      if (++filledCells > MAX_SHEET_CELLS) throw new XlsxTooLarge("cells", MAX_SHEET_CELLS, part, line);
      rowHasData = true;
    }
    if (cell !== null) {
      while (cells.length < column) cells.push(null);
      cells[column] = cell;
    }
    const link = ctx.links?.at(line, column) ?? formulaLink;
    if (link !== undefined) (links ??= new Map()).set(column, link);
    if (formulaKind !== undefined) ctx.onExternal?.({ line, column, kind: formulaKind, formula: formula ?? "" });
  };

  return {
    queue,
    get wantsText() {
      return textOpen;
    },
    open(name, source, from, to, selfClosing) {
      if (!inSheetData) {
        if (name === "sheetData") inSheetData = !selfClosing;
        return;
      }
      if (inCell) {
        if (name === "v") startText();
        else if (name === "f") {
          startText();
          readAttrs(source, from, to, FORMULA_ATTRS, values);
          formulaShared = values[0] === "shared" ? values[1] : undefined;
          if (selfClosing && formulaShared !== undefined) {
            formulaKind = sharedKinds.get(formulaShared);
            formulaLink = sharedLinks.get(formulaShared);
          }
        } else if (name === "is") {
          inIs = true;
          inline = "";
        } else if (!inIs) return;
        else if (name === "t") startText();
        else if (name === "r") inRun = true;
        else if (name === "rPh") inPhonetic = true;
        return;
      }
      if (name === "row") {
        readAttrs(source, from, to, ROW_ATTRS, values);
        const r = Number(values[0]);
        rowHasNumber = Number.isInteger(r) && r > 0;
        line = rowHasNumber ? r : lastLine + 1;
        const h = values[1];
        hidden = h === "1" || h === "true";
        cells = [];
        errors = undefined;
        links = undefined;
        rowHasData = false;
        column = -1;
      } else if (name === "c") {
        inCell = true;
        readAttrs(source, from, to, CELL_ATTRS, values);
        const ref = parseRef(values[0]);
        if (ref && !rowHasNumber && column < 0) line = ref.row;
        column = ref?.column ?? column + 1;
        type = values[1];
        style = values[2];
        value = inline = formula = formulaKind = formulaLink = undefined;
        inIs = inRun = inPhonetic = false;
      }
    },
    close(name) {
      if (!inSheetData) return;
      if (inCell) {
        if (name === "c") {
          inCell = false;
          finishCell();
        } else if (name === "v" && textOpen) {
          textOpen = false;
          value = unescapeXml(text);
          if (type === "str") value = unescapeXlsxString(value);
        } else if (name === "f" && textOpen) {
          textOpen = false;
          if (text === "") return;
          formula = unescapeXml(text);
          formulaKind = externalSource(formula);
          formulaLink = hyperlinkTarget(formula);
          if (formulaShared !== undefined) {
            sharedKinds.set(formulaShared, formulaKind);
            sharedLinks.set(formulaShared, formulaLink);
          }
        } else if (name === "t" && textOpen) {
          textOpen = false;
          if (!inPhonetic) inline = inRun ? inline + unescapeXml(text) : unescapeXml(text);
        } else if (name === "is") {
          inIs = false;
          inline = unescapeXlsxString(inline ?? "");
        } else if (name === "r") inRun = false;
        else if (name === "rPh") inPhonetic = false;
        return;
      }
      if (name === "row") {
        if (line <= lastLine) throw new XlsxDamaged(`row ${line} after row ${lastLine} in ${part}`);
        lastLine = line;
        if (!rowHasData) return;
        if (line > lastEmitted + 1) queue.push({ from: lastEmitted + 1, to: line - 1 });
        const row: RawRow = { line, cells };
        if (hidden) row.hidden = true;
        if (errors) row.errorCells = errors;
        if (links) row.links = links;
        queue.push(row);
        lastEmitted = line;
      } else if (name === "sheetData") inSheetData = false;
    },
    text(raw) {
      text += raw;
      if (text.length > MAX_TOKEN_CHARS) throw new XlsxTooLarge("cell_text", MAX_TOKEN_CHARS, part, line);
    },
  };
}

/**
 * The sheet's rows in batches. Throws XlsxTooLarge / XlsxDamaged (the caller turns them into
 * issues); breaking out of the loop stops the inflating (reading the first rows of a sheet costs
 * only those rows).
 */
export async function* readSheetRows(zip: ZipArchive, path: string, ctx: SheetContext): AsyncGenerator<RawRow[]> {
  const entry = zip.find(path);
  if (!entry) return;
  const handler = createSheetHandler(ctx, path);
  const scanner = createXmlScanner(handler, path);
  const decoder = new TextDecoder("utf-8");
  const drain = function* (): Generator<RawRow[]> {
    let batch: RawRow[] = [];
    for (const item of handler.queue) {
      if ("cells" in item) batch.push(item);
      else {
        for (let l = item.from; l <= item.to; l++) {
          batch.push({ line: l, cells: [] });
          if (batch.length >= BATCH_ROWS) {
            yield batch;
            batch = [];
          }
        }
      }
    }
    handler.queue.length = 0;
    if (batch.length > 0) yield batch;
  };
  for await (const chunk of readEntry(zip, entry)) {
    scanner.push(decoder.decode(chunk, { stream: true }));
    yield* drain();
  }
  scanner.push(decoder.decode());
  if (!scanner.end()) throw new XlsxDamaged(`${path} ends inside a tag`);
  yield* drain();
}

/** An impossible cell (a shared string index past the table, a number that is not one). */
const INVALID = Symbol("invalid");

/** A cell's value from its type, style and text, as read-excel-file's parseCell + trim. */
function cellValue(ctx: SheetContext, t: string | undefined, s: string | undefined, v: string | undefined, inline: string | undefined): RawCell | typeof INVALID {
  switch (t ?? "n") {
    case "str":
      return trimmed(v);
    case "inlineStr":
      return trimmed(inline);
    case "s": {
      if (!v) return null;
      const text = ctx.sharedStrings[Number(v)];
      return text === undefined ? INVALID : trimmed(text);
    }
    case "b":
      return !v ? null : v === "1" ? true : v === "0" ? false : INVALID;
    case "e":
      return null;
    case "d": {
      if (!v) return null;
      const date = new Date(v);
      return Number.isNaN(date.getTime()) ? INVALID : date;
    }
    case "n": {
      if (!v) return null;
      const n = Number(v);
      if (Number.isNaN(n)) return INVALID;
      if (s !== undefined && ctx.dateStyles[Number(s)] === true) {
        const date = new Date(excelDateMs(n, ctx.epoch1904));
        return Number.isNaN(date.getTime()) ? null : date;
      }
      return n;
    }
    default:
      return INVALID;
  }
}

function trimmed(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = text.trim();
  return t === "" ? null : t;
}

/** `D11` -> row 11, column 3 (0-based); `$` signs allowed. */
export function parseRef(ref: string | undefined): { row: number; column: number } | undefined {
  if (ref === undefined) return undefined;
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let column = 0;
  const lettersFrom = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (i === lettersFrom || i - lettersFrom > 3) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return i === digitsFrom ? undefined : { row, column: column - 1 };
}
