// Issue 13.2: a commit resolves only once the state is on disk; a failed write (ENOSPC through the
// fs seam) rejects every waiting commit, rolls the state back, leaves no temp file, and the next
// commit works again once the disk does.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { createDurableFile, nodeDurableFs, PersistFailed, removeStaleTempFiles, type DurableFs } from "./durable-file.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-durable-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** node:fs, except that writes fail with `code` while `failing` is set (after writing half). */
function flakyFs(): DurableFs & { failing: string | undefined; writes: number } {
  const fs = {
    failing: undefined as string | undefined,
    writes: 0,
    ...nodeDurableFs,
    async writeSynced(path: string, text: string) {
      fs.writes += 1;
      if (fs.failing) {
        await nodeDurableFs.writeSynced(path, text.slice(0, text.length / 2));
        throw Object.assign(new Error(`${fs.failing}: injected`), { code: fs.failing });
      }
      await nodeDurableFs.writeSynced(path, text);
    },
  };
  return fs;
}

test("commits share writes; each resolves only after its state is in the file", async () => {
  const file = join(dir, "state.json");
  let state = { n: 0 };
  const fs = flakyFs();
  const durable = createDurableFile({ file, serialize: () => JSON.stringify(state), restore: (t) => void (state = JSON.parse(t)), durableText: undefined, fs });
  const done: number[] = [];
  const commits = Array.from({ length: 50 }, (_, i) => {
    state = { n: i + 1 };
    const mine = i + 1;
    return durable.commit().then(async () => {
      const onDisk = JSON.parse(await readFile(file, "utf8")) as { n: number };
      expect(onDisk.n).toBeGreaterThanOrEqual(mine);
      done.push(mine);
    });
  });
  await Promise.all(commits);
  expect(done).toHaveLength(50);
  expect(fs.writes).toBeLessThanOrEqual(2); // one for the first, one for the 49 that waited
  expect(await readdir(dir)).toEqual(["state.json"]);
});

test("ENOSPC: waiting commits are rejected, state is rolled back, no temp file; works again later", async () => {
  const file = join(dir, "state.json");
  let state = { items: [] as number[] };
  const fs = flakyFs();
  const durable = createDurableFile({ file, serialize: () => JSON.stringify(state), restore: (t) => void (state = JSON.parse(t)), durableText: undefined, fs });
  state = { items: [1] };
  await durable.commit();

  fs.failing = "ENOSPC";
  state = { items: [1, 2] };
  const first = durable.commit();
  state = { items: [1, 2, 3] }; // made while the failing write is in flight: must be refused too
  const second = durable.commit();
  await expect(first).rejects.toBeInstanceOf(PersistFailed);
  await expect(second).rejects.toMatchObject({ code: "ENOSPC" });
  expect(durable.isFailing()).toBe(true);
  expect(state).toEqual({ items: [1] });
  expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ items: [1] });
  expect(await readdir(dir)).toEqual(["state.json"]);
  // A final flush while the disk is still full fails, and says so.
  await expect(durable.flush()).rejects.toBeInstanceOf(PersistFailed);

  fs.failing = undefined;
  state = { items: [1, 4] };
  await durable.commit();
  expect(durable.isFailing()).toBe(false);
  expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ items: [1, 4] });
  await durable.flush();
});

test("temp files left by a killed writer are removed (only this file's)", async () => {
  const file = join(dir, "state.json");
  const { writeFile } = await import("node:fs/promises");
  await writeFile(join(dir, ".state.json.123.abcd.tmp"), "half");
  await writeFile(join(dir, ".other.json.1.tmp"), "keep");
  await writeFile(file, "{}");
  expect(await removeStaleTempFiles(file)).toBe(1);
  expect((await readdir(dir)).sort()).toEqual([".other.json.1.tmp", "state.json"]);
});
