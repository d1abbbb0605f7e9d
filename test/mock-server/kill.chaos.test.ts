// Issue 13.2, the long version (`npm run test:chaos`): 20 kill -9 runs, totals printed for
// docs/reliability.md.
import { expect, test } from "vitest";
import { runKillBurst, type KillRun } from "./kill-burst.js";

test("20 kill -9 bursts: acknowledged creates lost = 0", async () => {
  const runs: KillRun[] = [];
  for (let i = 0; i < 20; i++) runs.push(await runKillBurst(20 + ((i * 37) % 300)));
  const sum = (key: keyof KillRun): number => runs.reduce((n, r) => n + r[key], 0);
  console.log(
    `kill -9: ${runs.length} runs, ${sum("acknowledged")} acknowledged creates, ${sum("lost")} lost, ${sum("reusedIds")} ids reused, ` +
      `temp files after kill ${sum("tempFilesAfterKill")} (after restart ${sum("tempFilesAfterRestart")})`,
  );
  expect(sum("lost")).toBe(0);
  expect(sum("reusedIds")).toBe(0);
  expect(sum("tempFilesAfterRestart")).toBe(0);
}, 600_000);
