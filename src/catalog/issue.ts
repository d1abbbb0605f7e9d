// Severity per code: the few warnings; everything else stops a row or a file from syncing.
import type { IssueCode, Severity } from "../issues.js";

const WARNING_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(["ENCODING_GUESSED", "UNKNOWN_COLUMN", "HTML_IN_DESCRIPTION", "SHEET_GUESSED", "HIDDEN_ROW", "EXAMPLE_ROW", "SHEET_IGNORED", "TEMPLATE_ROWS_SKIPPED", "CERTIFICATE_MISSING", "EXTERNAL_LINK", "MACRO"]);

export const severityOf = (code: IssueCode): Severity => (WARNING_CODES.has(code) ? "warning" : "error");

export type IssueArgs = Record<string, string | number>;
