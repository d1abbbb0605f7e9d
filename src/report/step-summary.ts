// The GitHub job summary: per-file results and a markdown table of every issue.
import { pick, type Lang } from "../i18n.js";
import type { ValidationReport } from "./types.js";
import { countIssues, isFileValid, sortIssues } from "./counts.js";
import { formatIssue, formatLocation } from "./messages.js";
import { describeFile, describeUnreadable } from "./summary-text.js";

// NOTE: GitHub refuses a step summary over 1 MiB; stop the table well before that.
export const STEP_SUMMARY_MAX_CHARS = 800_000;

/** Table-cell text: no pipes, no raw HTML (descriptions may hold tags), line breaks as <br>. */
export const escapeCell = (s: string): string =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n|\r/g, "<br>");

export function renderStepSummary({ results, strict, unreadable = [] }: ValidationReport, lang: Lang): string {
  const out: string[] = [lang === "id" ? "### desbumi validate: hasil pemeriksaan katalog" : "### desbumi validate: catalogue check", ""];
  for (const result of results) {
    const valid = isFileValid(result, strict);
    out.push(`- ${valid ? "✅" : "❌"} ${escapeCell(describeFile(result.file, result.rows, countIssues(result.issues), valid, lang))}`);
  }
  for (const { file, text } of unreadable) out.push(`- ❌ ${escapeCell(`${describeUnreadable(file, lang)}: ${pick(text, lang)}`)}`);
  const issues = results.flatMap((result) => sortIssues(result.issues));
  if (issues.length > 0) {
    out.push("");
    out.push(lang === "id" ? "| | Letak | Kolom | Kode | Masalah | Cara memperbaiki |" : "| | Location | Column | Code | Problem | How to fix |");
    out.push("|---|---|---|---|---|---|");
    let size = out.join("\n").length;
    for (const [index, issue] of issues.entries()) {
      if (size > STEP_SUMMARY_MAX_CHARS) {
        const rest = issues.length - index;
        out.push("", lang === "id" ? `… dan ${rest} masalah lagi (ringkasan GitHub dibatasi 1 MiB; lihat log job)` : `… and ${rest} more issues (GitHub limits the summary to 1 MiB; see the job log)`);
        break;
      }
      const { message, hint } = formatIssue(issue, lang);
      const mark = issue.severity === "error" ? "❌" : "⚠️";
      const cells = [formatLocation(issue), issue.column ?? "", `\`${issue.code}\``, message, hint].map((cell, i) => (i === 2 ? cell : escapeCell(cell)));
      const row = `| ${mark} | ${cells.join(" | ")} |`;
      size += row.length + 1;
      out.push(row);
    }
  }
  return `${out.join("\n")}\n\n`;
}
