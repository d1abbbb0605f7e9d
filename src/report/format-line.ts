// One issue as a terminal line plus its hint; the pretty reporter and `sync` both print these.
import pc from "picocolors";
import type { Issue } from "../issues.js";
import type { Lang } from "../i18n.js";
import { formatIssue, formatLocation } from "./messages.js";
import { safeText } from "./terminal-safe.js";

export const ERROR_MARK = "✖";
export const WARNING_MARK = "⚠";
export const OK_MARK = "✔";

/**
 * `✖ catalog.csv:14 harga: Harga "12,5" tidak jelas: ...` and, on the next line, the indented
 * hint `  → Tulis harga ...`. No trailing newline.
 */
const PALETTES = { on: pc.createColors(true), off: pc.createColors(false) };

export function formatIssueLine(issue: Issue, opts: { lang: Lang; color: boolean }): string {
  const c = opts.color ? PALETTES.on : PALETTES.off;
  const { message, hint } = formatIssue(issue, opts.lang);
  const paint = issue.severity === "error" ? c.red : c.yellow;
  const mark = issue.severity === "error" ? ERROR_MARK : WARNING_MARK;
  const column = issue.column ? ` ${c.bold(safeText(issue.column))}:` : ":";
  return `${paint(`${mark} ${formatLocation(issue)}`)}${column} ${message}\n  ${c.dim(`→ ${hint}`)}`;
}
