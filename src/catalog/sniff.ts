// What a file is, from its first bytes (never from its name).
import type { TextEncoding } from "./decode.js";

export type FileKind =
  | { kind: "zip" }
  | { kind: "ole2" }
  | { kind: "binary"; actual: string }
  | { kind: "text"; encoding: TextEncoding };

/** How many leading bytes the sniffers look at. */
export const SNIFF_BYTES = 8192;

export function sniffFile(head: Uint8Array): FileKind {
  const at = (i: number): number => head[i] ?? -1;
  if (at(0) === 0x50 && at(1) === 0x4b && at(2) === 0x03 && at(3) === 0x04) return { kind: "zip" };
  if (at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0) return { kind: "ole2" };
  if (at(0) === 0xff && at(1) === 0xfe) return { kind: "text", encoding: "utf-16le" };
  if (at(0) === 0xfe && at(1) === 0xff) return { kind: "text", encoding: "utf-16be" };
  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return { kind: "text", encoding: "utf-8" };
  if (at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46) return { kind: "binary", actual: "pdf" };
  const bomless = sniffUtf16WithoutBom(head);
  if (bomless) return { kind: "text", encoding: bomless };
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return { kind: "binary", actual: "binary" };
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  // NOTE: text in any 8-bit encoding has almost no C0 controls; images and archives have many.
  if (head.length >= 32 && controls * 10 > head.length) return { kind: "binary", actual: "binary" };
  return { kind: "text", encoding: "utf-8" };
}

/** ASCII-heavy UTF-16 saved without a BOM: every other byte is zero. */
function sniffUtf16WithoutBom(head: Uint8Array): TextEncoding | undefined {
  const pairs = Math.floor(Math.min(head.length, 1024) / 2);
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.6 && evenZero === 0) return "utf-16le";
  if (evenZero > pairs * 0.6 && oddZero === 0) return "utf-16be";
  return undefined;
}

/** Markup or data formats that look like text but are not a table: `xml`, `fods`, or a `json` candidate. */
export type TextFormat = "xml" | "fods" | "json?";

/**
 * What a text file's first characters say it is, when it is plainly not CSV: an XML document
 * (a LibreOffice flat `.fods` when it has an `office:document` root), or something that starts
 * like JSON (`json?`: only a full parse can tell; a CSV title row may start with `[`).
 */
export function sniffTextFormat(head: Uint8Array, encoding: TextEncoding): TextFormat | undefined {
  const text = new TextDecoder(encoding).decode(head).trimStart();
  if (text.startsWith("<?xml") || text.startsWith("<office:document")) {
    return /<office:document[\s>]/.test(text) ? "fods" : "xml";
  }
  if (text.startsWith("{") || text.startsWith("[")) return "json?";
  return undefined;
}
