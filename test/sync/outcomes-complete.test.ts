// Regression, issue 13 item 15: every item of the plan ends with exactly one outcome in the journal,
// the summary and the JSON, on every path that stops a run (credentials revoked mid-run with a
// write in flight, Ctrl-C, marketplace gone).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AdapterError } from "../../src/errors.js";
import { runSync } from "../../src/sync/run-sync.js";
import type { InterruptSource } from "../../src/sync/interrupt.js";
import { csvRow, makeCtx, makeIo, memoryTarget, tempDir, writeCsv } from "./harness.js";

const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => csvRow(`MSK-${String(i + 1).padStart(3, "0")}`));

async function journalLines(cwd: string): Promise<Record<string, any>[]> {
  const [journal] = await readdir(join(cwd, ".desbumi", "runs"));
  return (await readFile(join(cwd, ".desbumi", "runs", journal ?? ""), "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

function expectOneOutcomeEach(lines: Record<string, any>[], skus: string[]): void {
  const outcomes = lines.filter((l) => l.type === "outcome").map((l) => l.sku).sort();
  expect(outcomes).toEqual(skus);
  const intents = lines.filter((l) => l.type === "intent").map((l) => l.sku);
  for (const sku of intents) expect(outcomes).toContain(sku);
}

describe("one outcome per plan item when a run stops (issue 13 item 15)", () => {
  it("credentials revoked mid-run with one write in flight: summary, journal and JSON all account for all 6", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(6));
    const { shop, deps } = memoryTarget();
    const realApply = shop.apply.bind(shop);
    shop.apply = async (changes, opts = {}) => {
      await realApply(changes.slice(0, 2), opts);
      opts.onIntent?.(changes[2]!); // sent, never answered
      throw new AdapterError({ adapter: "memory", kind: "auth", message: "token revoked" });
    };
    const io = makeIo({ cwd });
    await expect(runSync(file, { yes: true, format: "json" }, makeCtx(io), deps())).rejects.toBeInstanceOf(AdapterError);

    const doc = JSON.parse(io.stdout.text);
    expect(doc.result.outcomes).toHaveLength(6);
    expect(doc.result.summary).toEqual({ created: 2, updated: 0, deactivated: 0, reactivated: 0, failed: 1, skipped: 3 });
    expect(doc.result.outcomes[2]).toMatchObject({ sku: "MSK-003", status: "failed", error: { code: "OUTCOME_UNKNOWN", retryable: true } });
    expect(io.stderr.text).toContain("Stopped: 3 done, 3 not started — run sync again to finish.");

    const lines = await journalLines(cwd);
    expectOneOutcomeEach(lines, ["MSK-001", "MSK-002", "MSK-003", "MSK-004", "MSK-005", "MSK-006"]);
    expect(lines.at(-1)).toMatchObject({ type: "run-end", interrupted: true, summary: { created: 2, failed: 1, skipped: 3 } });
  });

  it("an adapter that returns fewer outcomes than changes (Ctrl-C): the rest are skipped, once each", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(5));
    const { shop, deps } = memoryTarget();
    const realApply = shop.apply.bind(shop);
    let fire: () => void = () => undefined;
    const interrupts: InterruptSource = { subscribe: (on) => ((fire = on), () => undefined) };
    shop.apply = async (changes, opts = {}) => {
      const done = await realApply(changes.slice(0, 1), opts);
      fire();
      return done;
    };
    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true }, makeCtx(io), deps({ interrupts }))).toBe(1);
    expect(io.stdout.text).toContain("Stopped: 1 done, 4 not started — run sync again to finish.");
    const lines = await journalLines(cwd);
    expectOneOutcomeEach(lines, ["MSK-001", "MSK-002", "MSK-003", "MSK-004", "MSK-005"]);
    expect(lines.at(-1)).toMatchObject({ type: "run-end", interrupted: true, summary: { created: 1, skipped: 4 } });
  });
});
