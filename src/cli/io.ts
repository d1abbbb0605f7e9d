// The process edges a command may touch, injectable so tests run `main(argv, io)` in-process.
import type { Logger } from "pino";
import type { Lang } from "../i18n.js";

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});

/** Everything a command needs from the CLI layer; built once per run after global flags parse. */
export interface CommandContext {
  io: Io;
  lang: Lang;
  log: Logger;
  /** Colours allowed on stdout (a TTY and no NO_COLOR, no --no-color). */
  color: boolean;
}
