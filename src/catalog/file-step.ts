// Step 5 of the pipeline, the file as a whole: reading issues, an empty file, issue order, and
// where each mapped field is (CatalogResult.columns).
import type { Issue } from "../issues.js";
import type { ColumnSpec, HeaderMap } from "./columns.js";
import { severityOf } from "./issue.js";
import type { IssueSink } from "./issue-sink.js";
import type { RowSource } from "./source.js";
import type { CatalogResult } from "./types.js";

export interface FileFacts {
  file: string;
  source: Pick<RowSource, "issues" | "sheet">;
  header: HeaderMap | undefined;
  headerLine: number;
  rows: number;
}

/** EMPTY_FILE when there is no header, or a complete header with nothing below; then the reader's issues. */
export function reportFile({ file, source, header, headerLine, rows }: FileFacts, sink: IssueSink): void {
  for (const issue of source.issues) sink.issues.push(issue);
  const readFine = !source.issues.some((i) => severityOf(i.code) === "error");
  if (!header && readFine) {
    const empty: Issue = { code: "EMPTY_FILE", severity: "error", file, line: 1 };
    if (source.sheet !== undefined) empty.sheet = source.sheet;
    sink.issues.push(empty);
  } else if (header && rows === 0 && header.missing.length === 0 && readFine) {
    // NOTE: a complete header with nothing below is a catalogue someone forgot to fill in (or saved
    // before typing): not a valid empty catalogue. A header with missing columns already has its
    // MISSING_COLUMN errors, which say more.
    sink.push("EMPTY_FILE", headerLine, undefined, undefined, { reason: "header_only" });
  }
}

export function columnMap(header: HeaderMap): NonNullable<CatalogResult["columns"]> {
  const columns: NonNullable<CatalogResult["columns"]> = {};
  for (const spec of Object.values(header.byField)) columns[spec.field] = { header: spec.header, index: spec.index };
  const firstImage = header.images[0];
  if (firstImage) columns.images = { header: firstImage.header, index: firstImage.index };
  return columns;
}

/** Where the catalogue v2 columns are (CatalogResult.extraColumns): per-marketplace, certificate, brand, attribute and variant photo columns. */
export function extraColumnMap(header: HeaderMap): CatalogResult["extraColumns"] {
  const { overrides, certificateFiles, attributes, attributeCell, brand, certificates } = header.extras;
  const at = (c: { header: string; index: number }) => ({ header: c.header, index: c.index });
  const out: NonNullable<CatalogResult["extraColumns"]> = {};
  if (header.variants.photo) out.variantPhoto = at(header.variants.photo);
  for (const o of overrides) {
    out.overrides ??= {};
    (out.overrides[o.key] ??= {})[o.field] = at(o);
  }
  const file = certificateFiles[0];
  if (file) out.certificateFiles = at(file);
  for (const a of attributes) (out.attributes ??= {})[a.name] = at(a);
  if (attributeCell) out.attributeCell = at(attributeCell);
  if (brand) out.brand = at(brand);
  for (const [kind, c] of Object.entries(certificates)) if (c) (out.certificates ??= {})[kind as keyof typeof certificates] = at(c);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** By line, then by column position in the header, file-level (no column) first. */
export function sortIssues(issues: Issue[], header: HeaderMap | undefined): void {
  const order = new Map<string, number>();
  if (header) {
    const specs: ColumnSpec[] = [...Object.values(header.byField), ...header.images];
    for (const s of specs) if (!order.has(s.header)) order.set(s.header, s.index);
    for (const u of header.unknown) if (!order.has(u.header)) order.set(u.header, u.index);
    const { extras } = header;
    for (const c of [extras.brand, extras.attributeCell, ...Object.values(extras.certificates), ...extras.certificateFiles, ...extras.attributes, ...extras.overrides, ...extras.unknownMarketplaces]) {
      if (c && !order.has(c.header)) order.set(c.header, c.index);
    }
  }
  const rank = (i: Issue): number => (i.column === undefined ? -1 : (order.get(i.column) ?? Number.MAX_SAFE_INTEGER));
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || rank(a) - rank(b));
}
