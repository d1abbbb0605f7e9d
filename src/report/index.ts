// Reporters keyed by their --format name.
import type { Reporter, ReportFormat } from "./types.js";
import { pretty } from "./pretty.js";
import { json } from "./json.js";
import { github } from "./github.js";

export const reporters = { pretty, json, github } satisfies Record<ReportFormat, Reporter>;

/** Formats that print the normalized products (others let the pipeline drop them to save memory). */
export const needsProducts = (format: ReportFormat): boolean => format === "json";

export { REPORT_FORMATS, type ReportFormat, type Reporter, type ReportContext, type ValidationReport, type UnreadableFile } from "./types.js";
export { formatIssue, formatLocation } from "./messages.js";
export { formatIssueLine } from "./format-line.js";
export { countIssues, isFileValid, sortIssues } from "./counts.js";
