// Step 1 of the pipeline, rows -> header: find the header row by content (title rows above it are
// skipped, never a fixed row number), report its column findings, and hand on the data rows below.
import type { MarketplaceRules } from "../rules.js";
import { isBlankRow } from "./cell.js";
import { findCandidates, headerScore, mapHeader, type ColumnSpec, type HeaderMap } from "./columns.js";
import { HEADER_SEARCH_ROWS } from "./header-search.js";
import type { IssueArgs } from "./issue.js";
import type { IssueSink } from "./issue-sink.js";
import type { RawRow, RowSource } from "./source.js";
import { isTemplateNoteRow } from "./template-notes.js";

export interface HeaderStep {
  /** Feed every row in file order. */
  take(row: RawRow): void;
  /** No more rows: settle a header among the rows seen, if none was certain. */
  end(): void;
  /** The header once found. */
  readonly header: HeaderMap | undefined;
  readonly headerLine: number;
}

export interface HeaderStepOptions {
  rules: MarketplaceRules;
  sink: IssueSink;
  source: Pick<RowSource, "otherSheets">;
  /** Each data row below the header, with the header it is read by. */
  onData(row: RawRow, header: HeaderMap): void;
}

export function createHeaderStep({ rules, sink, source, onData }: HeaderStepOptions): HeaderStep {
  let header: HeaderMap | undefined;
  let headerLine = 1;
  // Rows directly below the header that are a template's guidance (see template-notes.ts).
  let leading = true;
  const notes: number[] = [];
  const data = (row: RawRow, map: HeaderMap): void => {
    if (leading && isTemplateNoteRow(row.cells, map)) {
      notes.push(row.line);
      return;
    }
    if (leading && notes.length > 0) sink.push("TEMPLATE_ROWS_SKIPPED", notes[0]!, undefined, undefined, { lines: notes.join(", "), count: notes.length });
    leading = false;
    onData(row, map);
  };
  const pending: { row: RawRow; map: HeaderMap }[] = [];

  const useHeader = (row: RawRow, map: HeaderMap): void => {
    // NOTE: added only now, after the header search: a file without a description column still
    // has its header found; under this marketplace's rules the column is then missing.
    if (rules.descriptionRequired && !map.byField.description && !map.missing.includes("description")) map.missing.push("description");
    findCandidates(map);
    header = map;
    headerLine = row.line;
    reportHeader(row.line, map, sink, source.otherSheets);
  };

  const settle = (): void => {
    let best = pending[0]!;
    for (const candidate of pending) if (headerScore(candidate.map) > headerScore(best.map)) best = candidate;
    useHeader(best.row, best.map);
    for (const p of pending.slice(pending.indexOf(best) + 1)) data(p.row, best.map);
    pending.length = 0;
  };

  return {
    take(row) {
      // A row whose only content is error cells in read columns is a data row, not a blank one.
      if (isBlankRow(row.cells) && !(header && hasReadErrorCell(row, header))) return;
      if (header) {
        data(row, header);
        return;
      }
      const map = mapHeader(row.cells);
      if (map.missing.length === 0) {
        pending.length = 0; // title rows above the header
        useHeader(row, map);
        return;
      }
      pending.push({ row, map });
      if (pending.length >= HEADER_SEARCH_ROWS) settle();
    },
    end() {
      if (!header && pending.length > 0) settle();
      // Only guidance rows and no product: still say what was skipped.
      if (leading && notes.length > 0) sink.push("TEMPLATE_ROWS_SKIPPED", notes[0]!, undefined, undefined, { lines: notes.join(", "), count: notes.length });
      leading = false;
    },
    get header() {
      return header;
    },
    get headerLine() {
      return headerLine;
    },
  };
}

/** UNKNOWN_COLUMN, DUPLICATE_COLUMN and MISSING_COLUMN of the header row. */
function reportHeader(line: number, map: HeaderMap, sink: IssueSink, otherSheets: readonly string[] | undefined): void {
  // A "header" that maps nothing is a data row (no header at all): its cells are not typos.
  const mapsSomething = Object.keys(map.byField).length > 0;
  if (mapsSomething) for (const u of map.unknown) sink.push("UNKNOWN_COLUMN", line, u, u.header, u.suggestion ? { suggestion: u.suggestion } : undefined);
  for (const u of map.extras.unknownMarketplaces) sink.push("UNKNOWN_MARKETPLACE", line, u, u.header, { marketplace: u.name, ...(u.suggestion ? { suggestion: u.suggestion } : {}) });
  for (const d of map.duplicates) sink.push("DUPLICATE_COLUMN", line, d.spec, d.spec.header, { field: d.spec.field, first: d.first.header });
  // NOTE: `sheets` tells the reader the catalogue may be on a sheet that was not read.
  const others: IssueArgs = otherSheets?.length ? { sheets: otherSheets.join(", ") } : {};
  for (const field of map.missing) {
    const candidate = map.candidates[field];
    const guess: IssueArgs = candidate ? { candidate: candidate.header, suggestion: candidate.suggestion } : {};
    sink.push("MISSING_COLUMN", line, undefined, undefined, { field, ...guess, ...others });
  }
}

/** The columns a data row is read from (each field's first column, and every image column). */
export function readColumns(map: HeaderMap): ColumnSpec[] {
  return [...Object.values(map.byField), ...map.images];
}

function hasReadErrorCell(row: RawRow, map: HeaderMap): boolean {
  const { errorCells } = row;
  return errorCells !== undefined && readColumns(map).some((spec) => errorCells.has(spec.index));
}
