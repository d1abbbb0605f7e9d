import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openJournal } from "../../src/journal/journal.js";
import { readLastRun } from "../../src/journal/read.js";

const summary = { created: 1, updated: 0, deactivated: 0, reactivated: 0, failed: 1, skipped: 0 };

describe("run journal", () => {
  it("writes one JSON object per line under .desbumi/runs, named by time and group", async () => {
    const baseDir = await mkdtemp(join(tmpdir(), "desbumi-journal-"));
    let tick = 0;
    const journal = openJournal({ baseDir, name: "muiwo", now: () => new Date(Date.UTC(2025, 0, 2, 3, 4, 5, tick++)) });
    journal.write({
      type: "run-start",
      group: "muiwo",
      marketplace: "tokopedia",
      target: "Tokopedia shop 1",
      catalog: "catalogs/muiwo.csv",
      planSummary: { create: 2, update: 0, deactivate: 0, reactivate: 0, unchanged: 0, leftAlone: 0 },
    });
    journal.write({ type: "intent", sku: "A", kind: "create" });
    journal.write({ type: "outcome", sku: "A", kind: "create", status: "applied", listingId: "9" });
    journal.write({ type: "intent", sku: "B", kind: "create" });
    journal.write({
      type: "outcome",
      sku: "B",
      kind: "create",
      status: "failed",
      error: { code: "PRD_X", message: "price below minimum", retryable: false },
    });
    journal.write({ type: "run-end", summary, interrupted: false });
    journal.close();

    expect(await readdir(join(baseDir, ".desbumi", "runs"))).toEqual(["2025-01-02T03-04-05-000Z-muiwo.jsonl"]);
    const lines = (await readFile(journal.path, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(["run-start", "intent", "outcome", "intent", "outcome", "run-end"]);
    expect(lines[2]).toEqual({ type: "outcome", time: "2025-01-02T03:04:05.003Z", sku: "A", kind: "create", status: "applied", listingId: "9" });

    expect(await readLastRun(baseDir, "muiwo")).toEqual({
      file: journal.path,
      time: "2025-01-02T03:04:05.006Z",
      summary,
      interrupted: false,
    });
    expect(await readLastRun(baseDir, "other")).toBeUndefined();
  });

  it("never overwrites a journal started in the same millisecond", async () => {
    const baseDir = await mkdtemp(join(tmpdir(), "desbumi-journal-"));
    const now = () => new Date(0);
    const a = openJournal({ baseDir, name: "x/y", now });
    const b = openJournal({ baseDir, name: "x/y", now });
    a.close();
    b.close();
    expect([a.path, b.path].map((p) => p.slice(p.lastIndexOf("/") + 1))).toEqual([
      "1970-01-01T00-00-00-000Z-x_y.jsonl",
      "1970-01-01T00-00-00-000Z-x_y-2.jsonl",
    ]);
  });
});
