// Indonesian number reading shared by price, weight and stock. Pure; never throws.
//
// NOTE (the ambiguity rule, id-ID first): in Indonesian `.` groups thousands and `,` is the
// decimal separator. We accept only readings that are unambiguous:
// - `25000` plain digits.
// - `25.000`, `1.500.000`: dots followed by groups of exactly three digits are thousands
//   (callers that measure in kg/ons switch this off: there `1.500` is as likely to mean 1.5).
//   A leading `0.` is never grouping (nobody writes 500 as `0.500`).
// - `12,5`, `0,250`: one comma is a decimal comma, EXCEPT `1,500` (1-3 digits, comma, exactly
//   three digits, not starting with 0), which an English-locale sheet writes for 1500:
//   that one is ambiguous.
// - `25.000,50`: dots as thousands plus a decimal comma. `1,500.50` and `1,500,000` (English
//   grouping that cannot be read as Indonesian) are taken in their only possible reading.
// - Any single `.` that is not a thousands group (`1.5`, `12.50`, `0.5`) is ambiguous, unless the
//   caller reads dot decimals (weights: `0.5 kg`, `1.25 kg`, where a dot before one, two or four
//   digits can only be a decimal point).
// Anything else (letters, `1.50.000`, `1,2,3`) is invalid.

export type IdNumber =
  | { kind: "ok"; value: number; /** digits after the decimal separator ("" if none) */ fraction: string; grouped: boolean }
  | { kind: "ambiguous" }
  | { kind: "invalid" };

const DIGITS = /^\d+$/;
const ID_GROUPS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const ID_GROUPS_DECIMAL = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const EN_GROUPS_DECIMAL = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/;
const EN_GROUPS_ONLY = /^\d{1,3}(?:,\d{3}){2,}$/;
const ONE_COMMA = /^(\d*),(\d+)$/;
const EN_THOUSAND_LOOKALIKE = /^[1-9]\d{0,2},\d{3}$/;
const ONE_DOT = /^(\d*)\.(\d+)$/;

export interface ReadNumberOptions {
  /** Read `1.500` as 1500 (true for rupiah, grams, stock). */
  dotGroupsAreThousands: boolean;
  /** Read a single `.` that cannot be a thousands group (`0.5`, `1.25`, `0.500`) as a decimal point. */
  dotDecimals?: boolean;
}

export function readIdNumber(text: string, opts: ReadNumberOptions): IdNumber {
  const s = text;
  if (s.length === 0 || s.length > 40) return { kind: "invalid" };
  if (DIGITS.test(s)) return ok(s, "", false);
  const hasDot = s.includes(".");
  const hasComma = s.includes(",");
  if (hasDot && hasComma) {
    const id = ID_GROUPS_DECIMAL.exec(s);
    if (id) return ok(id[1]!.replaceAll(".", ""), id[2]!, true);
    const en = EN_GROUPS_DECIMAL.exec(s);
    if (en) return ok(en[1]!.replaceAll(",", ""), en[2]!, true);
    return { kind: "invalid" };
  }
  if (hasDot) {
    if (ID_GROUPS.test(s)) return opts.dotGroupsAreThousands ? ok(s.replaceAll(".", ""), "", true) : { kind: "ambiguous" };
    const one = ONE_DOT.exec(s);
    if (one) return opts.dotDecimals === true ? ok(one[1] === "" ? "0" : one[1]!, one[2]!, false) : { kind: "ambiguous" };
    return { kind: "invalid" };
  }
  if (hasComma) {
    if (EN_THOUSAND_LOOKALIKE.test(s)) return { kind: "ambiguous" };
    const one = ONE_COMMA.exec(s);
    if (one) return ok(one[1] === "" ? "0" : one[1]!, one[2]!, false);
    if (EN_GROUPS_ONLY.test(s)) return ok(s.replaceAll(",", ""), "", true);
    return { kind: "invalid" };
  }
  return { kind: "invalid" };
}

function ok(intDigits: string, fraction: string, grouped: boolean): IdNumber {
  const value = Number(fraction ? `${intDigits}.${fraction}` : intDigits);
  if (!Number.isFinite(value)) return { kind: "invalid" };
  return { kind: "ok", value, fraction, grouped };
}

/** Rounds away binary noise (0.3 * 1000 = 300.00000000000006) but never a real fraction. */
export function wholeOrNull(value: number): number | null {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-6 && Number.isSafeInteger(rounded) ? rounded : null;
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
/** Printable ASCII words separated by single spaces: nothing to collapse (the usual cell). */
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** Spaces people and spreadsheets put inside numbers: NBSP, narrow NBSP, thin space. */
export const collapseSpaces = (s: string): string => (PLAIN.test(s) ? s : s.replace(SPACES, " ").trim());
