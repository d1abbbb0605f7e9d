// Text cleanup for names, descriptions and free-text cells. Pure.

// C0 controls except tab/newline, DEL, C1 controls, zero-width and BOM characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;
const ANY_SPACE = /[\s\u00a0\u202f\u2007\u2009]+/g;

// `desbumi normalize` writes `'=SUM(...)` for a cell holding `=SUM(...)` (formula-injection guard,
// catalog/write-csv.ts). Reading drops that one `'` again, as spreadsheets do with a text prefix, so
// a normalized file means exactly what its source meant (else sync would send the `'` along).
const FORMULA_GUARD = /^'[=+\-@\t\r]/;

/** Drops the one `'` that guards a cell starting with `=`, `+`, `-`, `@`, tab or CR. */
export const unguard = (s: string): string => (s.charCodeAt(0) === 39 && FORMULA_GUARD.test(s) ? s.slice(1) : s);

// NOTE: most cells are plain ASCII that cleaning would return unchanged (NFC, controls and
// whitespace rules are all no-ops on them); one native regex test spares the four passes and
// their copies, which matters on million-row files.
/** Printable ASCII words separated by single spaces. */
const PLAIN_LINE = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
/** Printable ASCII on one line, no space at either end. */
const PLAIN_TEXT = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** One-line text (names, SKUs, categories): NFC, no controls, inner whitespace collapsed, no guard `'`. */
export function cleanLine(input: string): string {
  if (PLAIN_LINE.test(input)) return unguard(input);
  // A guard before a tab or CR must go before cleaning turns that into a space.
  const raw = unguard(input);
  const cleaned = raw.normalize("NFC").replace(CONTROL, "").replace(ANY_SPACE, " ").trim();
  return raw === input ? unguard(cleaned) : cleaned;
}

/** Multi-line text (descriptions): NFC, no controls, line breaks kept as `\n`, lines right-trimmed, no guard `'`. */
export function cleanMultiline(input: string): string {
  if (PLAIN_TEXT.test(input)) return unguard(input);
  const raw = unguard(input);
  const cleaned = raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(CONTROL, "")
    .replace(/[ \u00a0\u202f\u2007\u2009]+\n/g, "\n")
    .trim();
  return raw === input ? unguard(cleaned) : cleaned;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Length as a person counts it: code points, not UTF-16 units (an emoji is one). */
export function countChars(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|#\d+);/i;

/** Marketplaces show descriptions as plain text, so tags would appear literally. */
export const hasHtml = (s: string): boolean => (s.includes("<") || s.includes("&")) && HTML_TAG.test(s);

// A script a web page would run if the text were ever shown as HTML (a shop page, an admin tool):
// script and iframe tags, javascript:/vbscript: links, and on...= event handlers inside a tag.
const SCRIPT = /<\s*(?:script|iframe)\b|\b(?:java|vb)script\s*:|<[a-z][^>]*\son[a-z]+\s*=/i;

/** What makes `s` carry a script (e.g. `<script`, `javascript:`, `onerror=`), or undefined. */
export function scriptMarker(s: string): string | undefined {
  if (!s.includes("<") && !s.includes(":")) return undefined;
  const hit = SCRIPT.exec(s);
  if (!hit) return undefined;
  const text = hit[0].toLowerCase();
  // An event handler: name just the attribute (`onerror=`), not the whole tag up to it.
  const handler = /\s(on[a-z]+)\s*=$/.exec(text);
  return handler ? `${handler[1]}=` : text.replace(/\s+/g, "");
}
