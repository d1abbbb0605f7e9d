// The workbook around the sheets: sheet names and where each sheet's XML is, the date system,
// which cell styles are dates, and a sheet's relationships (its hyperlink targets). Small parts,
// read whole (capped at MAX_PART_BYTES); the sheet XML itself is streamed by xlsx-sheet-rows.ts.
// Paths are found as read-excel-file finds them: workbook.xml's named <sheet>s in order, each
// r:id -> xl/_rels/workbook.xml.rels Target ("xl/" + relative, or "/"-absolute).
import { isDateFormat } from "./xlsx-date-format.js";
import { attr } from "./xlsx-xml-scan.js";
import { readPartText, type ZipArchive } from "./xlsx-zip.js";

export interface WorkbookSheet {
  name: string;
  /** The sheet's XML in the zip; undefined for a chart sheet or a broken relationship. */
  path: string | undefined;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  epoch1904: boolean;
  sharedStringsPath: string;
  /** Index = the cell's `s` style id; true when numbers in that style are dates. */
  dateStyles: boolean[];
}

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/** The workbook's structure, or undefined when the zip holds no workbook (a .docx, any archive). */
export async function readWorkbook(zip: ZipArchive): Promise<Workbook | undefined> {
  const workbookXml = await readPartText(zip, WORKBOOK);
  const relsXml = await readPartText(zip, WORKBOOK_RELS);
  if (workbookXml === undefined || relsXml === undefined) return undefined;
  const rels = parseRelationships(relsXml);
  const target = (type: string): string | undefined => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(`/${type}`));
    return rel ? workbookPartPath(rel.target) : undefined;
  };
  const sheets = sheetTags(workbookXml).map((attrs) => {
    const rel = rels.get(relationId(attrs) ?? "");
    const isSheet = rel !== undefined && rel.type.endsWith("/worksheet");
    return { name: unescapeSheetName(attr(attrs, "name") ?? ""), path: isSheet ? workbookPartPath(rel.target) : undefined };
  });
  const pr = /<(?:[\w.-]+:)?workbookPr\s([^>]*)>/.exec(workbookXml);
  const date1904 = pr ? attr(pr[1] ?? "", "date1904") : undefined;
  const stylesXml = await readPartText(zip, target("styles") ?? "xl/styles.xml");
  return {
    sheets,
    epoch1904: date1904 === "1" || date1904 === "true",
    sharedStringsPath: target("sharedStrings") ?? "xl/sharedStrings.xml",
    dateStyles: stylesXml === undefined ? [] : parseDateStyles(stylesXml),
  };
}

/** workbook.xml + its rels -> the zip path of the n-th sheet's XML. */
export function findSheetPath(workbookXml: string, relsXml: string, sheetIndex: number): string | undefined {
  const attrs = sheetTags(workbookXml)[sheetIndex];
  if (attrs === undefined) return undefined;
  const rel = parseRelationships(relsXml).get(relationId(attrs) ?? "");
  return rel ? workbookPartPath(rel.target) : undefined;
}

export interface Relationship {
  type: string;
  target: string;
  isExternal: boolean;
}

/** A .rels part: Id -> relationship. */
export function parseRelationships(xml: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const id = attr(attrs, "Id");
    const target = attr(attrs, "Target");
    if (id === undefined || target === undefined) continue;
    out.set(id, { type: attr(attrs, "Type") ?? "", target, isExternal: attr(attrs, "TargetMode") === "External" });
  }
  return out;
}

/** The rels part of a part: `xl/worksheets/sheet1.xml` -> `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

function sheetTags(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*)>/g)].map((m) => m[1] ?? "").filter((attrs) => attr(attrs, "name") !== undefined);
}

/** The relationship id is namespaced (`r:id`); `sheetId` is another attribute. */
function relationId(sheetAttrs: string): string | undefined {
  const m = /\s(?:[\w.-]+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(` ${sheetAttrs}`);
  return m?.[1] ?? m?.[2];
}

const workbookPartPath = (target: string): string => (target.startsWith("/") ? target.slice(1) : `xl/${target}`);

const unescapeSheetName = (name: string): string => name.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** styles.xml -> per cellXfs entry, whether its number format is a date (falling back to its cellStyleXfs parent's). */
function parseDateStyles(xml: string): boolean[] {
  const templates = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\s([^>]*)>/g)) {
    const id = Number(attr(m[1] ?? "", "numFmtId"));
    const code = attr(m[1] ?? "", "formatCode");
    if (Number.isInteger(id) && id >= 100 && code !== undefined) templates.set(id, code);
  }
  const formatOf = (attrs: string): number | undefined => {
    const raw = attr(attrs, "numFmtId");
    return raw === undefined || Number.isNaN(Number(raw)) ? undefined : Number(raw);
  };
  const section = (name: string): string[] => {
    const m = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s>][\\s\\S]*?</(?:[\\w.-]+:)?${name}>`).exec(xml);
    return m ? [...m[0].matchAll(/<(?:[\w.-]+:)?xf[\s/>]([^>]*)>?/g)].map((x) => x[1] ?? "") : [];
  };
  const base = section("cellStyleXfs").map(formatOf);
  return section("cellXfs").map((attrs) => {
    const xfId = Number(attr(attrs, "xfId"));
    const id = formatOf(attrs) ?? (Number.isInteger(xfId) && xfId > 0 ? base[xfId] : undefined);
    return id !== undefined && isDateFormat(id, templates.get(id));
  });
}
