// End to end: `desbumi sync` through main(argv, io) against the mock marketplace on 127.0.0.1:0.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { setInterruptSource } from "../../src/sync/interrupt.js";
import { capture, csvRow, makeIo, tempDir, writeCsv, type TestIo } from "../sync/harness.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ host: "127.0.0.1", port: 0, rateLimit: 10_000, burst: 10_000 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.reset();
  setInterruptSource(undefined);
});

const rows = (n: number, fields: Parameters<typeof csvRow>[1] = {}): string[] =>
  Array.from({ length: n }, (_, i) => csvRow(`MSK-${String(i + 1).padStart(3, "0")}`, { kategori: "Jamu", ...fields }));

function target(): string[] {
  return [
    "--marketplace", "tokopedia",
    "--base-url", server.url,
    "--token-url", server.tokenUrl,
    "--fs-id", String(server.fsId),
    "--shop-id", String(server.shopId),
  ];
}

async function sync(cwd: string, args: string[], io: TestIo = shopIo(cwd)): Promise<{ code: number; io: TestIo }> {
  const code = await main(["--lang", "en", "sync", ...args, ...target()], io);
  return { code, io };
}

function shopIo(cwd: string): TestIo {
  return makeIo({
    cwd,
    env: { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret },
  });
}

const live = () => server.listings().filter((l) => l.status !== 0);

describe("desbumi sync (mock marketplace)", () => {
  it("first sync creates all; the second plans nothing and writes nothing", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(5));
    const first = await sync(cwd, [file, "--yes"]);
    expect(first.io.stderr.text).toBe("");
    expect(first.code).toBe(0);
    expect(first.io.stdout.text).toContain("Plan: 5 to create, 0 to update, 0 to deactivate, 0 to reactivate, 0 unchanged.");
    expect(first.io.stdout.text).toContain("Applied: 5 created, 0 updated, 0 deactivated, 0 reactivated.");
    expect(live().map((l) => [l.sku, l.categoryId, l.price]).sort()).toEqual(
      ["MSK-001", "MSK-002", "MSK-003", "MSK-004", "MSK-005"].map((sku) => [sku, 2981, 25_000]),
    );

    const writes = server.stats().writes;
    const second = await sync(cwd, [file, "--yes"]);
    expect(second.code).toBe(0);
    expect(second.io.stdout.text).toContain("No changes: the shop already matches the catalogue.");
    expect(second.io.stdout.text).toContain("Plan: 0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 5 unchanged.");
    expect(server.stats().writes).toBe(writes);
  });

  it("a price edit plans one price update and applies it through the price endpoint", async () => {
    const cwd = await tempDir();
    const all = rows(3);
    await sync(cwd, [await writeCsv(cwd, "katalog.csv", all), "--yes"]);
    const edited = [...all];
    edited[1] = csvRow("MSK-002", { kategori: "Jamu", harga: "Rp 27.500" });
    const file = await writeCsv(cwd, "katalog.csv", edited);
    const before = server.stats().byRoute;
    const writesBefore = server.stats().writes;

    const { code, io } = await sync(cwd, [file, "--yes"]);
    expect(code).toBe(0);
    expect(io.stdout.text).toContain("~ update MSK-002\n    price: Rp 25.000 -> Rp 27.500\n");
    expect(io.stdout.text).toContain("Plan: 0 to create, 1 to update, 0 to deactivate, 0 to reactivate, 2 unchanged.");
    const after = server.stats().byRoute;
    const delta = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
    expect(delta("POST /inventory/v1/fs/:fs_id/price/update")).toBe(1);
    expect(server.stats().writes - writesBefore).toBe(1);
    expect(live().find((l) => l.sku === "MSK-002")?.price).toBe(27_500);
  });

  it("a removed row is deactivated only with --prune; the mass-deactivate guard holds", async () => {
    const cwd = await tempDir();
    const all = rows(10);
    await sync(cwd, [await writeCsv(cwd, "katalog.csv", all), "--yes"]);
    const file = await writeCsv(cwd, "katalog.csv", all.slice(0, 9));

    const kept = await sync(cwd, [file, "--yes"]);
    expect(kept.io.stdout.text).toContain("Not in catalogue, left alone: 1 listing (use --prune to deactivate): MSK-010");
    expect(live().find((l) => l.sku === "MSK-010")?.status).toBe(1);

    const pruned = await sync(cwd, [file, "--yes", "--prune"]);
    expect(pruned.code).toBe(0);
    expect(pruned.io.stdout.text).toContain("- deactivate MSK-010 (not in catalogue)");
    expect(live().find((l) => l.sku === "MSK-010")?.status).toBe(3);

    const few = await writeCsv(cwd, "katalog.csv", all.slice(0, 3));
    const writes = server.stats().writes;
    const guarded = await sync(cwd, [few, "--yes", "--prune"]);
    expect(guarded.code).toBe(1);
    expect(guarded.io.stdout.text).toContain("Refused: this plan deactivates 6 of 9 active listings (limit 20% = 1).");
    expect(server.stats().writes).toBe(writes);
  });

  it("--skip-invalid leaves the listings of invalid rows untouched", async () => {
    const cwd = await tempDir();
    await sync(cwd, [await writeCsv(cwd, "katalog.csv", rows(3)), "--yes"]);
    const file = await writeCsv(cwd, "katalog.csv", [
      csvRow("MSK-001", { kategori: "Jamu", stok: "7" }),
      csvRow("MSK-002", { kategori: "Jamu", stok: "banyak" }),
      csvRow("MSK-003", { kategori: "Sepatu Kulit" }),
    ]);
    const refused = await sync(cwd, [file, "--yes", "--prune"]);
    expect(refused.code).toBe(1);
    expect(refused.io.stdout.text).toContain("nothing was sent");

    const skipped = await sync(cwd, [file, "--yes", "--prune", "--skip-invalid"]);
    expect(skipped.code).toBe(1);
    expect(skipped.io.stdout.text).toContain("Rows with errors, their listings left alone: 2 (MSK-002, MSK-003)");
    expect(live().map((l) => [l.sku, l.stock, l.status]).sort()).toEqual([
      ["MSK-001", 7, 1],
      ["MSK-002", 10, 1],
      ["MSK-003", 10, 1],
    ]);
  });

  it("a refused catalogue still names the shop it was meant for (both before and after connecting)", async () => {
    const cwd = await tempDir();
    // A row error is found before connecting; an unknown category only after the tree is fetched.
    const rowError = await sync(cwd, [await writeCsv(cwd, "a.csv", [csvRow("MSK-001", { kategori: "Jamu", stok: "banyak" })]), "--yes"]);
    expect(rowError.code).toBe(1);
    expect(rowError.io.stdout.text).toMatch(/^Target: tokopedia shop \d+\nCatalogue: a\.csv\n/);
    const categoryError = await sync(cwd, [await writeCsv(cwd, "b.csv", [csvRow("MSK-001", { kategori: "Sepatu Kulit" })]), "--yes"]);
    expect(categoryError.code).toBe(1);
    expect(categoryError.io.stdout.text).toMatch(/^Target: Tokopedia shop \d+ \(127\.0\.0\.1:\d+\)\nCatalogue: b\.csv\n/);
    expect(server.stats().writes).toBe(0);

    const practice = makeIo({ cwd });
    expect(await main(["--lang", "en", "sync", "a.csv", "--yes"], practice)).toBe(1);
    expect(practice.stdout.text).toContain("[PRACTICE SHOP — not a real shop]");
  });

  it("--dry-run --detailed-exitcode: 3 with pending changes, 0 without; a dry run never writes", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(2));
    expect((await sync(cwd, [file, "--dry-run", "--detailed-exitcode"])).code).toBe(3);
    expect(server.stats().writes).toBe(0);
    await sync(cwd, [file, "--yes"]);
    expect((await sync(cwd, [file, "--dry-run", "--detailed-exitcode"])).code).toBe(0);
  });

  it("a new row marked nonaktif is created as an inactive listing, counted and shown; the rerun has nothing to do", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", [csvRow("MSK-001", { kategori: "Jamu" }), csvRow("MSK-002", { kategori: "Jamu", status: "nonaktif" })]);
    const planned = await sync(cwd, [file, "--dry-run"]);
    expect(planned.io.stdout.text).toContain("+ create MSK-002  Produk MSK-002  Rp 25.000  250 g  stock 10  (inactive: created but not for sale)");
    expect(planned.io.stdout.text).toContain("Plan: 2 to create, 0 to update, 0 to deactivate, 0 to reactivate, 0 unchanged.");

    const first = await sync(cwd, [file, "--yes"]);
    expect(first.code).toBe(0);
    expect(first.io.stdout.text).toContain("Applied: 2 created, 0 updated, 0 deactivated, 0 reactivated.");
    expect(live().map((l) => [l.sku, l.status]).sort()).toEqual([
      ["MSK-001", 1],
      ["MSK-002", 3],
    ]);
    const writes = server.stats().writes;
    const second = await sync(cwd, [file, "--yes"]);
    expect(second.code).toBe(0);
    expect(second.io.stdout.text).toContain("Plan: 0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 2 unchanged.");
    expect(server.stats().writes).toBe(writes);
  });

  it("a category or photo edit reads by name and file: category: Kopi (2982) -> Jamu (2981), images: 1 photo (changed: ...)", async () => {
    const cwd = await tempDir();
    await sync(cwd, [await writeCsv(cwd, "katalog.csv", [csvRow("MSK-001", { kategori: "Kopi" }), csvRow("MSK-002", { kategori: "Jamu" })]), "--yes"]);
    const edited = [csvRow("MSK-001", { kategori: "Jamu" }), csvRow("MSK-002", { kategori: "Jamu" }).replace("MSK-002.jpg", "MSK-002-baru.jpg")];
    const file = await writeCsv(cwd, "katalog.csv", edited);
    const planned = await sync(cwd, [file, "--dry-run", "--out", "plan.json"]);
    expect(planned.io.stdout.text).toContain("~ update MSK-001\n    category: Kopi (2982) -> Jamu (2981)\n");
    expect(planned.io.stdout.text).toContain("~ update MSK-002\n    images: 1 photo (changed: MSK-002.jpg -> MSK-002-baru.jpg)\n");
    // The plan document keeps the raw ids, with the names alongside; `apply` shows them the same way.
    const doc = JSON.parse(await readFile(join(cwd, "plan.json"), "utf8")) as { changes: { fields?: unknown[] }[]; names?: unknown };
    expect(doc.changes[0]?.fields).toEqual([{ field: "category", from: "2982", to: "2981" }]);
    expect(doc.names).toEqual({ categories: { "2981": "Jamu", "2982": "Kopi" } });
    const applied = shopIo(cwd);
    expect(await main(["--lang", "id", "apply", "plan.json", "--yes", ...target()], applied)).toBe(0);
    expect(applied.stdout.text).toContain("kategori: Kopi (2982) -> Jamu (2981)");
  });

  it("without a terminal and without --yes, shows the plan and applies nothing", async () => {
    const cwd = await tempDir();
    const { code, io } = await sync(cwd, [await writeCsv(cwd, "katalog.csv", rows(2))]);
    expect(code).toBe(0);
    expect(io.stdout.text).toContain("+ create MSK-001");
    expect(io.stdout.text).toContain("Not applied: no terminal to ask for confirmation. Run with --yes to apply.");
    expect(server.stats().writes).toBe(0);
  });

  it("an interrupted apply stops cleanly and a rerun converges without duplicates", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "katalog.csv", rows(40));
    const io = shopIo(cwd);
    // A terminal on stderr draws the progress bar per outcome: press "Ctrl-C" at the first one.
    let fire: (() => void) | undefined;
    setInterruptSource({ subscribe: (on) => ((fire = on), () => void (fire = undefined)) });
    const stderr = capture(true);
    io.stderr = Object.assign(stderr, {
      write(chunk: string) {
        stderr.text += chunk;
        if (/ [1-9]\d*\/40 done/.test(chunk)) fire?.();
        return true;
      },
    });

    const stopped = await sync(cwd, [file, "--yes", "--concurrency", "1"], io);
    expect(stopped.code).toBe(1);
    const [, done, notStarted] = /Stopped: (\d+) done, (\d+) not started — run sync again to finish\./.exec(stopped.io.stdout.text) ?? [];
    expect(Number(done) + Number(notStarted)).toBe(40);
    expect(Number(notStarted)).toBeGreaterThan(0);
    expect(live()).toHaveLength(Number(done));
    expect(stderr.text).toContain("Stopping: no new requests");
    expect(live().length).toBeGreaterThan(0);

    const rerun = await sync(cwd, [file, "--yes"]);
    expect(rerun.code).toBe(0);
    const skus = live().map((l) => l.sku);
    expect(new Set(skus).size).toBe(40);
    expect(skus).toHaveLength(40);
    expect((await sync(cwd, [file, "--dry-run", "--detailed-exitcode"])).code).toBe(0);

    const journals = (await readdir(join(cwd, ".desbumi", "runs"))).sort();
    const first = (await readFile(join(cwd, ".desbumi", "runs", journals[0] ?? ""), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(first.at(-1)).toMatchObject({ type: "run-end", interrupted: true });
  });

  it("journals hold no secrets", async () => {
    const cwd = await tempDir();
    await sync(cwd, [await writeCsv(cwd, "katalog.csv", rows(2)), "--yes"]);
    const [journal] = await readdir(join(cwd, ".desbumi", "runs"));
    const text = await readFile(join(cwd, ".desbumi", "runs", journal ?? ""), "utf8");
    expect(text).toContain('"type":"run-end"');
    expect(text).not.toContain(server.credentials.clientSecret);
    expect(text).not.toContain(server.credentials.clientId);
    expect(text).not.toMatch(/authorization|bearer|access_token/i);
  });

  it("no file and no config is a usage error explaining both ways", async () => {
    const cwd = await tempDir();
    const io = makeIo({ cwd });
    expect(await main(["--lang", "id", "sync"], io)).toBe(2);
    expect(io.stderr.text).toContain("Sebutkan file katalog (desbumi sync katalog.csv), atau buat desbumi.config.json dengan `desbumi init`");
  });

  it("--format json prints one sync document with the versioned plan", async () => {
    const cwd = await tempDir();
    const { code, io } = await sync(cwd, [await writeCsv(cwd, "katalog.csv", rows(1)), "--yes", "--format", "json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(io.stdout.text);
    expect(doc).toMatchObject({
      catalog: "katalog.csv",
      status: "applied",
      exitCode: 0,
      plan: { format: "desbumi-plan", version: 1, marketplace: "tokopedia", summary: { create: 1 } },
      result: { summary: { created: 1, failed: 0 }, interrupted: false },
    });
  });
});

describe("desbumi sync --format json: issues as validate prints them, and a document even when it cannot run", () => {
  it("issues carry code, location, value, message and hint in --lang, exactly as `validate --format json`", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "a.csv", [csvRow("MSK-001", { kategori: "Jamu", stok: "banyak" }), csvRow("MSK-002", { kategori: "Jamu" })]);
    const io = makeIo({ cwd });
    expect(await main(["--lang", "id", "sync", file, "--yes", "--format", "json", ...target()], io)).toBe(1);
    const doc = JSON.parse(io.stdout.text);
    expect(doc).toMatchObject({ status: "refused", exitCode: 1, catalog: "a.csv" });
    expect(doc.message).toMatch(/^Ditolak: katalog punya 1 kesalahan/);
    const validated = makeIo({ cwd });
    await main(["--lang", "id", "validate", file, "--format", "json"], validated);
    const expected = JSON.parse(validated.stdout.text).files[0].issues;
    expect(expected.length).toBeGreaterThan(0);
    expect(doc.issues).toEqual(expected.map((issue: object) => ({ ...issue, file: "a.csv" })));
    expect(doc.issues[0]).toMatchObject({ code: "INVALID_STOCK", severity: "error", line: 2, column: "stok", value: "banyak" });
    expect(doc.issues[0].message).toEqual(expect.any(String));
    expect(doc.issues[0].hint).toEqual(expect.any(String));
    expect(doc.issues[0]).not.toHaveProperty("args");
  });

  it("wrong credentials: exit 2, one JSON document (status error, message in --lang, catalogue, target), the line on stderr once", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "a.csv", rows(1));
    const io = makeIo({ cwd, env: { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: "not-the-secret" } });
    expect(await main(["--lang", "id", "sync", file, "--yes", "--format", "json", ...target()], io)).toBe(2);
    const doc = JSON.parse(io.stdout.text);
    expect(doc).toMatchObject({ catalog: "a.csv", status: "error", exitCode: 2, target: expect.stringMatching(/tokopedia.*480829/i) });
    expect(doc.message).toMatch(/^\[tokopedia\] /);
    // The same sentence as stderr (index.ts prints it there), in Indonesian, printed once per stream.
    expect(io.stderr.text.split(doc.message).length - 1).toBe(1);
    expect(io.stdout.text).not.toContain("not-the-secret");
    expect(io.stderr.text).not.toContain("not-the-secret");
    expect(server.stats().writes).toBe(0);
  });

  it("a missing file, a bad flag value and no file without a config each still print one document", async () => {
    const cwd = await tempDir();
    const missing = makeIo({ cwd });
    expect(await main(["--lang", "en", "sync", "nope.csv", "--format", "json", ...target()], missing)).toBe(2);
    expect(JSON.parse(missing.stdout.text)).toMatchObject({ catalog: "nope.csv", status: "error", exitCode: 2, message: expect.stringContaining("nope.csv") });

    const stray = makeIo({ cwd });
    await writeCsv(cwd, "a.csv", rows(1));
    expect(await main(["--lang", "en", "sync", "a.csv", "--format", "json", "--base-url", server.url], stray)).toBe(2);
    const strayDoc = JSON.parse(stray.stdout.text);
    expect(strayDoc).toMatchObject({ catalog: "a.csv", status: "error", exitCode: 2 });
    expect(strayDoc.message).toContain("--base-url only applies with --marketplace");
    expect(stray.stderr.text).toContain(strayDoc.message);

    const none = makeIo({ cwd });
    expect(await main(["--lang", "en", "sync", "--format", "json"], none)).toBe(2);
    expect(JSON.parse(none.stdout.text)).toMatchObject({
      format: "desbumi-sync-groups",
      version: 1,
      status: "error",
      exitCode: 2,
      message: expect.stringContaining("Name a catalogue file"),
      groups: [],
    });
  });
});

describe("desbumi sync with no file: every group of the config", () => {
  async function setUp(): Promise<string> {
    const cwd = await tempDir();
    const marketplace = { adapter: "tokopedia", baseUrl: server.url, tokenUrl: server.tokenUrl, fsId: server.fsId, shopId: server.shopId };
    await writeFile(
      join(cwd, "desbumi.config.json"),
      JSON.stringify({
        marketplace,
        groups: [
          { id: "alpha", name: "Kelompok Alpha", catalog: "a.csv" },
          // Wrong credentials for this group only: it cannot run, the others still do.
          { id: "beta", name: "Kelompok Beta", catalog: "b.csv", marketplace: { clientSecretEnv: "BETA_SECRET" } },
          { id: "gamma", name: "Kelompok Gamma", catalog: "c.csv" },
        ],
      }),
    );
    await writeCsv(cwd, "a.csv", [csvRow("AL-1", { kategori: "Jamu" }), csvRow("AL-2", { kategori: "Jamu" })]);
    await writeCsv(cwd, "b.csv", [csvRow("BE-1", { kategori: "Jamu" })]);
    await writeCsv(cwd, "c.csv", [csvRow("GA-1", { kategori: "Jamu" })]);
    return cwd;
  }

  const groupIo = (cwd: string): TestIo => {
    const io = shopIo(cwd);
    io.env.BETA_SECRET = "not-the-secret";
    return io;
  };

  it("syncs each group with its own plan; one failing group does not stop the others; the worst code wins", async () => {
    const cwd = await setUp();
    const io = groupIo(cwd);
    expect(await main(["--lang", "en", "sync", "--yes"], io)).toBe(2);
    expect(io.stdout.text).toContain("== Group Kelompok Alpha (alpha) ==");
    expect(io.stdout.text).toContain("== Group Kelompok Gamma (gamma) ==");
    expect(io.stdout.text).toMatch(/All groups:\n  Kelompok Alpha \(alpha\) — .*: applied: 2 created, 0 updated, 0 deactivated, 0 reactivated, 0 failed\n  Kelompok Beta \(beta\) — .*: COULD NOT RUN: .*\n  Kelompok Gamma \(gamma\) — .*: applied: 1 created/);
    expect(io.stdout.text).not.toContain("not-the-secret");
    expect(live().map((l) => l.sku).sort()).toEqual(["AL-1", "AL-2", "GA-1"]);
    const journals = await readdir(join(cwd, ".desbumi", "runs"));
    expect(journals.map((j) => j.replace(/^.*Z-/, "")).sort()).toEqual(["alpha.jsonl", "gamma.jsonl"]);
  });

  it("--format json: the group that cannot run is an error entry (message in --lang), the others are full documents", async () => {
    const cwd = await setUp();
    const io = groupIo(cwd);
    expect(await main(["--lang", "id", "sync", "--yes", "--format", "json"], io)).toBe(2);
    const doc = JSON.parse(io.stdout.text);
    expect(doc).toMatchObject({ format: "desbumi-sync-groups", version: 1, exitCode: 2 });
    expect(doc.groups.map((g: { group: string; status: string }) => [g.group, g.status])).toEqual([
      ["alpha", "applied"],
      ["beta", "error"],
      ["gamma", "applied"],
    ]);
    expect(doc.groups[1]).toMatchObject({ catalog: "b.csv", exitCode: 2, target: expect.stringMatching(/tokopedia/i) });
    expect(io.stderr.text).toContain(doc.groups[1].message);
  });

  it("--group picks one; an unknown id lists the groups", async () => {
    const cwd = await setUp();
    const io = groupIo(cwd);
    expect(await main(["--lang", "en", "sync", "--yes", "--group", "gamma"], io)).toBe(0);
    expect(live().map((l) => l.sku)).toEqual(["GA-1"]);
    const unknown = groupIo(cwd);
    expect(await main(["--lang", "en", "sync", "--group", "delta"], unknown)).toBe(2);
    expect(unknown.stderr.text).toMatch(/No group "delta" in .*desbumi\.config\.json\. Groups: alpha, beta, gamma/);
  });
});

describe("every group of a config synced to the practice shop: one shop per group", () => {
  async function setUp(): Promise<string> {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, "desbumi.config.json"),
      JSON.stringify({
        groups: [
          { id: "alpha", name: "Kelompok Alpha", catalog: "a.csv" },
          { id: "beta", name: "Kelompok Beta", catalog: "b.csv" },
        ],
      }),
    );
    await writeCsv(cwd, "a.csv", [csvRow("AL-1", { kategori: "Jamu", nama: "Jamu Alpha Kunyit Asam 250 ml" }), csvRow("AL-2", { kategori: "Kopi", nama: "Kopi Alpha Robusta Bubuk 250 gr" })]);
    await writeCsv(cwd, "b.csv", [csvRow("BE-1", { kategori: "Jamu", nama: "Jamu Beta Beras Kencur 250 ml" }), csvRow("BE-2", { kategori: "Kopi", nama: "Kopi Beta Arabika Bubuk 250 gr" })]);
    return cwd;
  }
  // Reviews settle at the next read: the prune below deactivates live products (a product still in
  // review cannot be deactivated, §4.4 of the reference; the next test covers that answer).
  const practice = async (cwd: string, args: string[]): Promise<{ code: number; io: TestIo }> => {
    const io = makeIo({ cwd, env: { DESBUMI_PRACTICE_REVIEW_MS: "0" } });
    return { code: await main(["--lang", "en", ...args], io), io };
  };
  const shopSkus = async (cwd: string, group: string): Promise<string[]> => {
    const { openTarget } = await import("../../src/target/open.js");
    const { silentLogger } = await import("../../src/log.js");
    const shop = await openTarget({ flags: {}, env: {}, baseDir: cwd, log: silentLogger(), group });
    try {
      return (await shop.adapter.listListings()).filter((l) => l.status === "active").map((l) => l.sku).sort();
    } finally {
      await shop.close();
    }
  };

  it("each group's shop holds only its products; the second sync has nothing to do; prune stays in its group", async () => {
    const cwd = await setUp();
    const first = await practice(cwd, ["sync", "--yes"]);
    expect(first.io.stderr.text).toBe("");
    expect(first.code).toBe(0);
    expect(first.io.stdout.text).toContain("practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop-alpha.json)");
    expect(first.io.stdout.text).toContain("practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop-beta.json)");
    expect(first.io.stdout.text).not.toContain("left alone");
    expect((await readdir(join(cwd, ".desbumi"))).filter((f) => f.startsWith("practice-shop") && f.endsWith(".json")).sort()).toEqual([
      "practice-shop-alpha.json",
      "practice-shop-beta.json",
    ]);
    expect(await shopSkus(cwd, "alpha")).toEqual(["AL-1", "AL-2"]);
    expect(await shopSkus(cwd, "beta")).toEqual(["BE-1", "BE-2"]);

    const second = await practice(cwd, ["sync", "--yes"]);
    expect(second.code).toBe(0);
    expect(second.io.stdout.text.split("No changes: the shop already matches the catalogue.")).toHaveLength(3);
    expect(second.io.stdout.text).not.toContain("left alone");
    expect(second.io.stdout.text).not.toMatch(/to create, [1-9]|[1-9]\d* to (create|update|deactivate|reactivate)/);

    // Alpha drops a row and prunes: only alpha's listing goes; beta's shop is untouched.
    await writeCsv(cwd, "a.csv", [csvRow("AL-1", { kategori: "Jamu", nama: "Jamu Alpha Kunyit Asam 250 ml" })]);
    const pruned = await practice(cwd, ["sync", "--yes", "--prune", "--allow-mass-deactivate"]);
    expect(pruned.code).toBe(0);
    expect(pruned.io.stdout.text).toContain("- deactivate AL-2 (not in catalogue)");
    expect(pruned.io.stdout.text).not.toMatch(/deactivate BE-/);
    expect(await shopSkus(cwd, "alpha")).toEqual(["AL-1"]);
    expect(await shopSkus(cwd, "beta")).toEqual(["BE-1", "BE-2"]);
  });

  it("a product still in review cannot be pruned yet: the item fails, says the next sync after the review does it, and stays listed", async () => {
    const cwd = await setUp();
    const inReview = async (args: string[]) => {
      const io = makeIo({ cwd }); // the practice shop's own one-minute review
      return { code: await main(["--lang", "en", ...args], io), io };
    };
    expect((await inReview(["sync", "--group", "alpha", "--yes"])).code).toBe(0);
    await writeCsv(cwd, "a.csv", [csvRow("AL-1", { kategori: "Jamu", nama: "Jamu Alpha Kunyit Asam 250 ml" })]);
    const pruned = await inReview(["sync", "--group", "alpha", "--yes", "--prune", "--allow-mass-deactivate"]);
    expect(pruned.code).toBe(1);
    expect(pruned.io.stdout.text).toContain("1 failed: SKU AL-2");
    expect(pruned.io.stdout.text).toContain("only a live product can be deactivated: the next sync after the review deactivates it");
    expect(await shopSkus(cwd, "alpha")).toEqual(["AL-1", "AL-2"]);
  });

  it("a saved group plan is applied to the same group's practice shop; a single file keeps the shared shop", async () => {
    const cwd = await setUp();
    expect((await practice(cwd, ["sync", "--yes"])).code).toBe(0);
    await writeCsv(cwd, "b.csv", [
      csvRow("BE-1", { kategori: "Jamu", nama: "Jamu Beta Beras Kencur 250 ml", harga: "Rp 30.000" }),
      csvRow("BE-2", { kategori: "Kopi", nama: "Kopi Beta Arabika Bubuk 250 gr" }),
    ]);
    const dry = await practice(cwd, ["sync", "--group", "beta", "--dry-run", "--out", "plan.json"]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, "plan.json"), "utf8"))).toMatchObject({
      group: "beta",
      target: "practice shop / toko latihan (Tokopedia & Shop, mock marketplace / marketplace tiruan, .desbumi/practice-shop-beta.json)",
      summary: { update: 1 },
    });
    const applied = await practice(cwd, ["apply", "plan.json", "--yes"]);
    expect(applied.io.stdout.text).toContain("Applied: 0 created, 1 updated, 0 deactivated, 0 reactivated.");
    expect(applied.code).toBe(0);
    expect((await practice(cwd, ["sync", "--group", "beta", "--dry-run", "--detailed-exitcode"])).code).toBe(0);

    // A catalogue file named on the command line, without --group, uses the shared practice shop.
    await writeCsv(cwd, "solo.csv", [csvRow("SO-1", { kategori: "Jamu", nama: "Jamu Solo Temulawak Segar 250 ml" })]);
    const solo = await practice(cwd, ["sync", "solo.csv", "--yes"]);
    expect(solo.code).toBe(0);
    expect(solo.io.stdout.text).toContain("(Tokopedia & Shop, mock marketplace, .desbumi/practice-shop.json)");
    expect(solo.io.stdout.text).not.toContain("left alone");
    expect(await shopSkus(cwd, "alpha")).toEqual(["AL-1", "AL-2"]);
  });
});

describe("every shipped catalogue fixture syncs into a fresh practice shop", () => {
  const folder = fileURLToPath(new URL("../../fixtures/catalogs/", import.meta.url));
  // The practice shop is a Tokopedia & Shop one: titles of 25..255 characters, a description on
  // every product, its own category tree (ids of the legacy Tokopedia tree are not in it) and the
  // attributes its categories require (Kain Batik: Bahan). Rows it would refuse are located at plan
  // time; these are all of them, per file ([code, line]).
  const REFUSED: Record<string, [string, number][]> = {
    "banyuwangi.csv": [],
    "bumi-adikusuma.csv": [["REQUIRED_VALUE_MISSING", 7]],
    "bumi-sejati.csv": [["REQUIRED_VALUE_MISSING", 7], ["ATTRIBUTE_REQUIRED", 2], ["ATTRIBUTE_REQUIRED", 3], ["ATTRIBUTE_REQUIRED", 4], ["ATTRIBUTE_REQUIRED", 5], ["NAME_TOO_SHORT", 9]],
    "dukuhdempok-jember.csv": [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((line) => ["CATEGORY_NOT_FOUND", line]),
    "indramayu.csv": [["REQUIRED_VALUE_MISSING", 4], ["CATEGORY_NOT_FOUND", 6], ["NAME_TOO_SHORT", 7], ["ATTRIBUTE_REQUIRED", 8], ["ATTRIBUTE_REQUIRED", 9], ["ATTRIBUTE_REQUIRED", 10], ["ATTRIBUTE_REQUIRED", 11]],
    "muiwo-leksono-titlerow.csv": [["MISSING_COLUMN", 3]],
    "muiwo-lipursari.csv": [],
    "muiwo-wonosobo.xlsx": [["CATEGORY_NOT_FOUND", 10], ["NAME_TOO_SHORT", 7], ["NAME_TOO_SHORT", 9]],
  };

  it("each file: the rows the shop accepts are created once, every other row is refused at plan time (located), the second sync has nothing to do", async () => {
    const files = (await readdir(folder)).filter((f) => /\.(csv|xlsx)$/.test(f)).sort();
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files).toContain("muiwo-wonosobo.xlsx");
    expect(files).toEqual(Object.keys(REFUSED).sort());
    for (const name of files) {
      const cwd = await tempDir();
      const dry = makeIo({ cwd });
      await main(["--lang", "en", "sync", join(folder, name), "--dry-run", "--skip-invalid", "--format", "json"], dry);
      const planned = JSON.parse(dry.stdout.text) as { issues?: { code: string; line: number; severity: string }[] };
      expect({ name, refused: (planned.issues ?? []).filter((i) => i.severity === "error").map((i) => [i.code, i.line]) }).toEqual({ name, refused: REFUSED[name] });

      const first = makeIo({ cwd });
      const code = await main(["--lang", "en", "sync", join(folder, name), "--yes", "--skip-invalid"], first);
      const clean = REFUSED[name]!.length === 0;
      expect({ name, code, stderr: first.stderr.text }).toEqual({ name, code: clean ? 0 : 1, stderr: "" });
      expect(first.stdout.text).not.toMatch(/\d+ failed|failed:/i);
      if (name === "dukuhdempok-jember.csv" || name === "muiwo-leksono-titlerow.csv") {
        expect(first.stdout.text).not.toContain("Applied:");
        continue;
      }
      expect(first.stdout.text).toMatch(/Applied: [1-9]\d* created, 0 updated, 0 deactivated, 0 reactivated\./);

      const second = makeIo({ cwd });
      expect(await main(["--lang", "en", "sync", join(folder, name), "--dry-run", "--skip-invalid"], second)).toBe(clean ? 0 : 1);
      expect(second.stdout.text).toContain("No changes: the shop already matches the catalogue.");
    }
  });
});

describe("the built CLI with a reader that stops early (| head)", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));

  /** Runs `node bin/desbumi.js ...`; closes our end of its stdout at once, or after the first chunk. */
  function runClosingStdout(args: string[], cwd: string, when: "at-once" | "after-first-chunk"): Promise<{ code: number | null; stderr: string; chunks: number }> {
    if (!existsSync(join(root, "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [join(root, "bin", "desbumi.js"), ...args], {
        cwd,
        env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      let chunks = 0;
      child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
      if (when === "at-once") child.stdout.destroy();
      else child.stdout.once("data", () => ((chunks += 1), child.stdout.destroy()));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stderr, chunks }));
    });
  }

  it("sync --help: exits 0 without a stack trace", async () => {
    const cwd = await tempDir();
    const run = await runClosingStdout(["sync", "--help"], cwd, "at-once");
    expect(run).toEqual({ code: 0, stderr: "", chunks: 0 });
  });

  it("validate with a long report: the run finishes with its own exit code, no EPIPE on stderr", async () => {
    const cwd = await tempDir();
    // 3,000 rows with a bad price: a report far longer than a pipe's buffer.
    await writeCsv(cwd, "katalog.csv", Array.from({ length: 3000 }, (_, i) => csvRow(`BAD-${i}`, { harga: "dua puluh ribu" })));
    const run = await runClosingStdout(["validate", "katalog.csv"], cwd, "after-first-chunk");
    expect(run.chunks).toBe(1);
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at |Error/);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });
});

describe("etalase written as names (tokopedia adapter, mock marketplace)", () => {
  const header = "sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,etalase,foto";
  const row = (sku: string, etalase: string): string =>
    [sku, `Produk ${sku}`, "Buatan warga desa", "25000", "10", "250 gr", "Jamu", "baru", "aktif", etalase, `https://img.desbumi.example/${sku}.jpg`].join(",");
  const writeCatalog = (cwd: string, rows: string[]) => writeFile(join(cwd, "etalase.csv"), `${[header, ...rows].join("\n")}\n`);

  /** The shop's etalase ids by name, asked through the adapter itself. */
  async function etalaseIds(names: string[]): Promise<Map<string, string>> {
    const { createTokopediaAdapter, tokopediaOptionsSchema } = await import("../../src/adapters/tokopedia/index.js");
    const { silentLogger } = await import("../../src/log.js");
    const options = tokopediaOptionsSchema.parse({ baseUrl: server.url, tokenUrl: server.tokenUrl, fsId: server.fsId, shopId: server.shopId });
    const env = { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret };
    const adapter = createTokopediaAdapter(options, { log: silentLogger(), env, cwd: "." });
    try {
      return await adapter.resolveEtalase!(names);
    } finally {
      await adapter.close();
    }
  }
  const etalaseOf = (sku: string): string => String(live().find((l) => l.sku === sku)?.etalaseId);

  it("names are sent as ids, compared by id on the next sync, and an unknown name is warned about and fails its create", async () => {
    const ids = await etalaseIds(["Minuman & Jamu", "Kerajinan", "Batik"]);
    const cwd = await tempDir();
    await writeCatalog(cwd, [row("ET-1", "minuman &  jamu"), row("ET-2", "Kerajinan"), row("ET-3", "")]);
    const first = await sync(cwd, ["etalase.csv", "--yes"]);
    expect(first.code).toBe(0);
    expect(etalaseOf("ET-1")).toBe(ids.get("Minuman & Jamu"));
    expect(etalaseOf("ET-2")).toBe(ids.get("Kerajinan"));
    expect(etalaseOf("ET-3")).toBe("null");

    const again = await sync(cwd, ["etalase.csv", "--yes"]);
    expect(again.io.stdout.text).toContain("No changes: the shop already matches the catalogue.");

    // Issue 12.6: the unknown name is predicted at plan time (a located error), so the run is
    // refused before sending; with --skip-invalid the other rows go ahead.
    await writeCatalog(cwd, [row("ET-1", "BATIK"), row("ET-2", "Kerajinan"), row("ET-3", ""), row("ET-4", "Rak Depan")]);
    const refused = await sync(cwd, ["etalase.csv", "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.io.stdout.text).toMatch(/etalase\.csv:5 .*Etalase "Rak Depan" is not in this shop/);
    expect(etalaseOf("ET-1")).toBe(ids.get("Minuman & Jamu"));
    const moved = await sync(cwd, ["etalase.csv", "--yes", "--skip-invalid"]);
    expect(moved.io.stdout.text).toContain("~ update ET-1");
    // The new etalase by the name the catalogue wrote; the old one is named by no row any more, so its id.
    expect(moved.io.stdout.text).toContain(`etalase: ${ids.get("Minuman & Jamu")} -> BATIK (${ids.get("Batik")})`);
    expect(moved.io.stdout.text).toContain("Plan: 0 to create, 1 to update, 0 to deactivate, 0 to reactivate, 2 unchanged.");
    expect(moved.code).toBe(1);
    expect(etalaseOf("ET-1")).toBe(ids.get("Batik"));
    expect(live().map((l) => l.sku).sort()).toEqual(["ET-1", "ET-2", "ET-3"]);
  });
});

describe("the practice shop served by another desbumi (e.g. `desbumi mock-server --state`)", () => {
  // The practice shop's catalogue: names of 25+ characters (its Tokopedia & Shop title rule).
  const practiceRows = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => csvRow(`MSK-${String(i + 1).padStart(3, "0")}`, { kategori: "Jamu", nama: `Jamu Kunyit Asam Segar Nomor ${i + 1}` }));
  const skusOf = (products: { skus: { seller_sku?: string }[] }[]): string[] => products.flatMap((p) => p.skus.map((s) => s.seller_sku ?? "")).sort();

  it("sync refuses with exit 2 instead of overwriting the other server's shop; nothing is lost", async () => {
    const cwd = await tempDir();
    const stateFile = join(cwd, ".desbumi", "practice-shop.json");
    // A first sync fills the practice shop; then a "mock-server --marketplace tiktok-shop" serves the same file.
    expect(await main(["--lang", "en", "sync", await writeCsv(cwd, "a.csv", practiceRows(2)), "--yes"], makeIo({ cwd }))).toBe(0);
    const { startTikTokMock } = await import("../../src/mock-server/tiktok-shop/index.js");
    const served = await startTikTokMock({ stateFile, rateLimit: 10_000 });
    try {
      const before = structuredClone(served.state.products);
      expect(skusOf(before)).toEqual(["MSK-001", "MSK-002"]);
      const io = makeIo({ cwd });
      const code = await main(["--lang", "en", "sync", await writeCsv(cwd, "b.csv", practiceRows(4)), "--yes", "--prune", "--allow-mass-deactivate"], io);
      expect(code).toBe(2);
      expect(io.stderr.text).toContain(
        `The practice shop (.desbumi/practice-shop.json) is open in another desbumi process (pid ${process.pid}), e.g. \`desbumi mock-server --marketplace tiktok-shop --state .desbumi/practice-shop.json\`. Stop it first, or sync through it: put the config block it printed in desbumi.config.json and TIKTOK_SHOP_APP_KEY / TIKTOK_SHOP_APP_SECRET in .env, then desbumi connect tiktok-shop --code CODE, then desbumi sync FILE`,
      );
      expect(served.state.products).toEqual(before);
      const inId = makeIo({ cwd });
      expect(await main(["--lang", "id", "sync", "b.csv", "--yes"], inId)).toBe(2);
      expect(inId.stderr.text).toContain("Toko latihan (.desbumi/practice-shop.json) sedang dibuka proses desbumi lain");
    } finally {
      await served.close();
    }
    // The served shop's file still has exactly its products; the lock is gone, so sync works again.
    const saved = JSON.parse(await readFile(stateFile, "utf8")) as { products: { skus: { seller_sku?: string }[] }[] };
    expect(skusOf(saved.products)).toEqual(["MSK-001", "MSK-002"]);
    expect(existsSync(`${stateFile}.lock`)).toBe(false);
    const after = makeIo({ cwd });
    expect(await main(["--lang", "en", "sync", "b.csv", "--yes"], after)).toBe(0);
    expect(after.stdout.text).toContain("Plan: 2 to create, 0 to update, 0 to deactivate, 0 to reactivate, 2 unchanged.");
  });

  it("a lock left by another live process is respected; one left by a finished process is taken over", async () => {
    const cwd = await tempDir();
    const file = await writeCsv(cwd, "a.csv", practiceRows(1));
    const lock = join(cwd, ".desbumi", "practice-shop.json.lock");
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    await new Promise((resolve) => child.once("spawn", resolve));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      await mkdir(join(cwd, ".desbumi"), { recursive: true });
      await writeFile(lock, `${child.pid}\n`);
      const io = makeIo({ cwd });
      expect(await main(["--lang", "en", "sync", file, "--yes"], io)).toBe(2);
      expect(io.stderr.text).toContain(`open in another desbumi process (pid ${child.pid})`);
    } finally {
      child.kill();
      await exited;
    }
    expect(await main(["--lang", "en", "sync", file, "--yes"], makeIo({ cwd }))).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
