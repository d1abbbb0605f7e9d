// What desbumi prints must never act on the terminal or the CI log it lands in (issue 13 item 7).
// File names, header cells and what a marketplace returns (SKUs, names, messages) are someone
// else's text: an ESC sequence in them would clear the screen or set the title, a bidi override
// would reorder what is shown, and a newline followed by `::error` would forge a GitHub annotation.
//
// Two layers, both here:
// - `safeText(value)`: every such value, where it is put into a line. It shows control and bidi
//   characters as visible escapes (`\n`, `\u001b`, `\u202e`), so a value stays on its line.
// - `guardOutput(out)`: the CLI's stdout and stderr (src/cli/index.ts). Whatever a renderer did not
//   escape, no raw control character leaves the process: only tab, newline, CR before a newline or
//   at the start of a write (the progress bar), and the colour codes desbumi itself writes pass.
import type { Issue } from "../issues.js";

/** A place output goes (the CLI's `Output`). */
export interface GuardedOutput {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

// C0 (all of it, tab and newline too: inside a value they would break the line), DEL, C1, the
// bidi embeddings/overrides/isolates, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_VALUE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_VALUE_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `\u001b`: the notation JSON uses too, so an escaped character is still valid inside a JSON string. */
const unicodeEscape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** A value from a file or a marketplace, safe to put into a line of output. Plain text is returned as it is. */
export function safeText(value: string): string {
  if (!UNSAFE_IN_VALUE.test(value)) return value;
  return value.replace(UNSAFE_IN_VALUE_ALL, (ch) => NAMED[ch] ?? unicodeEscape(ch));
}

/**
 * `safeText` for a GitHub workflow-command value: CR and LF are left for the command's own
 * encoding (`%0D`, `%0A`, see report/github.ts), which GitHub decodes back to the real name.
 */
export function safeCommandText(value: string): string {
  if (!UNSAFE_IN_VALUE.test(value)) return value;
  return value.replace(UNSAFE_IN_VALUE_ALL, (ch) => (ch === "\n" || ch === "\r" ? ch : (NAMED[ch] ?? unicodeEscape(ch))));
}

// The last line of defence on the output streams. Allowed: tab, LF, CR before LF or at the start
// of a chunk (a progress bar redraws its line), and SGR colour sequences (`ESC [ 1;31 m`).
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const OUTPUT_TOKEN = /\u001b\[[0-9;]*m|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * One chunk of output with every control character that could act on a terminal made visible, and
 * no line inside it starting with `::`: GitHub Actions reads such a line on stdout or stderr as a
 * workflow command, so only a write that itself begins with one (the github reporter's
 * annotations, one per write) may carry it. A value carried into a line after a newline cannot.
 */
export function escapeOutput(chunk: string): string {
  let out = chunk;
  if (UNSAFE_IN_OUTPUT.test(out)) {
    out = out.replace(OUTPUT_TOKEN, (token, offset: number) => {
      if (token.length > 1) return token;
      if (token === "\r" && offset === 0) return token;
      return NAMED[token] ?? unicodeEscape(token);
    });
  }
  return out.includes("\n::") ? out.replace(/\n::/g, "\n\\u003a:") : out;
}

/** `out` with every chunk passed through `escapeOutput`; `isTTY` and `columns` read through. */
export function guardOutput(out: GuardedOutput): GuardedOutput {
  return withDrain(out, {
    write: (chunk: string) => out.write(typeof chunk === "string" ? escapeOutput(chunk) : chunk),
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
  });
}

/**
 * A wrapper keeps the stream's `once` (for "drain"): writers that wait for a slow reader (the json
 * report, issue 14.4) must not lose their back-pressure to a wrapper, or the whole document queues
 * in memory (1M rows: 844 MB).
 */
export function withDrain<T extends object>(out: object, wrapper: T): T {
  const once = (out as { once?: unknown }).once;
  if (typeof once === "function") Object.defineProperty(wrapper, "once", { value: once.bind(out), enumerable: false });
  return wrapper;
}

/**
 * An issue with every text it carries (file, header, sheet, cell, value, args) passed through
 * `safeText`, for the formatters that put them into lines. The same object when nothing needs it.
 */
export function safeIssue(issue: Issue): Issue {
  const texts = [issue.file, issue.column, issue.sheet, issue.cell, issue.value, ...Object.values(issue.args ?? {})];
  if (!texts.some((t) => typeof t === "string" && UNSAFE_IN_VALUE.test(t))) return issue;
  const shown: Issue = { ...issue, file: safeText(issue.file) };
  if (issue.column !== undefined) shown.column = safeText(issue.column);
  if (issue.sheet !== undefined) shown.sheet = safeText(issue.sheet);
  if (issue.cell !== undefined) shown.cell = safeText(issue.cell);
  // NOTE: a value's line breaks and tabs read as spaces (as before); the rest is escaped.
  if (issue.value !== undefined) shown.value = safeText(issue.value.replace(/[\r\n\t]+/g, " "));
  if (issue.args) shown.args = Object.fromEntries(Object.entries(issue.args).map(([k, v]) => [k, typeof v === "string" ? safeText(v) : v]));
  return shown;
}
