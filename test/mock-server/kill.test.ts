// Issue 13.2: kill -9 during a burst of creates loses no acknowledged create (a few runs here; the
// 20-run version is kill.chaos.test.ts in `npm run test:chaos`). Needs the built CLI (npm test builds).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { runKillBurst } from "./kill-burst.js";

beforeAll(() => {
  if (!existsSync(join(resolve(import.meta.dirname, "../.."), "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
});

test("kill -9 mid-burst: every acknowledged create is in the state file; no id is handed out twice", async () => {
  for (const killAfter of [25, 80, 150]) {
    const run = await runKillBurst(killAfter);
    expect(run.acknowledged).toBeGreaterThanOrEqual(killAfter);
    expect(run).toMatchObject({ lost: 0, reusedIds: 0, tempFilesAfterRestart: 0 });
  }
}, 120_000);
