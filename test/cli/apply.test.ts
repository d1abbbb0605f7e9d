// End to end: `desbumi sync --dry-run --out plan.json` then `desbumi apply plan.json`, against the mock.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { csvRow, makeIo, tempDir, writeCsv, type TestIo } from "../sync/harness.js";

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

const rows = (price: string) => ["A-1", "A-2", "A-3"].map((sku) => csvRow(sku, { kategori: "2981", harga: price }));
const live = () => server.listings().filter((l) => l.status !== 0);

async function planned(cwd: string): Promise<void> {
  await run(cwd, ["sync", await writeCsv(cwd, "katalog.csv", rows("Rp 10.000")), "--yes"]);
  await writeCsv(cwd, "katalog.csv", rows("Rp 12.000"));
  const dry = await run(cwd, ["sync", "katalog.csv", "--dry-run", "--out", "plan.json"]);
  expect(dry.code).toBe(0);
  expect(dry.io.stdout.text).toContain("Plan saved to plan.json; apply it with: desbumi apply plan.json");
}

describe("desbumi apply plan.json", () => {
  it("applies exactly the saved plan, which holds no secrets", async () => {
    const cwd = await tempDir();
    await planned(cwd);
    const saved = await readFile(join(cwd, "plan.json"), "utf8");
    expect(saved).not.toContain(server.credentials.clientSecret);
    expect(saved).not.toContain(server.credentials.clientId);
    expect(JSON.parse(saved)).toMatchObject({ format: "desbumi-plan", version: 1, summary: { update: 3 } });

    const { code, io } = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(code).toBe(0);
    expect(io.stdout.text).toContain("Applied: 0 created, 3 updated, 0 deactivated, 0 reactivated.");
    expect(live().map((l) => l.price)).toEqual([12_000, 12_000, 12_000]);
  });

  it("refuses when a listing it touches changed since, and sends nothing", async () => {
    const cwd = await tempDir();
    await planned(cwd);
    // Someone edits A-2's stock on the marketplace (here: another catalogue synced to the same shop).
    await writeCsv(cwd, "other.csv", [csvRow("A-2", { kategori: "2981", harga: "Rp 10.000", stok: "3" })]);
    expect((await run(cwd, ["sync", "other.csv", "--yes"])).code).toBe(0);
    const writes = server.stats().writes;

    const { code, io } = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(code).toBe(1);
    expect(io.stdout.text).toContain("Refused: this plan is stale, nothing was sent. Run `desbumi sync` again to make a fresh plan.");
    expect(io.stdout.text).toMatch(/listing A-2 \(id \d+\) changed on the marketplace/);
    expect(server.stats().writes).toBe(writes);
  });

  it("refuses when the catalogue file changed, or a SKU to create now exists", async () => {
    const cwd = await tempDir();
    await planned(cwd);
    await writeFile(join(cwd, "katalog.csv"), (await readFile(join(cwd, "katalog.csv"), "utf8")) + "\n");
    const changed = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(changed.code).toBe(1);
    expect(changed.io.stdout.text).toContain("the catalogue file katalog.csv changed since the plan was made");

    await writeCsv(cwd, "baru.csv", [csvRow("B-1", { kategori: "2981" })]);
    await run(cwd, ["sync", "baru.csv", "--dry-run", "--out", "plan-baru.json"]);
    await run(cwd, ["sync", "baru.csv", "--yes"]);
    const exists = await run(cwd, ["apply", "plan-baru.json", "--yes"]);
    expect(exists.code).toBe(1);
    expect(exists.io.stdout.text).toContain("SKU B-1, to be created, now exists on the marketplace");
    expect(live().filter((l) => l.sku === "B-1")).toHaveLength(1);
  });

  it("a file that is not a plan is a usage error (exit 2)", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "plan.json"), JSON.stringify({ format: "desbumi-plan", version: 9 }));
    const { code, io } = await run(cwd, ["apply", "plan.json", "--yes"]);
    expect(code).toBe(2);
    expect(io.stderr.text).toContain("The plan file");
    expect(io.stderr.text).toContain("is version 9; this desbumi reads version 1 only.");
  });
});
