// Run the CLI in-process with captured output: `main(argv, io)` exactly as bin/desbumi.js does,
// minus the process. Other command tests reuse this.
import { Readable } from "node:stream";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";

export interface RunCliOptions {
  cwd: string;
  /** The whole environment the CLI sees (default: English, no colour hints). */
  env?: NodeJS.ProcessEnv;
  /** Text fed to stdin (default: empty, not a TTY). */
  stdin?: string;
  /** Pretend stdout is a terminal (turns on colours unless NO_COLOR / --no-color). */
  isTTY?: boolean;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: readonly string[], opts: RunCliOptions): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const stdin = Readable.from(opts.stdin === undefined ? [] : [opts.stdin]) as Io["stdin"];
  stdin.isTTY = false;
  const io: Io = {
    stdout: { write: (s: string) => void (stdout += s), isTTY: opts.isTTY === true, columns: 100 },
    stderr: { write: (s: string) => void (stderr += s), isTTY: false },
    stdin,
    env: opts.env ?? { LANG: "en_US.UTF-8" },
    cwd: opts.cwd,
  };
  // NOTE: `--log-level silent` keeps log lines (written to io.stderr) out of the captured stderr
  // unless a test asks for a level itself.
  const args = argv.includes("--log-level") ? [...argv] : ["--log-level", "silent", ...argv];
  const code = await main(args, io);
  return { code, stdout, stderr };
}
