// Reading journals back: the last finished run of a group (for `desbumi groups`' "last sync").
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { RUNS_DIR, safeName, type JournalEvent, type RunSummary } from "./journal.js";

export interface LastRun {
  /** The journal file. */
  file: string;
  /** When the run ended (ISO 8601 UTC). */
  time: string;
  summary: RunSummary;
  interrupted: boolean;
}

/**
 * The newest run-end of the runs named `name` (a group id, or a catalogue name) under
 * `<baseDir>/.desbumi/runs`, or undefined when there is none. Runs that never ended are skipped.
 */
export async function readLastRun(baseDir: string, name: string): Promise<LastRun | undefined> {
  for (const file of await listRunFiles(baseDir, name)) {
    const end = findRunEnd(await readFile(file, "utf8"));
    if (end) return { file, time: end.time, summary: end.summary, interrupted: end.interrupted };
  }
  return undefined;
}

/** The journal files of the runs named `name`, newest first (absolute paths; [] when there are none). */
export async function listRunFiles(baseDir: string, name: string): Promise<string[]> {
  const dir = join(baseDir, RUNS_DIR);
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return [];
  }
  const suffix = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z-${escapeRegExp(safeName(name))}(-\\d+)?\\.jsonl$`);
  return files.filter((f) => suffix.test(f)).sort().reverse().map((f) => join(dir, f));
}

function findRunEnd(content: string): Extract<JournalEvent, { type: "run-end" }> | undefined {
  const lines = content.trimEnd().split("\n");
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    try {
      const event = JSON.parse(lines[i] ?? "") as JournalEvent;
      if (event.type === "run-end") return event;
    } catch {
      // A torn last line of a killed run: keep looking.
    }
  }
  return undefined;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
