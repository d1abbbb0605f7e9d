// The few errors that mean "this run cannot continue". Per-item problems are values, never these.
// They are mapped to exit codes in one place: src/cli/index.ts.
import type { Text } from "./i18n.js";

/** Bad flags or arguments, or a file that is missing or unreadable. Exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The message in both languages; `message` holds the English one. */
  readonly text: Text;
  constructor(message: Text | string) {
    const t = typeof message === "string" ? { id: message, en: message } : message;
    super(t.en);
    this.text = t;
  }
}

/** Invalid desbumi.config.json or environment. Exit 2. One entry in `issues` per mistake. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly text: Text;
  constructor(
    message: Text | string,
    readonly issues: Text[] = [],
  ) {
    const t = typeof message === "string" ? { id: message, en: message } : message;
    super(t.en);
    this.text = t;
  }
}

export type AdapterErrorKind = "auth" | "unreachable" | "protocol" | "rejected";

/** The marketplace cannot be used for this run (auth refused, unreachable, speaks nonsense). Exit 2. */
export class AdapterError extends Error {
  override readonly name = "AdapterError";
  readonly text: Text;
  readonly adapter: string;
  readonly kind: AdapterErrorKind;
  readonly status?: number;
  readonly code?: string;
  constructor(opts: {
    adapter: string;
    kind: AdapterErrorKind;
    message: Text | string;
    status?: number;
    code?: string;
    cause?: unknown;
  }) {
    const t = typeof opts.message === "string" ? { id: opts.message, en: opts.message } : opts.message;
    super(`[${opts.adapter}] ${t.en}`, { cause: opts.cause });
    this.text = { id: `[${opts.adapter}] ${t.id}`, en: `[${opts.adapter}] ${t.en}` };
    this.adapter = opts.adapter;
    this.kind = opts.kind;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.code !== undefined) this.code = opts.code;
  }
}

/** A bug in desbumi. Printed with a "please report" hint. Exit 2. */
export class InternalError extends Error {
  override readonly name = "InternalError";
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
