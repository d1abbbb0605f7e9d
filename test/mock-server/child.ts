// A child `desbumi mock-server ...` of the built CLI (bin/desbumi.js), for kill -9 tests: its base
// URL once it says it is up, and a SIGKILL that resolves when it is gone.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";

const BIN = join(resolve(import.meta.dirname, "../.."), "bin", "desbumi.js");

export async function startMockChild(args: readonly string[]): Promise<{ url: string; output: () => string; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, "mock-server", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "" } });
  const exited = new Promise<void>((done) => child.on("close", () => done()));
  let out = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock-server did not start: ${out}`)), 20_000);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.on("close", () => reject(new Error(`mock-server exited: ${out}`)));
  });
  return {
    url,
    output: () => out,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
