// Logging through pino: plain-text lines on stderr for people, optional JSON lines file for tools.
// Secrets are redacted by pino before any destination sees the line.
import { closeSync, mkdirSync, openSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { pino, type Logger, type DestinationStream } from "pino";
import { atPath } from "./fs-errors.js";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
export const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Keys whose values never reach a log line, wherever they sit in the logged object. */
export const REDACT_PATHS = [
  "authorization",
  "Authorization",
  "*.authorization",
  "*.Authorization",
  "headers.authorization",
  "*.headers.authorization",
  "access_token",
  "*.access_token",
  "token",
  "*.token",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
  "clientId",
  "*.clientId",
  "client_id",
  "*.client_id",
  "secret",
  "*.secret",
  "password",
  "*.password",
  // The marketplace credentials' own names (TikTok Shop app_secret, Shopee partner_key, both
  // refresh tokens, request signatures): nothing logs them today; a later debug line must not either.
  ...["refresh_token", "refreshToken", "accessToken", "app_secret", "appSecret", "partner_key", "partnerKey", "sign"].flatMap((k) => [k, `*.${k}`]),
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Also write JSON lines (level debug and up, or `level` if lower) to this file. */
  file?: string;
  /** Where the plain-text lines go; defaults to stderr (fd 2). */
  stderr?: TextSink;
}

/** Anything with `write(string)`: a Node stream, or the CLI's injectable `Io` output. */
export interface TextSink {
  write(chunk: string): unknown;
}

const LEVEL_WORDS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "fatal" };
/** pino's own keys, and `msg`: not repeated among the appended fields. */
const SKIPPED_KEYS = new Set(["level", "time", "pid", "hostname", "name", "msg"]);
const MAX_FIELDS = 6;
const MAX_VALUE_CHARS = 80;

/**
 * One pino JSON line as `desbumi: warning: <msg> (sku=MSK-1, status=500)`. Only flat values are
 * appended (strings, numbers, booleans, short lists of them, an error's message): nested objects
 * and stack traces stay in the --log-file JSON. Values are already redacted when they get here.
 */
export function formatLogLine(line: string): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line.endsWith("\n") ? line : `${line}\n`;
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) return `${line.trimEnd()}\n`;
  const fields = record as Record<string, unknown>;
  const level = typeof fields.level === "number" ? (LEVEL_WORDS[fields.level] ?? `level ${fields.level}`) : "log";
  const msg = typeof fields.msg === "string" ? fields.msg : "";
  const extras: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (SKIPPED_KEYS.has(key) || extras.length >= MAX_FIELDS) continue;
    const shown = showValue(value);
    if (shown !== undefined) extras.push(`${key}=${shown}`);
  }
  const tail = extras.length > 0 ? ` (${extras.join(", ")})` : "";
  return `desbumi: ${level}: ${msg}${tail}`.trimEnd().replace(/\s*\n\s*/g, " ") + "\n";
}

function showValue(value: unknown): string | undefined {
  if (typeof value === "string") return clip(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const flat = value.filter((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean");
    if (flat.length !== value.length) return undefined;
    const head = flat.slice(0, 5).map(String).join(",");
    return clip(flat.length > 5 ? `${head},+${flat.length - 5}` : head);
  }
  // pino's error serializer: { type, message, stack }; the message only.
  if (typeof value === "object" && value !== null && "message" in value && typeof value.message === "string") {
    return clip(value.message);
  }
  return undefined;
}

const clip = (s: string): string => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > MAX_VALUE_CHARS ? `${one.slice(0, MAX_VALUE_CHARS - 1)}…` : one;
};

/** A pino destination that writes each (already redacted) JSON line as plain text. */
export function textDestination(sink: TextSink): DestinationStream {
  return { write: (line: string) => void sink.write(formatLogLine(line)) };
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? "warn";
  const streams: { level: LogLevel; stream: DestinationStream }[] = [];
  if (level !== "silent") {
    streams.push({
      level,
      stream: textDestination(opts.stderr ?? pino.destination({ fd: 2, sync: true })),
    });
  }
  if (opts.file) {
    const fileLevel: LogLevel = level === "trace" ? "trace" : level === "silent" ? "debug" : "debug";
    streams.push({ level: fileLevel, stream: fileDestination(opts.file, opts.stderr) });
  }
  if (streams.length === 0) return pino({ level: "silent" });
  const minLevel = streams.some((s) => s.level === "trace")
    ? "trace"
    : streams.some((s) => s.level === "debug")
      ? "debug"
      : level;
  return pino(
    {
      name: "desbumi",
      level: minLevel,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: undefined,
    },
    pino.multistream(streams),
  );
}

/**
 * The --log-file: its folder made and the file opened (append) before the run starts, so a path
 * that cannot be written stops the run with a plain message (exit 2) instead of losing the log.
 * NOTE: not pino's `mkdir: true`: Node's recursive mkdirSync never returns for a path under /proc.
 * A write that fails later (a full disk) is said once on stderr; the run itself goes on.
 */
export function fileDestination(path: string, stderr?: TextSink): DestinationStream {
  let fd: number;
  try {
    makeFolders(dirname(path));
    fd = openSync(path, "a", 0o600);
  } catch (error) {
    throw atPath(error, path, "write");
  }
  let failed = false;
  return {
    write: (line: string) => {
      if (failed) return;
      try {
        writeSync(fd, line);
      } catch (error) {
        failed = true;
        const code = (error as { code?: string }).code ?? "error";
        const warn = `desbumi: warning: the log file ${path} cannot be written (${code}); no more log lines go there / berkas log ${path} tidak bisa ditulis (${code}); baris log berikutnya tidak ditulis ke sana\n`;
        (stderr ?? { write: (s: string) => process.stderr.write(s) }).write(warn);
        try {
          closeSync(fd);
        } catch {
          // already failing: nothing more to say
        }
      }
    },
  };
}

/** mkdir -p, one level at a time (each failure is the real one: ENOTDIR, EACCES, EROFS ...). */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    let isDirectory: boolean | undefined;
    try {
      isDirectory = statSync(at).isDirectory();
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
    }
    if (isDirectory === true) break;
    if (isDirectory === false) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: "ENOTDIR", syscall: "mkdir", path: at });
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const at of missing.reverse()) mkdirSync(at);
}

/** A logger that writes nothing (tests, library use). */
export const silentLogger = (): Logger => pino({ level: "silent" });
