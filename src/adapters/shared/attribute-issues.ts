// Attribute matches (attribute-match.ts) -> located plan-time issues, the same for every adapter:
// a required attribute missing, a value the attribute does not take (did-you-mean), a custom value
// close to a listed one, and once per attribute name the catalogue attributes the category lacks.
import type { CertificateKind } from "../../catalog/certificates.js";
import type { Issue, IssueCode } from "../../issues.js";
import { allowedValues, attributeKey, sourcesFor, type AttributeMatch, type AttributeSource } from "./attribute-match.js";

type Column = { header: string } | undefined;

/** Where the catalogue's columns are: v1 fields by field name, attribute/brand/certificate columns. */
export interface AttributeCheckAt {
  file: string;
  columns?: Partial<Record<string, { header: string }>>;
  extraColumns?: {
    /** `Atribut: <name>` columns by the name as written. */
    attributes?: Record<string, { header: string }>;
    attributeCell?: { header: string };
    brand?: { header: string };
    certificates?: Partial<Record<CertificateKind, { header: string }>>;
  };
}

export interface AttributeRow {
  sku: string;
  line: number;
  sheet?: string;
  category: string;
}

export interface AttributeIssueOptions {
  /** The marketplace as messages name it ("Shopee", "Tokopedia & Shop"). */
  marketplace: string;
  /** The code a missing required attribute has on this adapter (kept stable per adapter). */
  missingCode: Extract<IssueCode, "ATTRIBUTE_MISSING" | "ATTRIBUTE_REQUIRED">;
}

export interface AttributeIssueCollector {
  /**
   * One product's match (`categoryName` as messages show it): its issues, in row order. A catalogue
   * attribute the category lacks is noted at its first row only; finish() counts its rows.
   */
  add(row: AttributeRow, match: AttributeMatch, categoryName: string): Issue[];
  /** Writes the row counts into the notes add() returned. */
  finish(): void;
}

export function collectAttributeIssues(at: AttributeCheckAt, options: AttributeIssueOptions): AttributeIssueCollector {
  const extra = at.extraColumns ?? {};
  const attributeColumns = new Map(Object.entries(extra.attributes ?? {}).map(([name, c]) => [attributeKey(name), c]));
  const columnOf = (source: AttributeSource): Column => {
    if (source.kind === "brand") return extra.brand ?? at.columns?.brand;
    if (source.kind === "certificate") return extra.certificates?.[source.certificate];
    return attributeColumns.get(attributeKey(source.name));
  };
  /** A value's own column; a value from the `Atribut` cell is located there. Else the name as written. */
  const valueColumn = (source: AttributeSource, fallback: string): string =>
    columnOf(source)?.header ?? (source.kind === "attribute" ? extra.attributeCell?.header : undefined) ?? fallback;
  const unknown = new Map<string, { issue: Issue; rows: number }>();
  const loc = (row: AttributeRow) => ({ file: at.file, line: row.line, ...(row.sheet !== undefined ? { sheet: row.sheet } : {}) });
  return {
    add(row, match, categoryName) {
      const out: Issue[] = [];
      const base = { sku: row.sku, category: categoryName, marketplace: options.marketplace, target: options.marketplace };
      for (const p of match.problems) {
        const { options: list, more } = allowedValues(p.attribute);
        const allowed = { options: list, allowed: list, ...(more > 0 ? { more } : {}) };
        if (p.kind === "missing") {
          // The column that would fill it when there is one (an empty cell), else the category's.
          const column = sourcesFor(p.attribute).map(columnOf).find((c) => c !== undefined)?.header ?? at.columns?.category?.header;
          out.push({
            code: options.missingCode,
            severity: "error",
            ...loc(row),
            column: column ?? p.attribute.name,
            ...(column !== undefined && column === at.columns?.category?.header ? { value: row.category } : {}),
            args: { ...base, attribute: p.attribute.name, ...allowed },
          });
          continue;
        }
        out.push({
          code: p.kind === "invalid" ? "ATTRIBUTE_VALUE_INVALID" : "ATTRIBUTE_VALUE_UNLISTED",
          severity: p.kind === "invalid" ? "error" : "warning",
          ...loc(row),
          column: valueColumn(p.source, p.attribute.name),
          value: p.value,
          args: { ...base, attribute: p.attribute.name, ...allowed, ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}) },
        });
      }
      for (const u of match.unknown) {
        const key = attributeKey(u.name);
        const seen = unknown.get(key);
        if (seen) {
          seen.rows += 1;
          continue;
        }
        const issue: Issue = {
          code: "ATTRIBUTE_NOT_IN_CATEGORY",
          severity: "warning",
          ...loc(row),
          column: valueColumn({ kind: "attribute", name: u.name }, u.name),
          value: u.value,
          args: { ...base, attribute: u.name, ...(u.suggestion !== undefined ? { suggestion: u.suggestion } : {}) },
        };
        unknown.set(key, { issue, rows: 1 });
        out.push(issue);
      }
      return out;
    },
    finish() {
      for (const { issue, rows } of unknown.values()) issue.args = { ...issue.args, rows };
    },
  };
}
