// The shared catalogue pipeline: raw rows (CSV or XLSX) -> header -> normalized rows -> rules.
// Streams: per row it keeps nothing but compact rule state (and products when asked for).
import { InternalError } from "../errors.js";
import type { Issue, IssueCode } from "../issues.js";
import { DEFAULT_RULES, type MarketplaceRules } from "../rules.js";
import { cellText, isBlankRow, truncateValue } from "./cell.js";
import { findCandidates, headerScore, mapHeader, REQUIRED_FIELDS, type ColumnSpec, type HeaderMap } from "./columns.js";
import { HEADER_SEARCH_ROWS } from "./header-search.js";
import { severityOf, type IssueArgs } from "./issue.js";
import { normalizeRow } from "./normalize-row.js";
import { createRules } from "./rules.js";
import { skuText } from "./sku.js";
import { columnLetter, type RawRow, type RowSource } from "./source.js";
import type { CatalogProduct, CatalogResult } from "./types.js";

export interface NormalizeRowsOptions {
  /** The file name as the user gave it (issue `file`). */
  file: string;
  rules?: MarketplaceRules;
  /** Keep normalized products (default true). */
  collectProducts?: boolean;
  /** Called with every valid product, kept or not (validate checks categories with it, issue 12.4). */
  onProduct?: (product: CatalogProduct) => void;
}


export async function normalizeRows(source: RowSource, opts: NormalizeRowsOptions): Promise<CatalogResult> {
  const rules = opts.rules ?? DEFAULT_RULES;
  const collect = opts.collectProducts ?? true;
  // NOTE: the zod safety net guards only products handed on (json, sync); loading zod costs ~50 ms
  // of start-up, so a plain `validate` never loads it.
  const productSchema = collect ? (await import("./schema.js")).productSchema : undefined;
  const { file } = opts;
  const { format, sheet } = source;
  const issues: Issue[] = [];
  const products: CatalogProduct[] = [];
  const invalidSkus = new Set<string>();
  const crossRules = createRules(rules);
  let header: HeaderMap | undefined;
  let headerLine = 1;
  let rows = 0;

  const push = (code: IssueCode, line: number, spec?: { index: number; header: string }, value?: string, args?: IssueArgs): void => {
    const issue: Issue = { code, severity: severityOf(code), file, line };
    if (spec) issue.column = spec.header;
    if (sheet !== undefined) issue.sheet = sheet;
    if (sheet !== undefined && spec) issue.cell = `${columnLetter(spec.index)}${line}`;
    if (value !== undefined) issue.value = truncateValue(value);
    if (args !== undefined && Object.keys(args).length > 0) issue.args = args;
    issues.push(issue);
  };

  const useHeader = (row: RawRow, map: HeaderMap): void => {
    // NOTE: added only now, after the header search: a file without a description column still
    // has its header found; under this marketplace's rules the column is then missing.
    if (rules.descriptionRequired && !map.byField.description && !map.missing.includes("description")) map.missing.push("description");
    findCandidates(map);
    header = map;
    headerLine = row.line;
    // A "header" that maps nothing is a data row (no header at all): its cells are not typos.
    const mapsSomething = Object.keys(map.byField).length > 0;
    if (mapsSomething) for (const u of map.unknown) push("UNKNOWN_COLUMN", row.line, u, u.header, u.suggestion ? { suggestion: u.suggestion } : undefined);
    for (const d of map.duplicates) push("DUPLICATE_COLUMN", row.line, d.spec, d.spec.header, { field: d.spec.field, first: d.first.header });
    // NOTE: `sheets` tells the reader the catalogue may be on a sheet that was not read.
    const others: IssueArgs = source.otherSheets?.length ? { sheets: source.otherSheets.join(", ") } : {};
    for (const field of map.missing) {
      const candidate = map.candidates[field];
      const guess: IssueArgs = candidate ? { candidate: candidate.header, suggestion: candidate.suggestion } : {};
      push("MISSING_COLUMN", row.line, undefined, undefined, { field, ...guess, ...others });
    }
  };

  const processRow = (row: RawRow, map: HeaderMap): void => {
    rows++;
    let hasError = false;
    if (format === "csv" && row.cells.length > map.width && row.cells.slice(map.width).some((c) => cellText(c).trim() !== "")) {
      // NOTE: more cells than headers means the row is shifted (an unquoted comma or `;`),
      // so its values cannot be trusted field by field: one located issue, then keep going.
      push("MALFORMED_CSV", row.line, undefined, undefined, { reason: "extra_cells", expected: map.width, actual: row.cells.length });
      const skuCellText = map.byField.sku ? skuText(row.cells[map.byField.sku.index] ?? null) : "";
      if (skuCellText !== "") invalidSkus.add(skuCellText);
      return;
    }
    // XLSX facts read-excel-file does not give (see xlsx-sheet-facts.ts). A hidden row is still
    // read and synced (quietly dropping it would change what is sold); it only gets a warning.
    const { hidden, errorCells } = row;
    if (hidden) push("HIDDEN_ROW", row.line, undefined, undefined, { row: row.line });
    const errorColumns = errorCells ? reportErrorCells(row.line, errorCells, map) : undefined;
    if (errorColumns) hasError = true;
    const result = normalizeRow(row.cells, map, rules, (code, spec, value, args) => {
      // An error cell reads as empty: FORMULA_ERROR already says what is there, not "is empty".
      if (errorColumns && ((spec && errorColumns.has(spec.index)) || (code === "NO_IMAGES" && map.images.some((s) => errorColumns.has(s.index))))) return;
      if (severityOf(code) === "error") hasError = true;
      push(code, row.line, spec, value, args);
    });
    for (const rule of crossRules) rule.check({ line: row.line, sku: result.sku, name: result.name });
    // A missing required column makes every row incomplete, though no row has an error of its own.
    if (hasError || !result.product || map.missing.length > 0) {
      if (result.sku !== undefined) invalidSkus.add(result.sku);
      return;
    }
    if (collect || opts.onProduct) {
      const product: CatalogProduct = sheet === undefined ? { ...result.product, line: row.line } : { ...result.product, line: row.line, sheet };
      if (productSchema && !productSchema.safeParse(result.product).success) {
        throw new InternalError(`normalized row at line ${row.line} does not match the product schema`);
      }
      if (collect) products.push(product);
      opts.onProduct?.(product);
    }
  };

  /** FORMULA_ERROR for error cells in read columns (others are ignored like their column); their indexes. */
  const reportErrorCells = (line: number, cells: ReadonlyMap<number, string>, map: HeaderMap): Set<number> | undefined => {
    const found = new Set<number>();
    for (const spec of readColumns(map)) {
      const error = cells.get(spec.index);
      if (error === undefined || found.has(spec.index)) continue;
      found.add(spec.index);
      push("FORMULA_ERROR", line, spec, error, { error, field: spec.field });
    }
    return found.size > 0 ? found : undefined;
  };

  const pending: { row: RawRow; map: HeaderMap }[] = [];
  const settleHeader = (): void => {
    let best = pending[0]!;
    for (const candidate of pending) if (headerScore(candidate.map) > headerScore(best.map)) best = candidate;
    useHeader(best.row, best.map);
    for (const p of pending.slice(pending.indexOf(best) + 1)) processRow(p.row, best.map);
    pending.length = 0;
  };

  const takeRow = (row: RawRow): void => {
    // A row whose only content is error cells in read columns is a data row, not a blank one.
    if (isBlankRow(row.cells) && !(header && hasReadErrorCell(row, header))) return;
    if (header) {
      processRow(row, header);
      return;
    }
    const map = mapHeader(row.cells);
    if (map.missing.length === 0) {
      pending.length = 0; // title rows above the header
      useHeader(row, map);
      return;
    }
    pending.push({ row, map });
    if (pending.length >= HEADER_SEARCH_ROWS) settleHeader();
  };
  if (source.batches) {
    for await (const batch of source.batches) for (const row of batch) takeRow(row);
  } else {
    for await (const row of source.rows) takeRow(row);
  }
  if (!header && pending.length > 0) settleHeader();

  const lateErrorLines = new Set<number>();
  for (const rule of crossRules) {
    for (const f of rule.finish()) {
      const spec = header?.byField[f.field];
      push(f.code, f.line, spec, f.value, f.args);
      lateErrorLines.add(f.line);
      if (f.field === "sku" && f.value !== undefined) invalidSkus.add(f.value);
    }
  }
  if (lateErrorLines.size > 0) {
    for (let i = products.length - 1; i >= 0; i--) {
      const p = products[i]!;
      if (lateErrorLines.has(p.line)) {
        invalidSkus.add(p.sku);
        products.splice(i, 1);
      }
    }
  }

  for (const issue of source.issues) issues.push(issue);
  const readFine = !source.issues.some((i) => severityOf(i.code) === "error");
  if (!header && readFine) {
    const empty: Issue = { code: "EMPTY_FILE", severity: "error", file, line: 1 };
    if (sheet !== undefined) empty.sheet = sheet;
    issues.push(empty);
  } else if (header && rows === 0 && header.missing.length === 0 && readFine) {
    // NOTE: a complete header with nothing below is a catalogue someone forgot to fill in (or saved
    // before typing): not a valid empty catalogue. A header with missing columns already has its
    // MISSING_COLUMN errors, which say more.
    push("EMPTY_FILE", headerLine, undefined, undefined, { reason: "header_only" });
  }

  sortIssues(issues, header);
  const result: CatalogResult = {
    file,
    format,
    valid: !issues.some((i) => i.severity === "error"),
    rows,
    products,
    invalidSkus: [...invalidSkus],
    issues,
  };
  if (header) result.columns = columnMap(header);
  return result;
}

/** The columns a data row is read from (each field's first column, and every image column). */
function readColumns(map: HeaderMap): ColumnSpec[] {
  return [...Object.values(map.byField), ...map.images];
}

function hasReadErrorCell(row: RawRow, map: HeaderMap): boolean {
  const { errorCells } = row;
  return errorCells !== undefined && readColumns(map).some((spec) => errorCells.has(spec.index));
}

function columnMap(header: HeaderMap): NonNullable<CatalogResult["columns"]> {
  const columns: NonNullable<CatalogResult["columns"]> = {};
  for (const spec of Object.values(header.byField)) columns[spec.field] = { header: spec.header, index: spec.index };
  const firstImage = header.images[0];
  if (firstImage) columns.images = { header: firstImage.header, index: firstImage.index };
  return columns;
}

/** By line, then by column position in the header, file-level (no column) first. */
function sortIssues(issues: Issue[], header: HeaderMap | undefined): void {
  const order = new Map<string, number>();
  if (header) {
    const specs: ColumnSpec[] = [...Object.values(header.byField), ...header.images];
    for (const s of specs) if (!order.has(s.header)) order.set(s.header, s.index);
    for (const u of header.unknown) if (!order.has(u.header)) order.set(u.header, u.index);
  }
  const rank = (i: Issue): number => (i.column === undefined ? -1 : (order.get(i.column) ?? Number.MAX_SAFE_INTEGER));
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || rank(a) - rank(b));
}

export { REQUIRED_FIELDS };
