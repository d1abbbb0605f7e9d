// GitHub Actions report: workflow-command annotations (at most 10 per severity, as GitHub shows
// no more per step), the rest as plain log lines under a count, and a full table in
// $GITHUB_STEP_SUMMARY.
import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Issue } from "../issues.js";
import { pick, type Lang } from "../i18n.js";
import type { Reporter, UnreadableFile, ValidationReport } from "./types.js";
import { countIssues, isFileValid, sortIssues } from "./counts.js";
import { ERROR_MARK, OK_MARK, formatIssueLine } from "./format-line.js";
import { formatIssue } from "./messages.js";
import { describeFile, describeHidden, describeUnreadable } from "./summary-text.js";
import { renderStepSummary } from "./step-summary.js";
import { safeCommandText, safeText } from "./terminal-safe.js";

export const GITHUB_ANNOTATIONS_PER_SEVERITY = 10;

/**
 * Workflow-command data: `%`, CR and LF are encoded (as @actions/core does), so no value can end
 * the command or start a line; other control characters are shown as escapes (report/terminal-safe.ts).
 */
export const escapeData = (s: string): string => safeCommandText(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** Workflow-command property values additionally encode `:` and `,`. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** 0-based column index of an A1 cell reference's letters (`D14` -> 3). */
const cellColumn = (cell: string): number | undefined => {
  const letters = /^([A-Za-z]+)\d*$/.exec(cell)?.[1]?.toUpperCase();
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

/** One issue as a workflow-command annotation; `title` defaults to the issue's code. */
export function formatAnnotation(issue: Issue, lang: Lang, title: string = issue.code): string {
  const { message, hint } = formatIssue(issue, lang);
  const props = [`file=${escapeProperty(issue.file)}`];
  if (issue.line !== undefined) props.push(`line=${issue.line}`);
  const col = issue.cell ? cellColumn(issue.cell) : undefined;
  if (col !== undefined) props.push(`col=${col}`);
  props.push(`title=${escapeProperty(title)}`);
  const where = issue.sheet && issue.cell ? `${safeText(issue.sheet)}!${safeText(issue.cell)} ` : "";
  const column = issue.column ? `${safeText(issue.column)}: ` : "";
  return `::${issue.severity} ${props.join(",")}::${escapeData(`${where}${column}${message}\n${hint}`)}`;
}

/** `::error file=missing.csv::...` for a file that could not be read at all. */
export function formatUnreadableAnnotation({ file, text }: UnreadableFile, lang: Lang): string {
  return `::error file=${escapeProperty(file)},title=${escapeProperty(UNREADABLE_TITLE)}::${escapeData(pick(text, lang))}`;
}

const UNREADABLE_TITLE = "desbumi";

/** One reportable problem: as an annotation while under the cap, as a plain log line after it. */
interface Entry {
  severity: "error" | "warning";
  annotation: () => string;
  plain: () => string;
}

function entriesOf(report: ValidationReport, lang: Lang): Entry[] {
  // NOTE: unreadable files first: nothing else in them was checked, so they matter most.
  const unreadable = (report.unreadable ?? []).map((entry): Entry => ({
    severity: "error",
    annotation: () => formatUnreadableAnnotation(entry, lang),
    plain: () => `${ERROR_MARK} ${safeText(entry.file)}: ${pick(entry.text, lang)}`,
  }));
  const issues = report.results.flatMap((result) =>
    sortIssues(result.issues).map((issue): Entry => ({
      severity: issue.severity,
      annotation: () => formatAnnotation(issue, lang),
      plain: () => formatIssueLine(issue, { lang, color: false }),
    })),
  );
  return [...unreadable, ...issues];
}

/**
 * Order in the log: the annotations (at most 10 per severity), then one count line (as a notice
 * and as plain text) followed by the plain listing of everything not annotated, then one result
 * line per file.
 */
export const github: Reporter = async (report, { io, lang }) => {
  const shown = { error: 0, warning: 0 };
  const hidden: Entry[] = [];
  const hiddenCounts = { errors: 0, warnings: 0 };
  for (const entry of entriesOf(report, lang)) {
    if (shown[entry.severity] < GITHUB_ANNOTATIONS_PER_SEVERITY) {
      shown[entry.severity]++;
      io.stdout.write(`${entry.annotation()}\n`);
    } else {
      hidden.push(entry);
      if (entry.severity === "error") hiddenCounts.errors++;
      else hiddenCounts.warnings++;
    }
  }
  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  if (hidden.length > 0) {
    const count = describeHidden(hiddenCounts, Boolean(summaryPath), lang);
    io.stdout.write(`::notice title=desbumi::${escapeData(count)}\n${count}:\n`);
    for (const entry of hidden) io.stdout.write(`${entry.plain()}\n`);
  }
  for (const result of report.results) {
    const valid = isFileValid(result, report.strict);
    const line = describeFile(result.file, result.rows, countIssues(result.issues), valid, lang);
    io.stdout.write(`${valid ? OK_MARK : ERROR_MARK} ${line}\n`);
  }
  for (const entry of report.unreadable ?? []) io.stdout.write(`${ERROR_MARK} ${describeUnreadable(entry.file, lang)}\n`);
  if (summaryPath) {
    try {
      await appendFile(resolve(io.cwd, summaryPath), renderStepSummary(report, lang), "utf8");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr.write(
        lang === "id"
          ? `Tidak bisa menulis ringkasan job ke GITHUB_STEP_SUMMARY: ${reason}\n`
          : `Could not write the job summary to GITHUB_STEP_SUMMARY: ${reason}\n`,
      );
    }
  }
};
