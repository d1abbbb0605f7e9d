// The one question sync asks before writing: read a single line of the answer from stdin.
import { createInterface } from "node:readline";
import type { Io, Output } from "../cli/io.js";
import { pick, type Lang } from "../i18n.js";

const YES = /^(y|yes|ya|iya)$/i;

export const canAsk = (io: Io): boolean => io.stdout.isTTY === true && io.stdin.isTTY === true;

export async function confirmApply(io: Io, out: Output, lang: Lang): Promise<boolean> {
  out.write(pick({ id: "Terapkan perubahan ini? [y/N] ", en: "Apply these changes? [y/N] " }, lang));
  const answer = await readOneLine(io.stdin);
  return YES.test(answer.trim());
}

function readOneLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, terminal: false });
    let done = false;
    const finish = (line: string): void => {
      if (done) return;
      done = true;
      rl.close();
      resolve(line);
    };
    rl.once("line", finish);
    rl.once("close", () => finish(""));
  });
}
