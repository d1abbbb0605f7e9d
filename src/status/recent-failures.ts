// The failures the last runs recorded per SKU for one marketplace, that no later run fixed: read
// from the run journals (.desbumi/runs/*.jsonl), newest first.
import { readFile } from "node:fs/promises";
import type { JournalEvent } from "../journal/journal.js";
import { listRunFiles } from "../journal/read.js";
import type { ChangeError } from "../plan/types.js";

/** How many recent runs of a group are read (older failures were either fixed or are shown by the shop). */
const RUNS_READ = 10;

export async function readRecentFailures(baseDir: string, name: string, marketplace: string): Promise<Map<string, ChangeError>> {
  const newestFirst = (await listRunFiles(baseDir, name)).slice(0, RUNS_READ);
  const decided = new Set<string>();
  const failures = new Map<string, ChangeError>();
  for (const file of newestFirst) {
    const events = parseEvents(await readFile(file, "utf8").catch(() => ""));
    const start = events.find((e) => e.type === "run-start");
    if (!start || start.type !== "run-start" || start.marketplace !== marketplace) continue;
    // Within one run the last outcome of a SKU counts; across runs the newest run counts.
    const lastInRun = new Map<string, Extract<JournalEvent, { type: "outcome" }>>();
    for (const event of events) if (event.type === "outcome") lastInRun.set(event.sku.toUpperCase(), event);
    for (const [sku, outcome] of lastInRun) {
      if (decided.has(sku)) continue;
      decided.add(sku);
      if (outcome.status === "failed" && outcome.error) failures.set(sku, outcome.error);
    }
  }
  return failures;
}

function parseEvents(content: string): JournalEvent[] {
  const out: JournalEvent[] = [];
  for (const line of content.split("\n")) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as JournalEvent);
    } catch {
      // a torn last line of a killed run
    }
  }
  return out;
}
