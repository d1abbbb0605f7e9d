// An incremental scan of XML text pushed in chunks: start tags (name without its namespace
// prefix, the raw attribute text), end tags and text. No tree is built and entities are not
// expanded here (text and attributes arrive raw; see `unescapeXml`), so a DOCTYPE cannot make it
// expand anything. Only an unfinished tag is carried from one chunk to the next.
import { MAX_TOKEN_CHARS, XlsxTooLarge } from "./xlsx-limits.js";

export interface XmlHandler {
  /** A start tag: its local name, and its attribute text as `source.slice(from, to)` (read it with readAttrs). */
  open(name: string, source: string, from: number, to: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags, possibly in several pieces (CDATA content arrives escaped). */
  text(raw: string): void;
  /** Read before each piece of text: false skips it (most text of a sheet is not wanted). */
  readonly wantsText: boolean;
}

export interface XmlScanner {
  push(chunk: string): void;
  /** The entry ended; an unfinished tag left over means the XML was cut off. */
  end(): boolean;
}

export function createXmlScanner(handler: XmlHandler, part: string): XmlScanner {
  let carry = "";
  return {
    push(chunk) {
      const s = carry === "" ? chunk : carry + chunk;
      carry = "";
      const n = s.length;
      // The next `"` and `'` at or after a position, found once each (see tagEnd).
      const quotes = { double: -1, single: -1 };
      let i = 0;
      while (i < n) {
        const lt = s.indexOf("<", i);
        if (lt < 0) {
          if (handler.wantsText) handler.text(s.slice(i));
          return;
        }
        if (lt > i && handler.wantsText) handler.text(s.slice(i, lt));
        const end = tagEnd(s, lt, quotes);
        if (end < 0) {
          if (n - lt > MAX_TOKEN_CHARS) throw new XlsxTooLarge("cell_text", MAX_TOKEN_CHARS, part);
          carry = s.slice(lt);
          return;
        }
        emitTag(s, lt, end, handler);
        i = end;
      }
    },
    end: () => carry === "",
  };
}

/** Index just past the markup starting at `lt`, or -1 when it continues in the next chunk. */
function tagEnd(s: string, lt: number, quotes: { double: number; single: number }): number {
  const next = s.charCodeAt(lt + 1);
  if (Number.isNaN(next)) return -1;
  if (next === 33 /* ! */) {
    if (s.startsWith("<!--", lt)) return endAfter(s, "-->", lt + 4);
    if (s.startsWith("<![CDATA[", lt)) return endAfter(s, "]]>", lt + 9);
    if (s.length - lt < 9) return -1;
  }
  if (next === 63 /* ? */) return endAfter(s, "?>", lt + 2);
  // `>` may stand unescaped inside a quoted attribute value, so a quote before the `>` means:
  // skip to its closing quote and look again. NOTE: the next quote positions are remembered
  // (positions only grow), so a long stretch without quotes is searched once, not once per tag.
  const n = s.length;
  let from = lt + 1;
  for (;;) {
    const gt = s.indexOf(">", from);
    if (gt < 0) return -1;
    if (quotes.double < from) quotes.double = indexOrEnd(s, '"', from);
    if (quotes.single < from) quotes.single = indexOrEnd(s, "'", from);
    const q = Math.min(quotes.double, quotes.single);
    if (q > gt) return gt + 1;
    const close = indexOrEnd(s, q === quotes.double ? '"' : "'", q + 1);
    if (close >= n) return -1;
    from = close + 1;
  }
}

const indexOrEnd = (s: string, ch: string, from: number): number => {
  const at = s.indexOf(ch, from);
  return at < 0 ? s.length : at;
};

function endAfter(s: string, marker: string, from: number): number {
  const at = s.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

function emitTag(s: string, lt: number, end: number, handler: XmlHandler): void {
  const first = s.charCodeAt(lt + 1);
  if (first === 33 /* ! */) {
    if (s.startsWith("<![CDATA[", lt)) handler.text(escapeText(s.slice(lt + 9, end - 3)));
    return;
  }
  if (first === 63 /* ? */) return;
  if (first === 47 /* / */) {
    let to = end - 1;
    while (to > lt + 2 && isSpace(s.charCodeAt(to - 1))) to--;
    handler.close(nameAt(s, lt + 2, to));
    return;
  }
  const selfClosing = s.charCodeAt(end - 2) === 47;
  const innerEnd = selfClosing ? end - 2 : end - 1;
  let k = lt + 1;
  while (k < innerEnd && !isSpace(s.charCodeAt(k))) k++;
  const name = nameAt(s, lt + 1, k);
  handler.open(name, s, k, innerEnd, selfClosing);
  if (selfClosing) handler.close(name);
}

/** The local name (no namespace prefix) of `s.slice(from, to)`. */
function nameAt(s: string, from: number, to: number): string {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 58 /* : */) return s.slice(i + 1, to);
  return s.slice(from, to);
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** One attribute's value from a start tag's attribute text (any namespace prefix), unescaped. */
export function attr(attrs: string, name: string): string | undefined {
  const out: (string | undefined)[] = [undefined];
  readAttrs(attrs, 0, attrs.length, [name], out);
  return out[0];
}

/**
 * The values of `names` (local names, any prefix) in one pass over a start tag's attribute text,
 * into `out` by position (undefined when absent). A hand-written loop: per-cell regexes were
 * most of a big sheet's reading time.
 */
export function readAttrs(attrs: string, from: number, to: number, names: readonly string[], out: (string | undefined)[]): void {
  out.fill(undefined, 0, names.length);
  let i = from;
  while (i < to) {
    while (i < to && isSpace(attrs.charCodeAt(i))) i++;
    const start = i;
    let colon = -1;
    for (; i < to; i++) {
      const c = attrs.charCodeAt(i);
      if (c === 61 /* = */ || isSpace(c)) break;
      if (c === 58 /* : */) colon = i;
    }
    const nameEnd = i;
    while (i < to && isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i) !== 61) {
      if (i === start) i++;
      continue;
    }
    i++;
    while (i < to && isSpace(attrs.charCodeAt(i))) i++;
    const quote = attrs.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const end = attrs.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0 || end >= to) return;
    const slot = slotOf(attrs, colon < 0 ? start : colon + 1, nameEnd, names);
    if (slot >= 0 && out[slot] === undefined) out[slot] = unescapeXml(attrs.slice(i + 1, end));
    i = end + 1;
  }
}

/** Which of `names` the attribute name `s.slice(from, to)` is, without slicing it. */
function slotOf(s: string, from: number, to: number, names: readonly string[]): number {
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!;
    if (name.length === to - from && s.startsWith(name, from)) return k;
  }
  return -1;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** ECMA-376 `_xHHHH_` escapes (characters XML 1.0 cannot carry), as read-excel-file decodes them. */
export function unescapeXlsxString(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
