// Logging through pino: human-level messages to stderr, optional JSON lines file. Secrets redacted.
import { pino, type Logger, type DestinationStream } from "pino";

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
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Also write JSON lines (level debug and up, or `level` if lower) to this file. */
  file?: string;
  /** Where the human-level stream goes; defaults to stderr. */
  stderr?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? "warn";
  const streams: { level: LogLevel; stream: DestinationStream }[] = [];
  if (level !== "silent") {
    streams.push({
      level,
      stream: (opts.stderr as DestinationStream | undefined) ?? pino.destination({ fd: 2, sync: true }),
    });
  }
  if (opts.file) {
    const fileLevel: LogLevel = level === "trace" ? "trace" : level === "silent" ? "debug" : "debug";
    streams.push({ level: fileLevel, stream: pino.destination({ dest: opts.file, mkdir: true, sync: true }) });
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

/** A logger that writes nothing (tests, library use). */
export const silentLogger = (): Logger => pino({ level: "silent" });
