// Bytes -> UTF-8 bytes for the CSV parser, streamed. UTF-8 (BOM or not), UTF-16 LE/BE, and Windows-1252
// for bytes that are not UTF-8 — never a silent U+FFFD.
//
// NOTE: the Windows-1252 decision is made per byte sequence, not once for the file from a
// prefix: a file can be pure ASCII for 40 MB and have its first `é` (byte E9) near the end.
// Every chunk is checked as a whole (buffer.isUtf8: native, no string made); only a chunk that
// fails is walked by hand, keeping its valid UTF-8 sequences and reading each invalid byte as
// Windows-1252. A mixed file (pasted text from two sources) therefore decodes as well as it
// can, and the first guessed byte is reported once with its line.

import { Buffer, isUtf8 } from "node:buffer";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

export interface DecodeEvents {
  /** Called once, with the 1-based line of the first byte that was not UTF-8. */
  onGuess(line: number): void;
  /** UTF-16 input with invalid code units: decoding stops. */
  onInvalid(line: number): void;
}

// Windows-1252 0x80..0x9F; undefined slots map to the C1 control of the same value (as WHATWG).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export const cp1252Char = (byte: number): string =>
  String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);

/** Length of the valid UTF-8 sequence at `i`, or 0 if the bytes there are not UTF-8. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c >= 0xe1 && c <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Bytes at the end that may start a sequence continued in the next chunk (0 to 3). */
function incompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

/** Decodes a chunk that failed strict UTF-8; returns the text and the offset of the first guess. */
function decodeMixed(b: Uint8Array): { text: string; firstGuess: number } {
  let text = "";
  let firstGuess = -1;
  let runStart = 0;
  let i = 0;
  while (i < b.length) {
    const len = utf8SequenceLength(b, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (i > runStart) text += utf8Fatal.decode(b.subarray(runStart, i));
    if (firstGuess < 0) firstGuess = text.length;
    text += cp1252Char(b[i]!);
    i++;
    runStart = i;
  }
  if (runStart < b.length) text += utf8Fatal.decode(b.subarray(runStart));
  return { text, firstGuess };
}

/** Counts physical line breaks (CRLF, CR or LF) so the guess can be located. */
class LineCounter {
  private lines = 0;
  private endedWithCr = false;
  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        const afterCr = i === 0 ? this.endedWithCr : text.charCodeAt(i - 1) === 13;
        if (!afterCr) this.lines++;
      } else if (c === 13) this.lines++;
    }
    if (text.length > 0) this.endedWithCr = text.charCodeAt(text.length - 1) === 13;
  }
  /** Same count over UTF-8 bytes (10 and 13 are never part of a multi-byte sequence). */
  addBytes(b: Uint8Array): void {
    if (b.length === 0) return;
    // NOTE: the common file has no CR at all; then counting is native searches for LF.
    if (b.indexOf(13) < 0) {
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) {
        if (i > 0 || !this.endedWithCr) this.lines++;
      }
      this.endedWithCr = false;
      return;
    }
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c === 10) {
        const afterCr = i === 0 ? this.endedWithCr : b[i - 1] === 13;
        if (!afterCr) this.lines++;
      } else if (c === 13) this.lines++;
    }
    this.endedWithCr = b[b.length - 1] === 13;
  }
  get line(): number {
    return this.lines + 1;
  }
}

/**
 * Any supported encoding in, valid UTF-8 bytes out (BOM dropped), in chunks that end on whole
 * characters. Valid UTF-8 chunks are passed through as they are: the CSV parser works on bytes,
 * so decoding them to text only to encode them again would be wasted work on every byte.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  events: DecodeEvents,
): AsyncGenerator<Buffer> {
  const counter = new LineCounter();
  let guessed = false;
  if (encoding !== "utf-8") {
    const decoder = new TextDecoder(encoding, { fatal: true });
    try {
      for await (const chunk of chunks) {
        const text = decoder.decode(chunk, { stream: true });
        counter.add(text);
        if (text) yield Buffer.from(text, "utf8");
      }
      const rest = decoder.decode();
      if (rest) yield Buffer.from(rest, "utf8");
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      events.onInvalid(counter.line);
    }
    return;
  }
  let carry: Uint8Array = new Uint8Array(0);
  let first = true;
  const emit = (bytes: Uint8Array): Buffer => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isUtf8(buffer)) {
      if (!guessed) counter.addBytes(buffer);
      return buffer;
    }
    const mixed = decodeMixed(bytes);
    if (!guessed && mixed.firstGuess >= 0) {
      guessed = true;
      counter.add(mixed.text.slice(0, mixed.firstGuess));
      events.onGuess(counter.line);
    }
    if (!guessed) counter.add(mixed.text);
    return Buffer.from(mixed.text, "utf8");
  };
  for await (const chunk of chunks) {
    let bytes: Uint8Array = carry.length > 0 ? concat(carry, chunk) : chunk;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const keep = incompleteTail(bytes);
    carry = keep > 0 ? bytes.slice(bytes.length - keep) : new Uint8Array(0);
    const out = emit(keep > 0 ? bytes.subarray(0, bytes.length - keep) : bytes);
    if (out.length > 0) yield out;
  }
  if (carry.length > 0) yield emit(carry);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
