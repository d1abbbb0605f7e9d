// CSV file -> RowSource: decoded, delimiter sniffed, parsed by csv-parse, streamed row by row.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { CsvError, Parser } from "csv-parse";
import type { Issue } from "../issues.js";
import { decodeChunks, type TextEncoding } from "./decode.js";
import { readSepLine, sniffDelimiter, type Delimiter } from "./delimiter.js";
import { SNIFF_BYTES, sniffFile } from "./sniff.js";
import type { RawRow, RowSource } from "./source.js";

export interface ReadCsvOptions {
  /** The file name as the user gave it, for issue locations. */
  file: string;
}

/** Enough text to see the delimiter on the first lines, even with long descriptions. */
const SAMPLE_CHARS = 64 * 1024;
/**
 * NOTE: csv-parse buffers a record until it ends; a 50 MB cell or an unclosed quote in a huge
 * file must not take that much memory. No honest catalogue row comes near 4 MiB.
 */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

export async function readCsv(path: string, opts: ReadCsvOptions): Promise<RowSource> {
  const head = await readHead(path);
  const kind = sniffFile(head);
  const encoding: TextEncoding = kind.kind === "text" ? kind.encoding : "utf-8";
  const issues: Issue[] = [];
  const batches = { [Symbol.asyncIterator]: () => readBatches(path, encoding, opts.file, issues) };
  return { format: "csv", rows: flatten(batches), batches, issues };
}

async function* flatten(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* readBatches(path: string, encoding: TextEncoding, file: string, issues: Issue[]): AsyncGenerator<RawRow[]> {
  const bytes = createReadStream(path, { highWaterMark: 64 * 1024 });
  const text = decodeChunks(bytes, encoding, {
    onGuess: (line) => issues.push({ code: "ENCODING_GUESSED", severity: "warning", file, line, args: { encoding: "windows-1252" } }),
    onInvalid: (line) => issues.push({ code: "MALFORMED_CSV", severity: "error", file, line, args: { reason: "encoding", encoding } }),
  });
  try {
    // The first chunks, as text, to find the delimiter; the parser still gets the bytes.
    const head: Buffer[] = [];
    let sample = "";
    let done = false;
    while (sample.length < SAMPLE_CHARS) {
      const next = await text.next();
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      sample += next.value.toString("utf8");
    }
    let firstLine = 1;
    let delimiter: Delimiter;
    let headBytes = Buffer.concat(head);
    const sep = readSepLine(sample);
    if (sep) {
      delimiter = sep.delimiter;
      headBytes = headBytes.subarray(Buffer.byteLength(sample.slice(0, sample.length - sep.rest.length), "utf8"));
      firstLine = 2;
    } else delimiter = sniffDelimiter(sample);

    const parser = createRecordParser({ delimiter, firstLine, file, issues });
    if (headBytes.length > 0) yield parser.feed(headBytes);
    if (!done) {
      for await (const chunk of text) {
        const rows = parser.feed(chunk);
        if (rows.length > 0) yield rows;
        if (parser.stopped) break;
      }
    }
    yield await parser.end();
  } finally {
    bytes.destroy();
    await text.return(undefined);
  }
}

interface ParseContext {
  delimiter: Delimiter;
  firstLine: number;
  file: string;
  issues: Issue[];
}

interface RecordParser {
  /** Parses one chunk; returns the rows it completed. */
  feed(chunk: Buffer): RawRow[];
  /** The rest of the input cannot be trusted (an oversized record): feed no more, then end. */
  readonly stopped: boolean;
  /** Ends the input; returns the last rows. */
  end(): Promise<RawRow[]>;
}

/**
 * csv-parse's stream, with each record collected as it is pushed instead of queued for a reader.
 * NOTE: per row, object-mode queueing and async iteration cost as much as the whole normalization
 * (and `on_record` builds an info object per record); collected here, a written chunk is parsed
 * synchronously and its records come back as one batch.
 */
class CollectingParser extends Parser {
  collected: string[][] = [];
  override push(record: unknown): boolean {
    if (record === null) return super.push(null);
    this.collected.push(record as string[]);
    return true;
  }
}

/** Feeds csv-parse chunk by chunk; each `feed` hands back that chunk's rows as one batch. */
function createRecordParser(ctx: ParseContext): RecordParser {
  const { delimiter, firstLine, file, issues } = ctx;
  // NOTE: errors are taken through `on_skip` instead of the stream's error: a stream error
  // would end parsing, so an unclosed quote at the end of a small file would hide every good
  // row above it. `records` (rows emitted before the broken one) tells us where the broken
  // record starts once we have read that many.
  const broken: { records: number; reason: string }[] = [];
  let stopped = false;
  const parser = new CollectingParser({
    delimiter,
    // NOTE: explicit list, not auto-detection: auto-detection locks onto the first line ending
    // it sees, and hand-edited files mix CRLF and LF.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: MAX_RECORD_BYTES,
    skip_records_with_error: true,
    on_skip: (error) => {
      const records = error && typeof error.records === "number" ? error.records : 0;
      // NOTE: after an oversized record csv-parse would skip byte by byte through the rest of a
      // 50 MB cell; what follows cannot be trusted anyway, so stop reading the file here.
      if (error?.code === "CSV_MAX_RECORD_SIZE") stopped = true;
      if (!broken.some((b) => b.records === records)) broken.push({ records, reason: csvErrorReason(error?.code ?? "") });
    },
  });
  // Errors also come as events; `errored` is checked after each call instead.
  parser.on("error", () => undefined);
  // NOTE: `line` is computed from each record's cells, not from csv-parse `info.lines`, which
  // counts a CRLF inside a quoted cell as two lines. The cells hold every line break of the
  // record but the one that ends it (a break elsewhere would have ended the record), and asking
  // csv-parse for each record's raw text instead would cost a copy of every byte.
  let line = firstLine;
  let records = 0;
  const reportBroken = (): void => {
    for (const b of broken) {
      if (b.records === records && b.reason !== "") {
        issues.push({ code: "MALFORMED_CSV", severity: "error", file, line, args: { reason: b.reason } });
        b.reason = "";
      }
    }
  };
  const take = (): RawRow[] => {
    const cells = parser.collected;
    parser.collected = [];
    const rows: RawRow[] = new Array<RawRow>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const record = cells[i]!;
      if (broken.length > 0) reportBroken();
      rows[i] = { line, cells: record };
      records++;
      line += cellLineBreaks(record) + 1;
    }
    return rows;
  };
  /** A CSV error ends the rows (it was reported through on_skip); anything else is not ours to hide. */
  const failed = (): boolean => {
    const error = parser.errored;
    if (error === null) return false;
    if (error instanceof CsvError) return true;
    throw error;
  };
  return {
    feed(chunk) {
      if (!failed()) parser.write(chunk);
      failed();
      return take();
    },
    get stopped() {
      return stopped || parser.errored !== null;
    },
    async end() {
      if (!failed()) await new Promise<void>((resolve) => parser.end(() => resolve()));
      failed();
      const rows = take();
      reportBroken();
      return rows;
    },
  };
}

/** Line breaks (CRLF, CR or LF) inside a record's cells: the record's lines after its first. */
export function cellLineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    // NOTE: two native searches skip the usual cell, which has no line break.
    if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13) {
        n++;
        if (cell.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return n;
}

function csvErrorReason(code: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "unclosed_quote";
    case "CSV_MAX_RECORD_SIZE":
      return "record_too_large";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return "quote";
    default:
      return "syntax";
  }
}
