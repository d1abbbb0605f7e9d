// Issue 17: one catalogue, several marketplaces: a plan per target, one question, target by target,
// one failing target does not stop the others, saved plans hold every target (apply --partial).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMemoryAdapter, memory, type MemoryAdapter } from "../../src/adapters/memory/index.js";
import type { AdapterDefinition } from "../../src/adapters/types.js";
import { AdapterError } from "../../src/errors.js";
import { runApplyFile } from "../../src/sync/run-apply.js";
import { runSync } from "../../src/sync/run-sync.js";
import type { SyncDeps } from "../../src/sync/run-catalog.js";
import { csvRow, makeCtx, makeIo, tempDir, writeCsv } from "./harness.js";

/** Two shops behind the group's two blocks (memory and tokopedia); `down` makes one unreachable. */
function twoShops(down = new Set<string>()) {
  const shops: Record<string, MemoryAdapter> = {
    memory: createMemoryAdapter({ label: "Shop A (memory)" }),
    tokopedia: createMemoryAdapter({ label: "Shop B (memory)" }),
  };
  const deps: SyncDeps = {
    openTarget: async (opts) => {
      const name = opts.marketplace?.adapter ?? "memory";
      if (down.has(name)) throw new AdapterError({ adapter: name, kind: "unreachable", message: { id: `${name} tidak bisa dihubungi`, en: `${name} is unreachable` } });
      const shop = shops[name]!;
      return { adapter: shop, definition: { ...memory, name } as AdapterDefinition<unknown>, isPracticeShop: false, label: shop.label, close: async () => undefined };
    },
  };
  return { shops, deps };
}

async function project(rows: string[], pricing?: unknown) {
  const dir = await tempDir();
  await writeCsv(dir, "k.csv", rows);
  writeFileSync(
    join(dir, "desbumi.config.json"),
    JSON.stringify({
      ...(pricing ? { pricing } : {}),
      groups: [{ id: "kopi", name: "Kopi Wonosobo", catalog: "k.csv", marketplaces: [{ adapter: "memory" }, { adapter: "tokopedia", fsId: 13004, shopId: 480829 }] }],
    }),
  );
  return dir;
}

describe("sync: several marketplaces per group", () => {
  it("plans each under its heading, asks once, applies both; a rerun is a no-op on both; a price edit is one change per marketplace", async () => {
    const dir = await project([csvRow("KP-1"), csvRow("KP-2")]);
    const { shops, deps } = twoShops();
    const io = makeIo({ cwd: dir, tty: true, answer: "y\n" });
    expect(await runSync(undefined, {}, makeCtx(io), deps)).toBe(0);
    const out = io.stdout.text;
    expect(out.match(/--- Marketplace: /g)).toHaveLength(2);
    // One question for both.
    expect(out.match(/\[y\/N\]/g)).toHaveLength(1);
    expect(out).toMatch(/In all: 4 changes on 2 marketplaces/);
    expect(out).toMatch(/Shop A \(memory\)\s+2\s+0\s+0\s+0\s+applied/);
    expect(out).toMatch(/Shop B \(memory\)\s+2\s+0\s+0\s+0\s+applied/);
    for (const shop of Object.values(shops)) expect((await shop.listListings()).map((l) => l.sku).sort()).toEqual(["KP-1", "KP-2"]);

    const again = makeIo({ cwd: dir, tty: true });
    expect(await runSync(undefined, {}, makeCtx(again), deps)).toBe(0);
    expect(again.stdout.text).not.toMatch(/\[y\/N\]/);
    expect(again.stdout.text).toMatch(/Shop A \(memory\)\s+0\s+0\s+0\s+0\s+up to date/);
    expect(again.stdout.text).toMatch(/Shop B \(memory\)\s+0\s+0\s+0\s+0\s+up to date/);

    writeFileSync(join(dir, "k.csv"), readFileSync(join(dir, "k.csv"), "utf8").replace('KP-2,Produk KP-2,Buatan warga desa,"Rp 25.000"', 'KP-2,Produk KP-2,Buatan warga desa,"Rp 27.500"'));
    const edit = makeIo({ cwd: dir });
    expect(await runSync(undefined, { yes: true, format: "json" }, makeCtx(edit), deps)).toBe(0);
    const doc = JSON.parse(edit.stdout.text);
    const kopi = doc.groups.filter((g: { group: string }) => g.group === "kopi");
    expect(kopi.map((g: { plan: { changes: { sku: string; fields: { field: string }[] }[] } }) => g.plan.changes.map((c) => [c.sku, c.fields.map((f) => f.field)]))).toEqual([
      [["KP-2", ["price"]]],
      [["KP-2", ["price"]]],
    ]);
    for (const shop of Object.values(shops)) expect((await shop.listListings()).find((l) => l.sku === "KP-2")?.price).toBe(27_500);
  });

  it("one marketplace down: the other is synced, the summary says which failed and how to rerun it", async () => {
    const dir = await project([csvRow("KP-1")]);
    const { shops, deps } = twoShops(new Set(["tokopedia"]));
    const io = makeIo({ cwd: dir });
    expect(await runSync(undefined, { yes: true }, makeCtx(io), deps)).toBe(2);
    expect((await shops.memory!.listListings()).map((l) => l.sku)).toEqual(["KP-1"]);
    expect(io.stdout.text).toMatch(/Shop A \(memory\)\s+1\s+0\s+0\s+0\s+applied/);
    expect(io.stdout.text).toMatch(/COULD NOT RUN/);
    expect(io.stdout.text).toMatch(/\[tokopedia\] tokopedia is unreachable — once fixed, run again: desbumi sync --group kopi --marketplace tokopedia/);
  });

  it("the config's pricing rule for one marketplace marks its price up and splits its stock; the other keeps the catalogue's", async () => {
    const dir = await project([csvRow("KP-1", { stok: "9" })], { tokopedia: { markupPercent: 10, roundTo: 500, stockPercent: 50 } });
    const { shops, deps } = twoShops();
    expect(await runSync(undefined, { yes: true }, makeCtx(makeIo({ cwd: dir })), deps)).toBe(0);
    expect((await shops.memory!.listListings()).map((l) => [l.price, l.stock])).toEqual([[25_000, 9]]);
    expect((await shops.tokopedia!.listListings()).map((l) => [l.price, l.stock])).toEqual([[27_500, 4]]);
    // And the rerun compares against the marked-up values: nothing to do.
    const again = makeIo({ cwd: dir });
    expect(await runSync(undefined, { yes: true }, makeCtx(again), deps)).toBe(0);
    expect(again.stdout.text.match(/up to date/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("--marketplace NAME syncs only that one of the group's marketplaces", async () => {
    const dir = await project([csvRow("KP-1")]);
    const { shops, deps } = twoShops();
    expect(await runSync(undefined, { yes: true, marketplace: "tokopedia" }, makeCtx(makeIo({ cwd: dir })), deps)).toBe(0);
    expect(await shops.memory!.listListings()).toEqual([]);
    expect((await shops.tokopedia!.listListings()).map((l) => l.sku)).toEqual(["KP-1"]);
  });

  it("--out saves every marketplace's plan; apply refuses all when one went stale, --partial applies the fresh one", async () => {
    const dir = await project([csvRow("KP-1")]);
    const { shops, deps } = twoShops();
    expect(await runSync(undefined, { dryRun: true, out: "plans.json" }, makeCtx(makeIo({ cwd: dir })), deps)).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, "plans.json"), "utf8"));
    expect(saved.format).toBe("desbumi-plans");
    expect(saved.plans.map((p: { target: string }) => p.target)).toEqual(["Shop A (memory)", "Shop B (memory)"]);

    // Someone lists KP-1 on shop B by hand meanwhile: B's plan (create KP-1) is stale.
    await shops.tokopedia!.apply([{ kind: "create", sku: "KP-1", product: saved.plans[1].changes[0].product }]);
    const refused = makeIo({ cwd: dir });
    expect(await runApplyFile("plans.json", { yes: true }, makeCtx(refused), deps)).toBe(1);
    expect(refused.stdout.text).toMatch(/nothing was sent to any marketplace\. Use --partial to apply the other 1 anyway/);
    expect(await shops.memory!.listListings()).toEqual([]);

    const partial = makeIo({ cwd: dir });
    expect(await runApplyFile("plans.json", { yes: true, partial: true }, makeCtx(partial), deps)).toBe(1);
    expect(partial.stdout.text).toMatch(/Skipped \(--partial\), stale plan: Shop B/);
    expect((await shops.memory!.listListings()).map((l) => l.sku)).toEqual(["KP-1"]);
  });
});
