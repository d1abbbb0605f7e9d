// Whole counts (stock, minimum order) -> integers. Pure; never throws.
import { collapseSpaces, readIdNumber, wholeOrNull } from "./number.js";

export type CountResult = { ok: true; value: number } | { ok: false; ambiguous: boolean };

const NONZERO_DIGIT = /[1-9]/;
const COUNT_SHAPE = /^([\d.,]+)\s*(?:pcs|pc|buah|bh|biji|unit|pack|pak|box|botol|bungkus|lembar|set|item|items)?\.?$/;

/** `12`, `1.000` (thousands dot), `50 pcs`. Decimals and negatives are not counts. */
export function parseCount(input: string | number): CountResult {
  if (typeof input === "number") {
    const whole = wholeOrNull(input);
    return whole !== null && whole >= 0 ? { ok: true, value: whole } : { ok: false, ambiguous: false };
  }
  const shape = COUNT_SHAPE.exec(collapseSpaces(input).toLowerCase());
  if (!shape) return { ok: false, ambiguous: false };
  const n = readIdNumber(shape[1]!, { dotGroupsAreThousands: true });
  if (n.kind === "ambiguous") return { ok: false, ambiguous: true };
  if (n.kind === "invalid" || (n.fraction !== "" && NONZERO_DIGIT.test(n.fraction))) return { ok: false, ambiguous: false };
  const whole = wholeOrNull(n.value);
  return whole === null ? { ok: false, ambiguous: false } : { ok: true, value: whole };
}
