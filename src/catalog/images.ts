// Photo cells -> photo references (http(s) URLs, share links, local file names). Pure.
import type { IssueCode } from "../issues.js";

/** Always separators: `|`, `;` and line breaks. */
const HARD_SEPARATORS = /[|;\r\n]+/;
const SPACES = /[\s\u00a0]+/;
/** The usual cell: one reference, nothing to split or trim. */
const SINGLE = /^[^|;,\s\u00a0]+$/;
const HTTP = /^https?:\/\//i;
/** A file extension a photo (or a photo-like file) ends with, before an optional query string. */
const FILE_EXTENSION = /\.(?:jpe?g|png|webp|gif|bmp|tiff?|heic|heif|avif|pdf)(?:\?[^,]*)?$/i;
/** A reference that still ends like a sentence or a list (`https://a.jpg,`, `(https://a.jpg)`). */
const TRAILING_PUNCTUATION = /[.,:;!?'"`)\]}>\u2019\u201d]$/;

/**
 * One cell may hold several photo references separated by `|`, `;`, line breaks or commas (with or
 * without spaces, issue 12 item 3); URLs may also be separated by spaces.
 * NOTE: a comma is a separator when spaces follow it, when the next part starts a new http(s) link,
 * or when the part before it ends in a file extension (`kopi-1.jpg,kopi-2.jpg`). Any other comma is
 * kept inside the reference: image CDNs use commas in their paths (`/upload/w_800,h_800/kopi.jpg`).
 * NOTE: spaces separate references only when one of the parts is an http(s) link: a local file name
 * may hold spaces (`WhatsApp Image 2024-05-01 at 10.22.33.jpeg`).
 */
export function splitImageCell(cell: string): string[] {
  if (SINGLE.test(cell)) return [cell];
  const out: string[] = [];
  for (const piece of cell.split(HARD_SEPARATORS)) {
    for (const part of splitCommas(piece)) {
      const trimmed = part.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "");
      if (trimmed === "") continue;
      const words = trimmed.split(SPACES);
      if (words.length > 1 && words.some((w) => HTTP.test(w))) out.push(...words);
      else out.push(trimmed);
    }
  }
  return out;
}

function splitCommas(piece: string): string[] {
  if (!piece.includes(",")) return [piece];
  const parts: string[] = [];
  let start = 0;
  for (let i = piece.indexOf(","); i !== -1; i = piece.indexOf(",", i + 1)) {
    const before = piece.slice(start, i).trimEnd();
    const after = piece.slice(i + 1);
    const isSeparator = after === "" || /^[\s\u00a0]/.test(after) || HTTP.test(after) || FILE_EXTENSION.test(before) || before === "";
    if (!isSeparator) continue;
    parts.push(piece.slice(start, i));
    start = i + 1;
  }
  parts.push(piece.slice(start));
  return parts;
}

/**
 * The usual photo link: a plain host name (its last label starting with a letter, no `xn--` label,
 * no port or user) and a printable ASCII path. The WHATWG URL parser accepts every such link with a
 * non-empty host, so it is not run for it (one `new URL` per photo cell was a visible share of
 * validate's time); anything else is parsed.
 */
const PLAIN_URL = /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z][a-z0-9-]*(?:[/?#][\x21-\x7e]*)?$/i;

export function isImageUrl(token: string): boolean {
  if (!HTTP.test(token)) return false;
  if (PLAIN_URL.test(token)) return true;
  try {
    const url = new URL(token);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A URL scheme (`ftp:`, `data:`, `javascript:`), not a Windows drive letter (`C:\\foto`). */
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * What is wrong with one photo reference as written, or undefined when it can be used: an http(s)
 * URL that does not end in punctuation (a comma or full stop kept from a list is never part of a
 * photo address, and a marketplace would fetch the wrong address), or a local file reference
 * (a path or a bare file name; src/photos checks that the file exists and is a photo).
 * Another scheme, or a link without its `https://` (`www.example.com/a.jpg`), is INVALID_IMAGE_URL.
 */
export function imageRefProblem(token: string): IssueCode | undefined {
  if (HTTP.test(token)) {
    if (!isImageUrl(token)) return "INVALID_IMAGE_URL";
    return TRAILING_PUNCTUATION.test(token) ? "PHOTO_URL_PUNCTUATION" : undefined;
  }
  if (SCHEME.test(token) || /^www\./i.test(token) || token.includes("//")) return "INVALID_IMAGE_URL";
  return undefined;
}

/** An http(s) reference (not a local file). */
export const isLinkRef = (ref: string): boolean => HTTP.test(ref);
