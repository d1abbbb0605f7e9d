// Where the pipeline's findings go: each becomes an Issue located at file, line, column and
// (XLSX) sheet!cell. One sink per catalogue file.
import type { Issue, IssueCode } from "../issues.js";
import { truncateValue } from "./cell.js";
import { severityOf, type IssueArgs } from "./issue.js";
import { columnLetter } from "./source.js";

/** A column as the sink needs it: its 0-based index and its header as written. */
export interface CellColumn {
  index: number;
  header: string;
}

export interface IssueSink {
  readonly issues: Issue[];
  push(code: IssueCode, line: number, column?: CellColumn, value?: string, args?: IssueArgs): void;
}

export function createIssueSink(file: string, sheet: string | undefined): IssueSink {
  const issues: Issue[] = [];
  return {
    issues,
    push(code, line, column, value, args) {
      const issue: Issue = { code, severity: severityOf(code), file, line };
      if (column) issue.column = column.header;
      if (sheet !== undefined) issue.sheet = sheet;
      if (sheet !== undefined && column) issue.cell = `${columnLetter(column.index)}${line}`;
      if (value !== undefined) issue.value = truncateValue(value);
      if (args !== undefined && Object.keys(args).length > 0) issue.args = args;
      issues.push(issue);
    },
  };
}
