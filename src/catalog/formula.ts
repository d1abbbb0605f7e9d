// Text that a spreadsheet would run as a formula when the catalogue (or an export made from it) is
// opened in Excel or LibreOffice: formula injection. Pure.
//
// NOTE (what counts): the cell as desbumi reads it, after cleanup and after dropping the one `'`
// that `desbumi normalize` writes as a guard (text.ts `unguard`): a cell written `'=SUM(1)` still
// means `=SUM(1)`, which sync would send and an export would hold. So:
// - `=` first: always a formula (no product name or description starts with `=`).
// - `@` only before a function call or DDE link (`@SUM(A1)`, `@cmd|calc!A1`): a bare `@tokoku`
//   (an Instagram handle at the start of a description) is ordinary text.
// - `+` or `-` first only when what follows is a function call (`+HYPERLINK(`, `-2+SUM(`) or a DDE
//   link (`-2+3+cmd|' /C calc'!A0`, `+cmd|calc!A1`). Ordinary text keeps working: `-50% Diskon`,
//   `+62 812 3456 7890` (a phone number), `- pedas` (a bullet), `-Kopi (250 g)`.

/** `+`/`-`, then number-ish operators, then a name glued to `(`: a function call. */
const SIGNED_CALL = /^[+-][\d\s+\-*/^&.,()%]*\p{L}[\p{L}\d_.]*\(/u;
/** `+`/`-`, no space, then `name|...!`: a DDE link (Excel runs `cmd|' /C calc'!A0`). */
const SIGNED_DDE = /^[+-][^\s|]*\p{L}[\p{L}\d_]*\|[^\n]*!/u;
/** `@`, then a name glued to `(` (Excel's old function prefix), or a DDE link. */
const AT_CALL = /^@\p{L}[\p{L}\d_.]*\(|^@[^\s|]*\p{L}[\p{L}\d_]*\|[^\n]*!/u;

/** The character that makes `text` a formula (`=`, `+`, `-`, `@`), or undefined for plain text. */
export function formulaStart(text: string): string | undefined {
  const c = text.charAt(0);
  if (c === "=") return c;
  if (c === "@") return AT_CALL.test(text) ? c : undefined;
  if (c === "+" || c === "-") return SIGNED_CALL.test(text) || SIGNED_DDE.test(text) ? c : undefined;
  return undefined;
}
