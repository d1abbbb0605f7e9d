// Issue 13 item 14: ordinary problems of the machine (a pipe or /dev/stdin as the catalogue, a FIFO
// without a writer, a folder or a file where a folder should be, no permission, a read-only or full
// disk, a lock file naming a process that is not desbumi) are not "internal errors": the built CLI
// prints a plain message naming the path and exits 2, quickly (a FIFO is refused before any read).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STACK_TRACE, tempDir, writeText } from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "desbumi.js");
const IS_ROOT = typeof process.getuid === "function" && process.getuid() === 0;
// A private mount namespace (no root needed) gives a real read-only and a real full disk.
const HAS_UNSHARE = spawnSync("unshare", ["-rm", "true"]).status === 0;

interface Ran {
  code: number | null;
  out: string;
  ms: number;
}

function run(command: string, args: string[], cwd: string, stdin: "ignore" | "pipe" = "ignore"): Promise<Ran> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8" }, stdio: [stdin, "pipe", "pipe"] });
    let out = "";
    child.stdout?.on("data", (d: Buffer) => void (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => void (out += d.toString()));
    if (stdin === "pipe") child.stdin?.end("sku,nama\nA-1,x\n");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, out, ms: Date.now() - started });
    });
  });
}

const cli = (args: string[], stdin: "ignore" | "pipe" = "ignore"): Promise<Ran> => run(process.execPath, [BIN, "--no-color", ...args], dir, stdin);

/** The same command inside a private mount namespace with `mount` run first. */
const cliWithMount = (mount: string, args: string[]): Promise<Ran> =>
  run("unshare", ["-rm", "sh", "-c", `${mount} && exec "$0" "$@"`, process.execPath, BIN, "--no-color", ...args], dir);

function expectPlain(r: Ran, message: RegExp): void {
  expect(r.code, r.out).toBe(2);
  expect(r.out).toMatch(message);
  expect(r.out).not.toMatch(/internal error|kesalahan internal|please report/i);
  expect(r.out).not.toMatch(STACK_TRACE);
}

let dir: string;
beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
  dir = await tempDir("desbumi-env-");
  // The README's example: valid for the practice shop, whichever marketplace that imitates.
  await copyFile(join(ROOT, "fixtures", "catalogs", "muiwo-lipursari.csv"), join(dir, "k.csv"));
  for (const fifo of ["fifo.csv", "plan.fifo", "config.fifo"]) expect(spawnSync("mkfifo", [join(dir, fifo)]).status).toBe(0);
  await mkdir(join(dir, "folder"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("environment problems are plain messages with exit 2 (issue 13 item 14)", () => {
  it("a FIFO without a writer as the catalogue is refused at once (no hang); so is /dev/stdin", async () => {
    const fifo = await cli(["validate", "fifo.csv"]);
    expectPlain(fifo, /fifo\.csv is not a regular file \(a pipe, socket or device\)/);
    expect(fifo.ms).toBeLessThan(15_000);
    expectPlain(await cli(["sync", "fifo.csv", "--dry-run"]), /fifo\.csv is not a regular file/);
    expectPlain(await cli(["validate", "/dev/stdin"], "pipe"), /\/dev\/stdin is not a regular file/);
  });

  it("a FIFO as the plan file or the config file is refused, not read", async () => {
    expectPlain(await cli(["apply", "plan.fifo"]), /plan\.fifo is not a regular file/);
    expectPlain(await cli(["sync", "k.csv", "--dry-run", "--config", "config.fifo"]), /config\.fifo is not a regular file/);
  });

  it("EISDIR and ENOTDIR: an output that is a folder, or under a file", async () => {
    expectPlain(await cli(["sync", "k.csv", "--dry-run", "--out", "folder"]), /^folder cannot be written: it is a folder/m);
    expectPlain(await cli(["sync", "k.csv", "--dry-run", "--out", "k.csv/plan.json"]), /k\.csv\/plan\.json cannot be used: part of its path is a file, not a folder/);
    expectPlain(await cli(["normalize", "k.csv", "-o", "folder"]), /^folder cannot be written: it is a folder/m);
    expectPlain(await cli(["--log-file", "folder", "validate", "k.csv"]), /^folder cannot be written: it is a folder/m);
  });

  it("EACCES: an output where writing is not allowed", async () => {
    // Root writes through file modes; sysfs refuses new files even to root.
    let where = "/sys/desbumi-plan.json";
    if (!IS_ROOT) {
      await mkdir(join(dir, "locked"));
      await chmod(join(dir, "locked"), 0o500);
      where = "locked/plan.json";
    }
    const r = await cli(["sync", "k.csv", "--dry-run", "--out", where]);
    expectPlain(r, new RegExp(`${where.replace(/[./]/g, "\\$&")} cannot be written: (no permission to write there|the disk is read-only)`));
  });

  it.skipIf(!HAS_UNSHARE)("EROFS: an output on a read-only disk", async () => {
    await mkdir(join(dir, "ro"), { recursive: true });
    const r = await cliWithMount("mount -t tmpfs -o ro tmpfs ro", ["sync", "k.csv", "--dry-run", "--out", "ro/plan.json"]);
    expectPlain(r, /ro\/plan\.json cannot be written: the disk is read-only/);
  });

  it.skipIf(!HAS_UNSHARE)("ENOSPC: an output on a full disk", async () => {
    await mkdir(join(dir, "full"), { recursive: true });
    const r = await cliWithMount("mount -t tmpfs -o size=4k tmpfs full && head -c 8192 /dev/zero > full/pad 2>/dev/null; true", ["sync", "k.csv", "--dry-run", "--out", "full/plan.json"]);
    expectPlain(r, /full\/plan\.json cannot be written: the disk is full/);
  });

  it("a practice-shop lock naming a live process that is not desbumi is stale: the run goes on", async () => {
    const other = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      await mkdir(join(dir, ".desbumi"), { recursive: true });
      await writeText(dir, ".desbumi/practice-shop.json.lock", `${other.pid}\n`);
      const r = await cli(["sync", "k.csv", "--yes"]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).not.toMatch(/another desbumi process/);
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("a practice-shop lock naming a live Node process is refused with a plain message", async () => {
    await writeText(dir, ".desbumi/practice-shop.json.lock", `${process.pid}\n`);
    try {
      expectPlain(await cli(["sync", "k.csv", "--yes"]), new RegExp(`practice shop \\(\\.desbumi/practice-shop\\.json\\) is open in another desbumi process \\(pid ${process.pid}\\)`));
    } finally {
      await rm(join(dir, ".desbumi", "practice-shop.json.lock"), { force: true });
    }
  });
});
