// Issue 13 item 3: `apply` accepted a tampered plan. At apply time the plan is made again from the
// catalogue and the live shop; only saved changes it still backs are sent, the guards run again,
// and every saved item ends with one outcome. Against the mock marketplace on 127.0.0.1 port 0.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAdapter, memory, type MemoryAdapter } from "../../src/adapters/memory/index.js";
import type { AdapterDefinition } from "../../src/adapters/types.js";
import { main } from "../../src/cli/index.js";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { runApplyFile } from "../../src/sync/run-apply.js";
import type { SyncDeps } from "../../src/sync/run-catalog.js";
import { runSync } from "../../src/sync/run-sync.js";
import { csvRow, makeCtx, makeIo, tempDir, writeCsv, type TestIo } from "./harness.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ host: "127.0.0.1", port: 0, rateLimit: 10_000, burst: 10_000 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => server.reset());

const target = (): string[] => [
  "--marketplace", "tokopedia",
  "--base-url", server.url,
  "--token-url", server.tokenUrl,
  "--fs-id", String(server.fsId),
  "--shop-id", String(server.shopId),
];

async function run(cwd: string, args: string[]): Promise<{ code: number; io: TestIo }> {
  const io = makeIo({
    cwd,
    env: { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret },
  });
  return { code: await main(["--lang", "en", ...args, ...target()], io), io };
}

const SKUS = ["A-1", "A-2", "A-3"];
const rows = (price: string) => SKUS.map((sku) => csvRow(sku, { kategori: "2981", harga: price }));
const live = () => server.listings().filter((l) => l.status !== 0);
const priceOf = (sku: string) => live().find((l) => l.sku === sku)?.price;

// The plan as JSON, loosely typed: the tests write what an attacker would.
type PlanJson = {
  catalog: { sha256: string };
  changes: Record<string, unknown>[];
  fingerprints: Record<string, string>;
  [key: string]: unknown;
};

/**
 * The shop has A-1..A-3 at Rp 10.000 and X-9 (in no row of the catalogue); the catalogue now says
 * Rp 12.000, and `plan.json` (3 updates) was saved by `sync --dry-run --out`.
 */
async function planned(cwd: string): Promise<PlanJson> {
  await writeCsv(cwd, "lain.csv", [csvRow("X-9", { kategori: "2981" })]);
  expect((await run(cwd, ["sync", "lain.csv", "--yes"])).code).toBe(0);
  expect((await run(cwd, ["sync", await writeCsv(cwd, "katalog.csv", rows("Rp 10.000")), "--yes"])).code).toBe(0);
  await writeCsv(cwd, "katalog.csv", rows("Rp 12.000"));
  const dry = await run(cwd, ["sync", "katalog.csv", "--dry-run", "--out", "plan.json"]);
  expect(dry.code).toBe(0);
  return readPlan(cwd, "plan.json");
}

const readPlan = async (cwd: string, name: string): Promise<PlanJson> => JSON.parse(await readFile(join(cwd, name), "utf8")) as PlanJson;
const writePlan = (cwd: string, name: string, plan: unknown) => writeFile(join(cwd, name), JSON.stringify(plan, null, 2));
const updateOf = (plan: PlanJson, sku: string) => plan.changes.find((c) => c.sku === sku && c.kind === "update") as Record<string, unknown> & { fields: { field: string; to: unknown }[]; product: Record<string, unknown> };

async function journalOutcomes(cwd: string): Promise<Record<string, unknown>[]> {
  const dir = join(cwd, ".desbumi", "runs");
  const files = (await readdir(dir)).filter((f) => f.endsWith("-katalog.jsonl")).sort();
  const last = files.at(-1);
  if (last === undefined) return [];
  return (await readFile(join(dir, last), "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => e.type === "outcome");
}

describe("apply re-derives a saved plan and sends only what the catalogue backs (issue 13 item 3)", () => {
  it("deactivating every listing (one not in the catalogue) is refused without --allow-mass-deactivate; with it, only what the catalogue backs goes", async () => {
    const cwd = await tempDir();
    const plan = await planned(cwd);
    // The attacker needs X-9's fingerprint too (else apply refuses it as changed): a pruning plan has it.
    const pruning = await run(cwd, ["sync", "katalog.csv", "--prune", "--dry-run", "--out", "pruning.json"]);
    expect(pruning.code).toBe(0);
    Object.assign(plan.fingerprints, (await readPlan(cwd, "pruning.json")).fingerprints);
    for (const l of live()) {
      plan.changes.push({ kind: "deactivate", sku: l.sku, listingId: String(l.productId), reason: "pruned", fields: [] });
    }
    await writePlan(cwd, "plan.json", plan);
    const writes = server.stats().writes;

    const refused = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.io.stdout.text).toContain("Refused: this plan deactivates 4 of 4 active listings");
    expect(refused.io.stdout.text).toContain("--allow-mass-deactivate");
    expect(server.stats().writes).toBe(writes);
    expect(live().every((l) => l.status === 1)).toBe(true);

    const allowed = await run(cwd, ["apply", "plan.json", "--yes", "--allow-mass-deactivate"]);
    expect(allowed.code).toBe(1);
    const out = allowed.io.stdout.text;
    expect(out).toContain("3 of this plan's 7 changes are not applied");
    for (const sku of SKUS) {
      expect(out).toMatch(new RegExp(`deactivate ${sku} \\(id \\d+\\): not applied: the catalogue no longer asks for this \\(the catalogue asks to update it, not to deactivate it\\)`));
    }
    expect(out).toContain("Applied: 0 created, 3 updated, 1 deactivated, 0 reactivated.");
    // The rows the catalogue keeps stay for sale; X-9 is in no row, as `sync --prune` would deactivate it.
    expect(live().filter((l) => l.status === 1).map((l) => l.sku).sort()).toEqual(SKUS);
    expect(SKUS.map(priceOf)).toEqual([12_000, 12_000, 12_000]);
  });

  it("a price changed to 100 is not applied; the others are, and every item has one outcome (summary, JSON, journal)", async () => {
    const cwd = await tempDir();
    const plan = await planned(cwd);
    const a2 = updateOf(plan, "A-2");
    a2.fields = a2.fields.map((f) => (f.field === "price" ? { ...f, to: 100 } : f));
    a2.product = { ...a2.product, price: 100 };
    await writePlan(cwd, "plan.json", plan);

    const { code, io } = await run(cwd, ["apply", "plan.json", "--yes", "--format", "json"]);
    expect(code).toBe(1);
    expect(io.stderr.text).toMatch(/update A-2 \(id \d+\): not applied: the catalogue no longer asks for this \(price Rp 100 is not the catalogue's Rp 12\.000\)/);
    expect(io.stderr.text).toContain("Applied: 0 created, 2 updated, 0 deactivated, 0 reactivated.");
    expect(SKUS.map(priceOf)).toEqual([12_000, 10_000, 12_000]);

    const doc = JSON.parse(io.stdout.text) as { exitCode: number; result: { outcomes: { sku: string; status: string; reason?: string }[] } };
    expect(doc.exitCode).toBe(1);
    expect(doc.result.outcomes.map((o) => [o.sku, o.status])).toEqual([["A-1", "applied"], ["A-2", "skipped"], ["A-3", "applied"]]);
    expect(doc.result.outcomes[1]?.reason).toBe("not applied: the catalogue no longer asks for this (price Rp 100 is not the catalogue's Rp 12.000)");
    const journaled = await journalOutcomes(cwd);
    expect(journaled.map((o) => [o.sku, o.status]).sort()).toEqual([["A-1", "applied"], ["A-2", "skipped"], ["A-3", "applied"]]);
  });

  it("the same in Indonesian", async () => {
    const cwd = await tempDir();
    const plan = await planned(cwd);
    const a2 = updateOf(plan, "A-2");
    a2.fields = a2.fields.map((f) => (f.field === "price" ? { ...f, to: 100 } : f));
    await writePlan(cwd, "plan.json", plan);
    const io = makeIo({ cwd, env: { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret } });
    expect(await main(["--lang", "id", "apply", "plan.json", "--yes", ...target()], io)).toBe(1);
    expect(io.stdout.text).toContain("1 dari 3 perubahan di rencana ini tidak diterapkan");
    expect(io.stdout.text).toContain("tidak diterapkan: katalog tidak lagi meminta ini (harga Rp 100 bukan Rp 12.000 dari katalog)");
    expect(priceOf("A-2")).toBe(10_000);
  });

  it("a create for a SKU the catalogue does not have is not applied", async () => {
    const cwd = await tempDir();
    const plan = await planned(cwd);
    const product = { ...updateOf(plan, "A-1").product, sku: "EVIL-1", name: "Produk EVIL-1" };
    plan.changes.unshift({ kind: "create", sku: "EVIL-1", product });
    await writePlan(cwd, "plan.json", plan);

    const { code, io } = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(code).toBe(1);
    expect(io.stdout.text).toContain("create EVIL-1: not applied: the catalogue has no SKU EVIL-1");
    expect(io.stdout.text).toContain("Applied: 0 created, 3 updated, 0 deactivated, 0 reactivated.");
    expect(live().map((l) => l.sku)).not.toContain("EVIL-1");
  });

  it("a rewritten catalogue hash: a made-up one is stale; one matching the edited file is re-derived, and nothing the new file does not ask for is sent", async () => {
    const cwd = await tempDir();
    const plan = await planned(cwd);
    await writeCsv(cwd, "katalog.csv", rows("Rp 15.000"));

    await writePlan(cwd, "plan.json", { ...plan, catalog: { ...plan.catalog, sha256: "0".repeat(64) } });
    const madeUp = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(madeUp.code).toBe(1);
    expect(madeUp.io.stdout.text).toContain("Refused: this plan is stale, nothing was sent.");
    expect(madeUp.io.stdout.text).toContain("the catalogue file katalog.csv changed since the plan was made");

    const current = createHash("sha256").update(await readFile(join(cwd, "katalog.csv"))).digest("hex");
    await writePlan(cwd, "plan.json", { ...plan, catalog: { ...plan.catalog, sha256: current } });
    const writes = server.stats().writes;
    const matching = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(matching.code).toBe(1);
    expect(matching.io.stdout.text).toContain("3 of this plan's 3 changes are not applied");
    expect(matching.io.stdout.text).toContain("price Rp 12.000 is not the catalogue's Rp 15.000");
    expect(server.stats().writes).toBe(writes);
    expect(SKUS.map(priceOf)).toEqual([10_000, 10_000, 10_000]);
  });

  it("an untampered plan still applies exactly as before: every change, exit 0, nothing withheld", async () => {
    const cwd = await tempDir();
    await planned(cwd);
    // A row made inactive and a new row too, so the plan has each kind the catalogue can ask for.
    await writeCsv(cwd, "katalog.csv", [...rows("Rp 12.000").slice(0, 2), csvRow("A-3", { kategori: "2981", harga: "Rp 12.000", status: "nonaktif" }), csvRow("B-1", { kategori: "2981" })]);
    expect((await run(cwd, ["sync", "katalog.csv", "--dry-run", "--out", "plan.json"])).code).toBe(0);
    const plan = await readPlan(cwd, "plan.json");
    expect(plan.changes.map((c) => `${String(c.kind)} ${String(c.sku)}`)).toEqual(["update A-1", "update A-2", "deactivate A-3", "create B-1"]);

    const reads = () => Object.entries(server.stats().byRoute).filter(([route]) => route.startsWith("GET")).reduce((n, [, c]) => n + c, 0);
    const beforeDry = reads();
    await run(cwd, ["sync", "katalog.csv", "--dry-run"]);
    const dryReads = reads() - beforeDry;
    const beforeApply = reads();
    const { code, io } = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(code).toBe(0);
    // The shop is read as often as by a dry run: the stale check and the plan made again share one listing.
    expect(reads() - beforeApply).toBe(dryReads);
    expect(io.stdout.text).not.toContain("not applied");
    expect(io.stdout.text).toContain("Applied: 1 created, 2 updated, 1 deactivated, 0 reactivated.");
    expect(live().map((l) => [l.sku, l.price, l.status]).sort()).toEqual([
      ["A-1", 12_000, 1],
      ["A-2", 12_000, 1],
      ["A-3", 12_000, 3],
      ["B-1", 25_000, 1],
      ["X-9", 25_000, 1],
    ]);
    expect((await run(cwd, ["sync", "katalog.csv", "--dry-run", "--detailed-exitcode"])).code).toBe(0);
  });
});

describe("a multi-plan file (desbumi-plans) is narrowed plan by plan", () => {
  /** Two shops behind the group's two blocks (memory and tokopedia), as in several-marketplaces.test.ts. */
  function twoShops() {
    const shops: Record<string, MemoryAdapter> = {
      memory: createMemoryAdapter({ label: "Shop A (memory)" }),
      tokopedia: createMemoryAdapter({ label: "Shop B (memory)" }),
    };
    const deps: SyncDeps = {
      openTarget: async (opts) => {
        const name = opts.marketplace?.adapter ?? "memory";
        const shop = shops[name]!;
        return { adapter: shop, definition: { ...memory, name } as AdapterDefinition<unknown>, isPracticeShop: false, label: shop.label, close: async () => undefined };
      },
    };
    return { shops, deps };
  }

  async function project(): Promise<string> {
    const dir = await tempDir();
    await writeCsv(dir, "k.csv", [csvRow("KP-1"), csvRow("KP-2")]);
    await writeFile(
      join(dir, "desbumi.config.json"),
      JSON.stringify({ groups: [{ id: "kopi", name: "Kopi", catalog: "k.csv", marketplaces: [{ adapter: "memory" }, { adapter: "tokopedia", fsId: 13004, shopId: 480829 }] }] }),
    );
    return dir;
  }

  it("a tampered price and an extra create in one plan are withheld; the rest of both plans is applied", async () => {
    const dir = await project();
    const { shops, deps } = twoShops();
    expect(await runSync(undefined, { dryRun: true, out: "plans.json" }, makeCtx(makeIo({ cwd: dir })), deps)).toBe(0);
    const saved = JSON.parse(await readFile(join(dir, "plans.json"), "utf8")) as { format: string; plans: PlanJson[] };
    expect(saved.format).toBe("desbumi-plans");
    const b = saved.plans[1]!;
    const kp2 = b.changes.find((c) => c.sku === "KP-2") as { product: Record<string, unknown> };
    kp2.product = { ...kp2.product, price: 100 };
    b.changes.push({ kind: "create", sku: "EVIL-1", product: { ...kp2.product, sku: "EVIL-1", name: "Produk EVIL-1" } });
    await writeFile(join(dir, "plans.json"), JSON.stringify(saved));

    const io = makeIo({ cwd: dir });
    expect(await runApplyFile("plans.json", { yes: true }, makeCtx(io), deps)).toBe(1);
    expect(io.stdout.text).toContain("create KP-2: not applied: the catalogue no longer asks for this (price Rp 100 is not the catalogue's Rp 25.000)");
    expect(io.stdout.text).toContain("create EVIL-1: not applied: the catalogue has no SKU EVIL-1");
    expect((await shops.memory!.listListings()).map((l) => [l.sku, l.price])).toEqual([["KP-1", 25_000], ["KP-2", 25_000]]);
    expect((await shops.tokopedia!.listListings()).map((l) => [l.sku, l.price])).toEqual([["KP-1", 25_000]]);
  });

  it("a mass deactivation in one plan refuses the whole file (nothing sent anywhere) unless --partial", async () => {
    const dir = await project();
    const { shops, deps } = twoShops();
    expect(await runSync(undefined, { yes: true }, makeCtx(makeIo({ cwd: dir })), deps)).toBe(0);
    await writeCsv(dir, "k.csv", [csvRow("KP-1", { harga: "Rp 30.000" }), csvRow("KP-2", { harga: "Rp 30.000" })]);
    expect(await runSync(undefined, { dryRun: true, out: "plans.json" }, makeCtx(makeIo({ cwd: dir })), deps)).toBe(0);
    const saved = JSON.parse(await readFile(join(dir, "plans.json"), "utf8")) as { plans: PlanJson[] };
    const a = saved.plans[0]!;
    for (const l of await shops.memory!.listListings()) a.changes.push({ kind: "deactivate", sku: l.sku, listingId: l.id, reason: "catalog-inactive", fields: [] });
    await writeFile(join(dir, "plans.json"), JSON.stringify(saved));

    const io = makeIo({ cwd: dir });
    expect(await runApplyFile("plans.json", { yes: true }, makeCtx(io), deps)).toBe(1);
    expect(io.stdout.text).toContain("nothing was sent to any marketplace");
    expect(io.stdout.text).toContain("Refused: this plan deactivates 2 of 2 active listings");
    for (const shop of Object.values(shops)) expect((await shop.listListings()).map((l) => [l.price, l.status])).toEqual([[25_000, "active"], [25_000, "active"]]);

    const partial = makeIo({ cwd: dir });
    expect(await runApplyFile("plans.json", { yes: true, partial: true }, makeCtx(partial), deps)).toBe(1);
    expect((await shops.memory!.listListings()).map((l) => [l.price, l.status])).toEqual([[25_000, "active"], [25_000, "active"]]);
    expect((await shops.tokopedia!.listListings()).map((l) => [l.price, l.status])).toEqual([[30_000, "active"], [30_000, "active"]]);
  });
});
