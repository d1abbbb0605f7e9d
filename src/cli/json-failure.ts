// `validate --format json` prints one JSON document on stdout whatever happens (issue 12.13): when
// the run cannot even start (a glob matched nothing, no config, a bad flag), the document says why,
// so a CI step that parses stdout gets an answer instead of nothing.
import { JSON_REPORT_VERSION } from "../report/json.js";

/** The commands whose `--format json` output is the validation report. */
const JSON_REPORT_COMMANDS = new Set(["validate"]);

/** The command asked for, and whether argv asks for `--format json`. */
export function wantsJsonReport(argv: readonly string[]): boolean {
  let command: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg === "--format") json = argv[i + 1] === "json";
    else if (arg.startsWith("--format=")) json = arg.slice("--format=".length) === "json";
    else if (command === undefined && !arg.startsWith("-") && argv[i - 1] !== "--lang" && argv[i - 1] !== "--log-level" && argv[i - 1] !== "--log-file") {
      command = arg;
    }
  }
  return json && command !== undefined && JSON_REPORT_COMMANDS.has(command);
}

export type FailureKind = "usage" | "config" | "marketplace" | "internal";

/** The report when nothing could be checked: no files, `valid: false`, and the error. */
export function renderJsonFailure(kind: FailureKind, message: string, details: readonly string[] = []): string {
  const doc = {
    version: JSON_REPORT_VERSION,
    valid: false,
    files: [],
    error: { kind, message, ...(details.length > 0 ? { details } : {}) },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
