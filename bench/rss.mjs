// Loaded with `node --import ./bench/rss.mjs ...`: on exit, append this process's peak RSS and
// wall time to the file named by BENCH_REPORT, so the harness can read them for any command.
import { appendFileSync } from "node:fs";

const started = performance.now();
process.on("exit", () => {
  const file = process.env.BENCH_REPORT;
  if (!file) return;
  const report = { maxRssKb: process.resourceUsage().maxRSS, ms: performance.now() - started };
  appendFileSync(file, `${JSON.stringify(report)}\n`);
});
