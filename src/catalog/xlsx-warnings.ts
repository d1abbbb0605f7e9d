// Warnings about where a workbook's values come from: macros (code that may change the values
// when Excel opens the file) and external links (values cached from another workbook or
// the web). desbumi reads the values as last saved, which may not be what the facilitator sees.
import type { Issue } from "../issues.js";
import { columnLetter } from "./source.js";
import type { ExternalFormula } from "./xlsx-sheet-rows.js";
import { parseRelationships, relsPathOf } from "./xlsx-workbook.js";
import { readPartText, type ZipArchive } from "./xlsx-zip.js";

/** Cells named one by one; past this, one more issue says how many others there are. */
const MAX_CELL_WARNINGS = 20;
/** Linked workbooks named in the file-level warning. */
const MAX_LINK_NAMES = 5;
const MAX_FORMULA_CHARS = 120;

/** MACRO and EXTERNAL_LINK at the file: a VBA project or macro sheets, links to other workbooks. */
export async function workbookWarnings(zip: ZipArchive, file: string): Promise<Issue[]> {
  const issues: Issue[] = [];
  const names = zip.names.map((n) => n.toLowerCase());
  const contentTypes = (await readPartText(zip, "[Content_Types].xml")) ?? "";
  const vba = names.includes("xl/vbaproject.bin");
  const macroSheets = names.some((n) => n.startsWith("xl/macrosheets/"));
  if (vba || macroSheets || /macroEnabled/i.test(contentTypes)) {
    issues.push({ code: "MACRO", severity: "warning", file, args: { kind: macroSheets && !vba ? "xlm" : "vba" } });
  }
  const linkParts = zip.names.filter((n) => /^xl\/externalLinks\/[^/]+\.xml$/i.test(n));
  if (linkParts.length > 0) {
    const targets: string[] = [];
    for (const part of linkParts.slice(0, MAX_LINK_NAMES)) {
      const rels = await readPartText(zip, relsPathOf(part));
      for (const rel of rels === undefined ? [] : parseRelationships(rels).values()) if (rel.isExternal) targets.push(workbookName(rel.target));
    }
    const args: Record<string, string | number> = { kind: "workbook", count: linkParts.length };
    if (targets.length > 0) args.target = targets.join(", ");
    issues.push({ code: "EXTERNAL_LINK", severity: "warning", file, args });
  }
  return issues;
}

/** EXTERNAL_LINK per formula cell of the sheet read: the first MAX_CELL_WARNINGS, then a count of the rest. */
export function externalFormulaIssues(found: readonly ExternalFormula[], file: string, sheet: string): Issue[] {
  const out: Issue[] = found.slice(0, MAX_CELL_WARNINGS).map((f) => ({
    code: "EXTERNAL_LINK",
    severity: "warning",
    file,
    line: f.line,
    sheet,
    cell: `${columnLetter(f.column)}${f.line}`,
    value: f.formula.length > MAX_FORMULA_CHARS ? `${f.formula.slice(0, MAX_FORMULA_CHARS - 1)}…` : f.formula,
    args: { kind: f.kind },
  }));
  if (found.length > MAX_CELL_WARNINGS) {
    const last = found[MAX_CELL_WARNINGS]!;
    out.push({ code: "EXTERNAL_LINK", severity: "warning", file, line: last.line, sheet, args: { kind: last.kind, more: found.length - MAX_CELL_WARNINGS } });
  }
  return out;
}

/** `file:///C:/Data/harga%20juni.xlsx` -> `harga juni.xlsx`. */
function workbookName(target: string): string {
  const last = target.split(/[\\/]/).filter((p) => p !== "").pop() ?? target;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
