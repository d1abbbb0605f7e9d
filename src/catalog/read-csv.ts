// CSV file -> RowSource: decoded, delimiter sniffed, parsed by csv-parse, streamed row by row.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
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
  return { format: "csv", rows: readRows(path, encoding, opts.file, issues), issues };
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

async function* readRows(path: string, encoding: TextEncoding, file: string, issues: Issue[]): AsyncGenerator<RawRow> {
  const bytes = createReadStream(path, { highWaterMark: 64 * 1024 });
  const text = decodeChunks(bytes, encoding, {
    onGuess: (line) => issues.push({ code: "ENCODING_GUESSED", severity: "warning", file, line, args: { encoding: "windows-1252" } }),
    onInvalid: (line) => issues.push({ code: "MALFORMED_CSV", severity: "error", file, line, args: { reason: "encoding", encoding } }),
  });
  try {
    let sample = "";
    let done = false;
    while (sample.length < SAMPLE_CHARS) {
      const next = await text.next();
      if (next.done) {
        done = true;
        break;
      }
      sample += next.value;
    }
    let firstLine = 1;
    let delimiter: Delimiter;
    const sep = readSepLine(sample);
    if (sep) {
      delimiter = sep.delimiter;
      sample = sep.rest;
      firstLine = 2;
    } else delimiter = sniffDelimiter(sample);
    const reading = { stopped: false };
    async function* all(): AsyncGenerator<string> {
      if (sample) yield sample;
      if (done) return;
      for await (const chunk of text) {
        if (reading.stopped) return;
        yield chunk;
      }
    }
    yield* parseRecords(Readable.from(all(), { objectMode: false }), { delimiter, firstLine, file, issues, reading });
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
  /** Set to stop feeding the parser (ends the input cleanly, keeping parsed rows). */
  reading: { stopped: boolean };
}

async function* parseRecords(src: Readable, ctx: ParseContext): AsyncGenerator<RawRow> {
  const { delimiter, firstLine, file, issues, reading } = ctx;
  // NOTE: errors are taken through `on_skip` instead of the stream's error: a stream error
  // destroys the records already parsed but not yet read, so an unclosed quote at the end of a
  // small file would hide every good row above it. `records` (rows emitted before the broken
  // one) tells us where the broken record starts once we have read that many.
  const broken: { records: number; reason: string }[] = [];
  const parser = parse({
    delimiter,
    // NOTE: explicit list, not auto-detection: auto-detection locks onto the first line ending
    // it sees, and hand-edited files mix CRLF and LF.
    record_delimiter: ["\r\n", "\n", "\r"],
    raw: true,
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
      if (error?.code === "CSV_MAX_RECORD_SIZE") reading.stopped = true;
      if (!broken.some((b) => b.records === records)) broken.push({ records, reason: csvErrorReason(error?.code ?? "") });
    },
  });
  const flow = pipeline(src, parser).catch((error: unknown) => error);
  // NOTE: `line` is computed from each record's raw text, not from csv-parse `info.lines`,
  // which counts a CRLF inside a quoted cell as two lines.
  let line = firstLine;
  let records = 0;
  let completed = false;
  const reportBroken = (): void => {
    for (const b of broken) {
      if (b.records === records && b.reason !== "") {
        issues.push({ code: "MALFORMED_CSV", severity: "error", file, line, args: { reason: b.reason } });
        b.reason = "";
      }
    }
  };
  try {
    for await (const out of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      reportBroken();
      yield { line, cells: out.record };
      records++;
      line += countLineBreaks(out.raw) + 1;
    }
    reportBroken();
    completed = true;
  } finally {
    // Stopped early (the consumer broke off, or reading failed): release the file now.
    if (!completed) {
      src.destroy();
      parser.destroy();
    }
  }
  const failure = await flow;
  if (failure !== undefined && !(failure instanceof CsvError)) throw failure;
}

/** Line breaks inside a record (quoted multi-line cells), not counting the one that ends it. */
export function countLineBreaks(raw: string): number {
  const end = raw.endsWith("\r\n") ? 2 : raw.endsWith("\n") || raw.endsWith("\r") ? 1 : 0;
  let n = 0;
  for (let i = 0; i < raw.length - end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (raw.charCodeAt(i + 1) === 10) i++;
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
