// Two facts about an .xlsx sheet that read-excel-file does not expose: which rows are hidden, and
// which cells hold a formula error (`<c r="D11" t="e"><f>D4/0</f><v>#DIV/0!</v></c>`, which it
// reads as an empty cell). Only these two; values still come from read-excel-file.
// NOTE: a small regex tokenizer over the sheet XML, not a second XML parser: it only needs the
// `<row>` and `<c>` start tags and an error cell's `<v>`. The sheet is found the way
// read-excel-file finds it (workbook.xml's n-th named <sheet> -> its r:id -> workbook.xml.rels
// Target, "xl/" + relative or "/"-absolute), so the facts are about the rows it returned.
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";

export interface SheetFacts {
  /** Spreadsheet row numbers (1-based) with `hidden="1"`. */
  hiddenRows: Set<number>;
  /** Formula-error cells: row number -> 0-based column index -> the error shown, e.g. `#DIV/0!`. */
  errorCells: Map<number, Map<number, string>>;
}


const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
/** Longest error text kept (Excel's are at most 14 characters, e.g. `#GETTING_DATA`). */
const MAX_ERROR_CHARS = 32;

export const noSheetFacts = (): SheetFacts => ({ hiddenRows: new Set(), errorCells: new Map() });

/**
 * The facts for the `sheetIndex`-th sheet (0-based, workbook order, as read-excel-file lists them).
 * Never throws: the workbook was already read successfully, so a fact that cannot be found is
 * simply absent (no warning is better than a run that stops over a warning).
 */
export async function readSheetFacts(path: string, sheetIndex: number): Promise<SheetFacts> {
  try {
    const zip = new Uint8Array(await readFile(path));
    const fixed = unzipSync(zip, { filter: (f) => f.name === WORKBOOK || f.name === WORKBOOK_RELS });
    const workbook = fixed[WORKBOOK];
    const rels = fixed[WORKBOOK_RELS];
    if (!workbook || !rels) return noSheetFacts();
    const sheetPath = findSheetPath(strFromU8(workbook), strFromU8(rels), sheetIndex);
    if (sheetPath === undefined) return noSheetFacts();
    const sheet = unzipSync(zip, { filter: (f) => f.name === sheetPath })[sheetPath];
    return sheet ? scanSheetXml(strFromU8(sheet)) : noSheetFacts();
  } catch {
    return noSheetFacts();
  }
}

/** workbook.xml + its rels -> the zip path of the n-th sheet's XML. */
export function findSheetPath(workbookXml: string, relsXml: string, sheetIndex: number): string | undefined {
  const sheets = [...workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*)>/g)].map((m) => m[1] ?? "").filter((attrs) => attr(attrs, "name") !== undefined);
  const sheetAttrs = sheets[sheetIndex];
  if (sheetAttrs === undefined) return undefined;
  // The relationship id is namespaced (`r:id`); `sheetId` is another attribute.
  const relId = /\s(?:[\w.-]+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(` ${sheetAttrs}`);
  const id = relId?.[1] ?? relId?.[2];
  if (id === undefined) return undefined;
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    if (attr(attrs, "Id") !== id) continue;
    const target = attr(attrs, "Target");
    if (target === undefined) return undefined;
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  return undefined;
}

/** The two facts from a worksheet's XML. Rows and cells without `r` count on from the previous. */
export function scanSheetXml(xml: string): SheetFacts {
  const facts = noSheetFacts();
  // Most sheets have neither: skip the scan.
  if (!/hidden\s*=/.test(xml) && !/\st\s*=\s*["']e["']/.test(xml)) return facts;
  const tag = /<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>/g;
  let row = 0;
  let column = -1;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const attrs = m[2] ?? "";
    if (m[1] === "row") {
      const r = Number(attr(attrs, "r"));
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      column = -1;
      const hidden = attr(attrs, "hidden");
      if (hidden === "1" || hidden === "true") facts.hiddenRows.add(row);
      continue;
    }
    const ref = parseRef(attr(attrs, "r"));
    column = ref?.column ?? column + 1;
    if (attr(attrs, "t") !== "e" || attrs.endsWith("/")) continue;
    const error = errorValue(xml, tag.lastIndex);
    if (error === undefined) continue;
    const line = ref?.row ?? row;
    let cells = facts.errorCells.get(line);
    if (!cells) facts.errorCells.set(line, (cells = new Map()));
    cells.set(column, error);
  }
  return facts;
}

/** The `<v>` text of the cell whose start tag ends at `from` (up to its `</c>`). */
function errorValue(xml: string, from: number): string | undefined {
  const close = /<\/(?:[\w.-]+:)?c>/g;
  close.lastIndex = from;
  const closing = close.exec(xml);
  if (!closing) return undefined;
  const body = xml.slice(from, closing.index);
  const v = /<(?:[\w.-]+:)?v>([^<]*)<\/(?:[\w.-]+:)?v>/.exec(body);
  const text = v ? unescapeXml(v[1] ?? "").trim() : "";
  return text === "" ? undefined : text.slice(0, MAX_ERROR_CHARS);
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return undefined;
  return unescapeXml(m[1] ?? m[2] ?? "");
}

/** `D11` -> row 11, column 3 (0-based). */
function parseRef(ref: string | undefined): { row: number; column: number } | undefined {
  const m = ref === undefined ? null : /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column: column - 1 };
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
