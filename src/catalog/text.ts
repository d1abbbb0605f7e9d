// Text cleanup for names, descriptions and free-text cells. Pure.

// C0 controls except tab/newline, DEL, C1 controls, zero-width and BOM characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;
const ANY_SPACE = /[\s\u00a0\u202f\u2007\u2009]+/g;

// `desbumi normalize` writes `'=SUM(...)` for a cell holding `=SUM(...)` (formula-injection guard,
// catalog/write-csv.ts). Reading drops that one `'` again, as spreadsheets do with a text prefix, so
// a normalized file means exactly what its source meant (else sync would send the `'` along).
const FORMULA_GUARD = /^'(?=[=+\-@])/;
const unguard = (s: string): string => s.replace(FORMULA_GUARD, "");

/** One-line text (names, SKUs, categories): NFC, no controls, inner whitespace collapsed. */
export function cleanLine(input: string): string {
  return unguard(input.normalize("NFC").replace(CONTROL, "").replace(ANY_SPACE, " ").trim());
}

/** Multi-line text (descriptions): NFC, no controls, line breaks kept as `\n`, lines right-trimmed, no guard `'`. */
export function cleanMultiline(input: string): string {
  return unguard(
    input
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, " ")
      .replace(CONTROL, "")
      .replace(/[ \u00a0\u202f\u2007\u2009]+\n/g, "\n")
      .trim(),
  );
}

/** Length as a person counts it: code points, not UTF-16 units (an emoji is one). */
export function countChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|#\d+);/i;

/** Marketplaces show descriptions as plain text, so tags would appear literally. */
export const hasHtml = (s: string): boolean => HTML_TAG.test(s);
