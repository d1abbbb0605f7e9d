// One row's catalogue v2 extra cells -> brand, attributes, certificates and per-marketplace
// overrides, or located findings (the reporter decides error or warning by code). Pure.
import type { IssueCode } from "../issues.js";
import type { RawCell } from "./source.js";
import type { IssueArgs } from "./issue.js";
import { cellText, isBlankCell } from "./cell.js";
import { checkCertificate, needsFoodPermit, type CertificateKind } from "./certificates.js";
import type { ExtraColumn, ExtraColumns } from "./extra-columns.js";
import { splitImageCell } from "./images.js";
import { parsePrice } from "./money.js";
import { parseCount } from "./stock.js";
import { cleanLine, unguard } from "./text.js";
import type { Certificates, MarketplaceOverride, ProductV2Fields } from "./types.js";

export type ReportExtra = (code: IssueCode, column: ExtraColumn | undefined, value?: string, args?: IssueArgs) => void;

export interface ExtraRowFacts {
  /** The row's category as read (for the food-permit warning). */
  category: string;
  /** A variant row after its product's first: product-level findings are the first row's to make. */
  continuation: boolean;
  /** The category column, where a missing permit is located. */
  categoryColumn?: ExtraColumn;
  /** The example row init/template write: EXAMPLE_ROW says enough until it is replaced. */
  example?: boolean;
}

/** How people write "no brand": the brand is then "" (adapters send their own "no brand"). */
const NO_BRAND = new Set(["tanpa merek", "tanpa merk", "no brand", "nobrand", "tidak ada", "tidak bermerek", "-", "none", "generic", "unbranded"]);

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

export function readExtraCells(cells: readonly RawCell[], columns: ExtraColumns, facts: ExtraRowFacts, report: ReportExtra): ProductV2Fields {
  const out: ProductV2Fields = {};
  const text = (column: ExtraColumn): string => cleanLine(cellText(cells[column.index] ?? null));

  if (columns.brand) {
    const brand = text(columns.brand);
    out.brand = NO_BRAND.has(fold(brand)) ? "" : brand;
  }

  const attributes = readAttributes(cells, columns, report);
  if (attributes) out.attributes = attributes;

  const certificates: Certificates = {};
  /** A permit number was written (valid or not: a wrong one is its own error, not a missing one). */
  let permitGiven = false;
  for (const [kind, column] of Object.entries(columns.certificates) as [CertificateKind, ExtraColumn][]) {
    const value = text(column);
    if (value === "") continue;
    if (kind === "pirt" || kind === "bpom" || kind === "pomTr") permitGiven = true;
    const checked = checkCertificate(kind, value);
    if (!checked.ok) {
      report("CERTIFICATE_NUMBER_INVALID", column, value, { certificate: kind, reason: checked.reason, expected: checked.expected });
      continue;
    }
    // A POM TR number in the BPOM column is kept as what it is (jamu).
    if (certificates[checked.kind] === undefined) certificates[checked.kind] = checked.value;
  }
  const files: string[] = [];
  for (const column of columns.certificateFiles) {
    for (const token of splitImageCell(unguard(cellText(cells[column.index] ?? null).trim()))) files.push(token);
  }
  if (files.length > 0) certificates.files = files;
  if (Object.keys(certificates).length > 0) out.certificates = certificates;

  if (!facts.continuation && !facts.example && !permitGiven && needsFoodPermit(facts.category)) {
    report("CERTIFICATE_MISSING", facts.categoryColumn, facts.category, { category: facts.category });
  }

  const overrides = readOverrides(cells, columns, report);
  if (overrides) out.overrides = overrides;
  return out;
}

function readAttributes(cells: readonly RawCell[], columns: ExtraColumns, report: ReportExtra): Record<string, string> | undefined {
  if (columns.attributes.length === 0 && !columns.attributeCell) return undefined;
  const found = new Map<string, { name: string; value: string; column: ExtraColumn }>();
  const add = (name: string, value: string, column: ExtraColumn): void => {
    const key = fold(name);
    const first = found.get(key);
    if (first && fold(first.value) !== fold(value)) {
      report("ATTRIBUTE_CONFLICT", column, value, { attribute: name, first: first.value, firstColumn: first.column.header });
      return;
    }
    if (!first) found.set(key, { name, value, column });
  };
  for (const column of columns.attributes) {
    const value = cleanLine(cellText(cells[column.index] ?? null));
    if (value !== "") add(column.name, value, column);
  }
  const cell = columns.attributeCell;
  if (cell && !isBlankCell(cells[cell.index] ?? null)) {
    for (const part of cellText(cells[cell.index] ?? null).split(/[;\r\n]+/)) {
      const piece = cleanLine(part);
      if (piece === "") continue;
      const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(piece);
      if (!m || m[2]!.trim() === "") {
        report("ATTRIBUTE_CELL_INVALID", cell, piece, m ? { attribute: m[1]!, reason: "empty" } : { reason: "format" });
        continue;
      }
      add(m[1]!, m[2]!.trim(), cell);
    }
  }
  if (found.size === 0) return undefined;
  return Object.fromEntries([...found.values()].map((a) => [a.name, a.value]));
}

function readOverrides(cells: readonly RawCell[], columns: ExtraColumns, report: ReportExtra): Record<string, MarketplaceOverride> | undefined {
  if (columns.overrides.length === 0) return undefined;
  const out: Record<string, MarketplaceOverride> = {};
  const set = (key: string, patch: MarketplaceOverride): void => {
    out[key] = { ...out[key], ...patch };
  };
  for (const column of columns.overrides) {
    const cell = cells[column.index] ?? null;
    if (isBlankCell(cell)) continue;
    const raw = cellText(cell);
    if (column.field === "name") {
      const name = cleanLine(raw);
      if (name !== "") set(column.key, { name });
      continue;
    }
    const value = typeof cell === "number" || typeof cell === "string" ? cell : raw;
    if (column.field === "price") {
      const r = parsePrice(value, column.unit);
      if (!r.ok) report(r.code, column, raw, { field: "price", marketplace: column.key, ...r.args });
      else set(column.key, { price: r.value });
    } else {
      const r = parseCount(value);
      if (!r.ok) report(r.ambiguous ? "AMBIGUOUS_NUMBER" : "INVALID_STOCK", column, raw, { field: "stock", marketplace: column.key });
      else set(column.key, { stock: r.value });
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
