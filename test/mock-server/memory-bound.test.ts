// Issue 13.8: unauthenticated requests with invented fs_ids once grew a rate-limit bucket each
// (100k requests answered 401: RSS 58 → 775 MB). The built server runs in a child process with a
// 32 MB heap cap; 4,000 requests with distinct 12 KB fs_id segments (48 MB of keys, if kept) must
// leave it alive, holding no bucket for them, within a time limit.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { afterEach, expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const REQUESTS = 4_000;
const PER_SOCKET = 500;
const SEGMENT_BYTES = 12_000;

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
});

const ask = <T>(proc: ChildProcess, msg: string): Promise<T> =>
  new Promise((done) => {
    proc.once("message", (m) => done(m as T));
    proc.send(msg);
  });

/** PER_SOCKET pipelined requests on one connection; resolves with how many 401s came back. */
function flood(port: number, first: number): Promise<number> {
  return new Promise((done, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    let answered = 0;
    let tail = "";
    socket.on("data", (d: Buffer) => {
      const text = tail + d.toString("latin1");
      answered += text.split("HTTP/1.1 401 ").length - 1;
      tail = text.slice(-20);
    });
    socket.on("error", reject);
    socket.on("close", () => done(answered));
    socket.on("connect", () => {
      const reqs: string[] = [];
      for (let i = 0; i < PER_SOCKET; i++) {
        const fs = `${first + i}`.padEnd(SEGMENT_BYTES, "7");
        const close = i === PER_SOCKET - 1 ? "Connection: close\r\n" : "";
        reqs.push(`GET /inventory/v1/fs/${fs}/product/etalase?shop_id=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n${close}\r\n`);
      }
      socket.write(reqs.join(""));
    });
  });
}

test("issue 13.8: 4,000 unauthenticated requests with distinct 12 KB fs_ids fit in a 32 MB heap and make no bucket", async () => {
  if (!existsSync(join(ROOT, "dist", "mock-server", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
  const proc = fork(join(ROOT, "test", "mock-server", "memory-child.mjs"), [], {
    execArgv: ["--max-old-space-size=32", "--expose-gc"],
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  child = proc;
  let stderr = "";
  proc.stderr?.on("data", (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => proc.on("exit", (code) => done(code)));
  const { url } = await new Promise<{ url: string }>((done) => proc.once("message", (m) => done(m as { url: string })));
  const port = Number(new URL(url).port);
  let answered = 0;
  for (let start = 0; start < REQUESTS; start += PER_SOCKET * 4) {
    const batch = [0, 1, 2, 3].map((k) => flood(port, start + k * PER_SOCKET));
    answered += (await Promise.race([Promise.all(batch), exited.then(() => [])])).reduce((a, b) => a + b, 0);
    expect(proc.exitCode, stderr.slice(-500)).toBeNull();
  }
  expect(answered).toBe(REQUESTS);
  const stats = await ask<{ buckets: number; requests: number; heapUsed: number }>(proc, "stats");
  expect(stats.requests).toBe(REQUESTS);
  expect(stats.buckets).toBe(0);
  expect(stats.heapUsed).toBeLessThan(32 * 1024 * 1024);
  proc.send("close");
  expect(await exited).toBe(0);
}, 60_000);
