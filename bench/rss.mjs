// Loaded with `node --import ./bench/rss.mjs ...`: on exit, append this process's peak RSS and
// wall time to the file named by BENCH_REPORT, so the harness can read them for any command.
import { appendFileSync } from "node:fs";

const started = performance.now();
process.on("exit", () => {
  const file = process.env.BENCH_REPORT;
  if (!file) return;
  const usage = process.resourceUsage();
  // CPU time too: on a shared machine it says what the run cost, however long it waited for a core.
  const report = { maxRssKb: usage.maxRSS, ms: performance.now() - started, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  appendFileSync(file, `${JSON.stringify(report)}\n`);
});
