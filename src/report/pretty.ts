// Human report: issues grouped by file, a summary line per file, a total when there are several.
import pc from "picocolors";
import type { Reporter } from "./types.js";
import { countIssues, isFileValid, sortIssues } from "./counts.js";
import { ERROR_MARK, OK_MARK, formatIssueLine } from "./format-line.js";
import { describeFile, describeTotal } from "./summary-text.js";

export const pretty: Reporter = async ({ results, strict }, { io, lang, color }) => {
  const c = pc.createColors(color);
  let rows = 0;
  let invalidFiles = 0;
  const total = { errors: 0, warnings: 0 };
  for (const [index, result] of results.entries()) {
    const counts = countIssues(result.issues);
    const valid = isFileValid(result, strict);
    rows += result.rows;
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    if (!valid) invalidFiles++;
    for (const issue of sortIssues(result.issues)) {
      io.stdout.write(`${indent(formatIssueLine(issue, { lang, color }))}\n`);
    }
    const line = describeFile(result.file, result.rows, counts, valid, lang);
    io.stdout.write(valid ? `${c.green(`${OK_MARK} ${line}`)}\n` : `${c.red(`${ERROR_MARK} ${line}`)}\n`);
    const isLast = index === results.length - 1;
    if (result.issues.length > 0 && !(isLast && results.length === 1)) io.stdout.write("\n");
  }
  if (results.length > 1) {
    const line = describeTotal(results.length, invalidFiles, rows, total, strict, lang);
    io.stdout.write(`${c.bold(invalidFiles === 0 ? c.green(line) : c.red(line))}\n`);
  }
};

const indent = (block: string): string => block.replace(/^/gm, "  ");
