// One server per state file: a second one (here or in another process) is refused; stale locks are
// taken over; the lock goes away on close.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { UsageError } from "../../src/errors.js";
import { startMockServer, StateFileBusyError } from "../../src/mock-server/index.js";
import { clientFor, fetchToken, makeCreate } from "./http.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-lock-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const fast = { rateLimit: 10_000, burst: 10_000 };

/** A node child that lives until killed; its pid is a live process that is not this one. */
function startIdleChild(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("spawn", () =>
      resolve({
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill();
          }),
      }),
    );
  });
}

test("a second server on the same state file is refused with a typed error; after close it can start", async () => {
  const stateFile = join(dir, "shop.json");
  const first = await startMockServer({ ...fast, stateFile });
  expect((await readFile(`${stateFile}.lock`, "utf8")).trim()).toBe(String(process.pid));
  const api = clientFor(first, await fetchToken(first));
  await api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ sku: "KEEP" })] } });

  const refused = await startMockServer({ ...fast, stateFile }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(StateFileBusyError);
  expect(refused).toBeInstanceOf(UsageError);
  expect((refused as StateFileBusyError).pid).toBe(process.pid);
  expect((refused as StateFileBusyError).text.en).toContain(`pid ${process.pid}`);

  await first.close();
  expect(await readdir(dir)).toEqual(["shop.json"]);
  const second = await startMockServer({ ...fast, stateFile });
  try {
    expect(second.listings().map((l) => l.sku)).toEqual(["KEEP"]);
  } finally {
    await second.close();
  }
});

test("a lock held by another live process is refused, naming its pid", async () => {
  const stateFile = join(dir, "shop.json");
  const child = await startIdleChild();
  try {
    await writeFile(`${stateFile}.lock`, `${child.pid}\n`);
    await expect(startMockServer({ stateFile })).rejects.toMatchObject({ name: "UsageError", pid: child.pid });
    // The refused start neither removed the other's lock nor created a state file.
    expect((await readFile(`${stateFile}.lock`, "utf8")).trim()).toBe(String(child.pid));
    expect(await readdir(dir)).toEqual(["shop.json.lock"]);
  } finally {
    await child.stop();
  }
});

test("a stale lock (dead pid, unreadable content, or our own pid left by an earlier process) is taken over", async () => {
  const stateFile = join(dir, "shop.json");
  const child = await startIdleChild();
  const deadPid = child.pid;
  await child.stop();
  for (const content of [`${deadPid}\n`, "not a pid", "", `${process.pid}\n`]) {
    await writeFile(`${stateFile}.lock`, content);
    const server = await startMockServer({ stateFile });
    expect((await readFile(`${stateFile}.lock`, "utf8")).trim()).toBe(String(process.pid));
    await server.close();
    expect(await readdir(dir)).not.toContain("shop.json.lock");
  }
});

test("a server without a state file takes no lock; different state files do not conflict", async () => {
  const a = await startMockServer({ stateFile: join(dir, "a.json") });
  const b = await startMockServer({ stateFile: join(dir, "b.json") });
  const c = await startMockServer({});
  await Promise.all([a.close(), b.close(), c.close()]);
  expect((await readdir(dir)).filter((f) => f.endsWith(".lock"))).toEqual([]);
});
