import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSync } from "../../src/sync/run-sync.js";
import { runApplyFile } from "../../src/sync/run-apply.js";
import { AdapterError } from "../../src/errors.js";
import { processInterrupts } from "../../src/sync/interrupt.js";
import { csvRow, makeCtx, makeIo, memoryTarget, tempDir, writeCsv } from "./harness.js";

const rows = (n: number, price = "Rp 25.000"): string[] =>
  Array.from({ length: n }, (_, i) => csvRow(`MSK-${String(i + 1).padStart(3, "0")}`, { harga: price }));

describe("sync one catalogue (memory adapter)", () => {
  it("creates everything, then has nothing to do", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(3));
    const { shop, deps } = memoryTarget();

    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true }, makeCtx(io), deps())).toBe(0);
    expect(io.stdout.text).toContain("+ create MSK-001");
    expect(io.stdout.text).toContain("Plan: 3 to create, 0 to update, 0 to deactivate, 0 to reactivate, 0 unchanged.");
    expect(io.stdout.text).toContain("Applied: 3 created, 0 updated, 0 deactivated, 0 reactivated.");
    expect((await shop.listListings()).map((l) => l.sku).sort()).toEqual(["MSK-001", "MSK-002", "MSK-003"]);

    const writesBefore = shop.stats?.().writeRequests;
    const again = makeIo({ cwd });
    expect(await runSync(file, { yes: true }, makeCtx(again), deps())).toBe(0);
    expect(again.stdout.text).toContain("No changes: the shop already matches the catalogue.");
    expect(shop.stats?.().writeRequests).toBe(writesBefore);
    expect((await readdir(join(cwd, ".desbumi", "runs"))).length).toBe(2);
  });

  it("without a terminal and without --yes shows the plan and applies nothing", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(2));
    const { shop, deps } = memoryTarget();
    const io = makeIo({ cwd });
    expect(await runSync(file, {}, makeCtx(io), deps())).toBe(0);
    expect(io.stdout.text).toContain("Not applied: no terminal to ask for confirmation. Run with --yes to apply.");
    expect(await shop.listListings()).toEqual([]);
    expect(await runSync(file, { detailedExitcode: true }, makeCtx(makeIo({ cwd })), deps())).toBe(3);
  });

  it("asks on a terminal and applies only on yes", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(1));
    const { shop, deps } = memoryTarget();
    const no = makeIo({ cwd, tty: true, answer: "n\n" });
    expect(await runSync(file, {}, makeCtx(no, "id"), deps())).toBe(0);
    // issue 12.16: the question repeats the count and the target
    expect(no.stdout.text).toMatch(/Terapkan 1 perubahan ke .+\? \[y\/N\] /);
    expect(no.stdout.text).toContain("Tidak diterapkan.");
    expect(await shop.listListings()).toEqual([]);
    const yes = makeIo({ cwd, tty: true, answer: "ya\n" });
    expect(await runSync(file, {}, makeCtx(yes, "id"), deps())).toBe(0);
    expect(yes.stdout.text).toContain("Diterapkan: 1 dibuat");
    expect(await shop.listListings()).toHaveLength(1);
    expect(yes.stderr.text).toContain("1/1 selesai");
    const upToDate = makeIo({ cwd, tty: true });
    expect(await runSync(file, {}, makeCtx(upToDate, "id"), deps())).toBe(0);
    expect(upToDate.stdout.text).toContain("Tidak ada perubahan: toko sudah sesuai katalog.");
    expect(upToDate.stdout.text).not.toContain("Terapkan ");
    expect(upToDate.stderr.text).toBe("");
  });

  it("dry run with --detailed-exitcode: 3 with pending changes, 0 without; nothing written", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(2));
    const { shop, deps } = memoryTarget();
    expect(await runSync(file, { dryRun: true, detailedExitcode: true }, makeCtx(makeIo({ cwd })), deps())).toBe(3);
    expect(await runSync(file, { dryRun: true }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
    expect(shop.stats?.().writeRequests).toBe(0);
    await runSync(file, { yes: true }, makeCtx(makeIo({ cwd })), deps());
    expect(await runSync(file, { dryRun: true, detailedExitcode: true }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
  });

  it("a failed item is reported in the summary and exits 1", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(2));
    const { shop, deps } = memoryTarget();
    shop.failSku("MSK-002", { code: "PRD_PRICE", message: "price below minimum" });
    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true }, makeCtx(io), deps())).toBe(1);
    expect(io.stdout.text).toContain("Applied: 1 created, 0 updated, 0 deactivated, 0 reactivated. 1 failed: SKU MSK-002 (price below minimum; PRD_PRICE)");
  });

  it("refuses a catalogue with errors unless --skip-invalid, which never touches those listings", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    await runSync(await writeCsv(cwd, "katalog.csv", rows(3)), { yes: true }, makeCtx(makeIo({ cwd })), deps());
    const broken = await writeCsv(cwd, "katalog.csv", [
      csvRow("MSK-001", { harga: "Rp 30.000" }),
      csvRow("MSK-002", { harga: "mahal" }),
      csvRow("MSK-003", { harga: "Rp 31.000" }),
    ]);
    const refused = makeIo({ cwd });
    expect(await runSync(broken, { yes: true, prune: true }, makeCtx(refused), deps())).toBe(1);
    expect(refused.stdout.text).toMatch(/katalog\.csv:3 .*harga/);
    expect(refused.stdout.text).toContain("Refused: the catalogue has 1 error, so nothing was sent.");
    expect(shop.stats?.().writeRequests).toBe(3);

    const skipped = makeIo({ cwd });
    expect(await runSync(broken, { yes: true, prune: true, skipInvalid: true }, makeCtx(skipped), deps())).toBe(1);
    expect(skipped.stdout.text).toContain("Rows with errors, their listings left alone: 1 (MSK-002)");
    const prices = Object.fromEntries((await shop.listListings()).map((l) => [l.sku, [l.price, l.status]]));
    expect(prices).toEqual({ "MSK-001": [30_000, "active"], "MSK-002": [25_000, "active"], "MSK-003": [31_000, "active"] });
  });

  it("deactivates a removed row only with --prune, and the mass-deactivate guard holds", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    const all = rows(10);
    await runSync(await writeCsv(cwd, "katalog.csv", all), { yes: true }, makeCtx(makeIo({ cwd })), deps());

    const nine = await writeCsv(cwd, "katalog.csv", all.slice(0, 9));
    const kept = makeIo({ cwd });
    expect(await runSync(nine, { yes: true }, makeCtx(kept), deps())).toBe(0);
    expect(kept.stdout.text).toContain("Not in catalogue, left alone: 1 listing (use --prune to deactivate): MSK-010");
    const pruned = makeIo({ cwd });
    expect(await runSync(nine, { yes: true, prune: true }, makeCtx(pruned), deps())).toBe(0);
    expect(pruned.stdout.text).toContain("- deactivate MSK-010 (not in catalogue)");
    expect((await shop.listListings()).find((l) => l.sku === "MSK-010")?.status).toBe("inactive");

    const five = await writeCsv(cwd, "katalog.csv", all.slice(0, 5));
    const guarded = makeIo({ cwd });
    expect(await runSync(five, { yes: true, prune: true }, makeCtx(guarded), deps())).toBe(1);
    expect(guarded.stdout.text).toContain("Refused: this plan deactivates 4 of 9 active listings (limit 20% = 1).");
    expect((await shop.listListings()).filter((l) => l.status === "active")).toHaveLength(9);

    const empty = await writeCsv(cwd, "katalog.csv", []);
    const emptied = makeIo({ cwd });
    expect(await runSync(empty, { yes: true, prune: true, skipInvalid: true }, makeCtx(emptied), deps())).toBe(1);
    expect(emptied.stdout.text).toContain("Refused: the catalogue is empty and --prune would deactivate 9 listings (the whole shop).");
    expect((await shop.listListings()).filter((l) => l.status === "active")).toHaveLength(9);

    await writeCsv(cwd, "katalog.csv", all.slice(0, 5));
    expect(await runSync(five, { yes: true, prune: true, allowMassDeactivate: true }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
    expect((await shop.listListings()).filter((l) => l.status === "active")).toHaveLength(5);
  });

  it("an interrupted apply stops cleanly, and running sync again converges without duplicates", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(8));
    const { shop, deps } = memoryTarget();
    let fire: () => void = () => undefined;
    let seen = 0;
    const realApply = shop.apply.bind(shop);
    // Ctrl-C right after the third outcome: exactly where a facilitator might press it.
    shop.apply = (changes, opts = {}) =>
      realApply(changes, {
        ...opts,
        onOutcome: (o) => {
          opts.onOutcome?.(o);
          if (++seen === 3) fire();
        },
      });
    const interrupts = { subscribe: (on: () => void) => ((fire = on), () => void (fire = () => undefined)) };
    const io = makeIo({ cwd });
    expect(await runSync(file, { yes: true }, makeCtx(io), deps({ interrupts }))).toBe(1);
    expect(io.stdout.text).toContain("Stopped: 3 done, 5 not started — run sync again to finish.");
    expect(await shop.listListings()).toHaveLength(3);

    const journals = await readdir(join(cwd, ".desbumi", "runs"));
    const lines = (await readFile(join(cwd, ".desbumi", "runs", journals[0] ?? ""), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === "intent")).toHaveLength(3);
    expect(lines.filter((l) => l.type === "outcome").map((l) => l.status)).toEqual([...Array(3).fill("applied"), ...Array(5).fill("skipped")]);
    expect(lines.at(-1)).toMatchObject({ type: "run-end", interrupted: true, summary: { created: 3, skipped: 5 } });

    const rerun = makeIo({ cwd });
    expect(await runSync(file, { yes: true }, makeCtx(rerun), deps())).toBe(0);
    expect(rerun.stdout.text).toContain("Plan: 5 to create, 0 to update, 0 to deactivate, 0 to reactivate, 3 unchanged.");
    const skus = (await shop.listListings()).map((l) => l.sku).sort();
    expect(skus).toEqual([...new Set(skus)]);
    expect(skus).toHaveLength(8);
  });

  it("a saved plan is applied exactly, and refused once the shop changed", async () => {
    const cwd = await tempDir();
    const { shop, deps } = memoryTarget();
    await runSync(await writeCsv(cwd, "katalog.csv", rows(2)), { yes: true }, makeCtx(makeIo({ cwd })), deps());
    const file = await writeCsv(cwd, "katalog.csv", rows(2, "Rp 27.500"));

    expect(await runSync(file, { dryRun: true, out: "plan.json" }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
    const listing = (await shop.listListings()).find((l) => l.sku === "MSK-001");
    shop.seed([{ ...listing!, stock: 99 }]);
    const stale = makeIo({ cwd });
    expect(await runApplyFile("plan.json", { yes: true }, makeCtx(stale), deps())).toBe(1);
    expect(stale.stdout.text).toContain("Refused: this plan is stale, nothing was sent.");
    expect(stale.stdout.text).toMatch(/listing MSK-001 \(id \d+\) changed on the marketplace/);

    expect(await runSync(file, { dryRun: true, out: "plan.json" }, makeCtx(makeIo({ cwd })), deps())).toBe(0);
    const ok = makeIo({ cwd });
    expect(await runApplyFile("plan.json", { yes: true }, makeCtx(ok), deps())).toBe(0);
    expect(ok.stdout.text).toContain("Applied: 0 created, 2 updated");
    expect((await shop.listListings()).map((l) => l.price)).toEqual([27_500, 27_500]);
  });

  it("a marketplace that becomes unusable mid-run: summary and journal first, then the error (exit 2)", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(4));
    const { shop, deps } = memoryTarget();
    const realApply = shop.apply.bind(shop);
    shop.apply = async (changes, opts = {}) => {
      await realApply(changes.slice(0, 2), opts);
      throw new AdapterError({ adapter: "memory", kind: "auth", message: "token revoked" });
    };
    const io = makeIo({ cwd });
    await expect(runSync(file, { yes: true }, makeCtx(io), deps())).rejects.toBeInstanceOf(AdapterError);
    expect(io.stdout.text).toContain("Applied: 2 created, 0 updated, 0 deactivated, 0 reactivated.");
    expect(io.stdout.text).toContain("Stopped: 2 done, 2 not started — run sync again to finish.");
    const [journal] = await readdir(join(cwd, ".desbumi", "runs"));
    const last = JSON.parse((await readFile(join(cwd, ".desbumi", "runs", journal ?? ""), "utf8")).trim().split("\n").at(-1) ?? "");
    expect(last).toMatchObject({ type: "run-end", interrupted: true, summary: { created: 2 } });
  });
});

describe("--format json when the run cannot continue", () => {
  it("mid-run: the error document keeps the plan and the results so far; the error still reaches the caller", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(4));
    const { shop, deps } = memoryTarget();
    const realApply = shop.apply.bind(shop);
    shop.apply = async (changes, opts = {}) => {
      await realApply(changes.slice(0, 2), opts);
      throw new AdapterError({ adapter: "memory", kind: "auth", message: { en: "token revoked", id: "token dicabut" } });
    };
    const io = makeIo({ cwd });
    await expect(runSync(file, { yes: true, format: "json" }, makeCtx(io, "id"), deps())).rejects.toBeInstanceOf(AdapterError);
    const doc = JSON.parse(io.stdout.text);
    expect(doc).toMatchObject({
      catalog: "katalog.csv",
      target: "memory shop (test)",
      status: "error",
      exitCode: 2,
      message: "[memory] token dicabut",
      plan: { summary: { create: 4 } },
      result: { summary: { created: 2 }, interrupted: true },
    });
  });

  it("apply plan.json: a plan file that cannot be read still gives one error document", async () => {
    const cwd = await tempDir();
    const io = makeIo({ cwd });
    await expect(runApplyFile("missing-plan.json", { format: "json" }, makeCtx(io), memoryTarget().deps())).rejects.toThrow();
    expect(JSON.parse(io.stdout.text)).toMatchObject({ status: "error", exitCode: 2, message: expect.stringContaining("missing-plan.json") });
  });
});

describe("process interrupts", () => {
  it("listen to SIGINT and SIGTERM only while subscribed", () => {
    const before = [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];
    let calls = 0;
    const unsubscribe = processInterrupts.subscribe(() => void calls++);
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual(before.map((n) => n + 1));
    process.emit("SIGINT", "SIGINT");
    expect(calls).toBe(1);
    unsubscribe();
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual(before);
  });
});
