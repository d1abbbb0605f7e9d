// Regression test for issue 12.2: interactive `desbumi init` on a terminal never exited after the
// last answer (stdin stayed open in flowing mode; the next command typed was swallowed). The built
// CLI runs on a real pseudo-terminal (python3's pty module), answers are typed after each prompt,
// and the process must exit on its own.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, expect, it } from "vitest";

const run = promisify(execFile);
const PTY_RUN = fileURLToPath(new URL("./pty-run.py", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/desbumi.js", import.meta.url));
/** How long the CLI gets to exit after the last answer before it counts as hanging. */
const EXIT_WITHIN_S = 20;

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-init-pty-")));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface PtyResult {
  timedOut: boolean;
  exitCode: number | null;
  answered: number;
  output: string;
}

async function runOnTerminal(answers: string[], args: string[]): Promise<PtyResult> {
  const { stdout } = await run(
    "python3",
    [PTY_RUN, String(EXIT_WITHIN_S), JSON.stringify(answers), process.execPath, BIN, ...args],
    { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "en_US.UTF-8" }, timeout: (EXIT_WITHIN_S + 10) * 1000 },
  );
  return JSON.parse(stdout) as PtyResult;
}

it("interactive init exits by itself after the last answer (issue 12.2)", async () => {
  const result = await runOnTerminal(["muiwo=MUIWO Lipursari", "practice"], ["init"]);
  expect(result.answered).toBe(2);
  expect(result.timedOut).toBe(false);
  expect(result.exitCode).toBe(0);
  expect(result.output).toContain("desbumi is set up for 1 group: muiwo (MUIWO Lipursari).");
  expect(JSON.parse(await readFile(path.join(dir, "desbumi.config.json"), "utf8")).groups).toEqual([
    { id: "muiwo", name: "MUIWO Lipursari", catalog: "catalogs/muiwo.csv" },
  ]);
}, (EXIT_WITHIN_S + 15) * 1000);

it("also when the marketplace is given as a flag (one question)", async () => {
  const result = await runOnTerminal(["bumi-adikusuma"], ["init", "--marketplace", "practice"]);
  expect(result.answered).toBe(1);
  expect(result.timedOut).toBe(false);
  expect(result.exitCode).toBe(0);
}, (EXIT_WITHIN_S + 15) * 1000);
