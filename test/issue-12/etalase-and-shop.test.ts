// Issue 12.6: the plan predicts an etalase name the shop lacks (a located issue, nothing sent),
// a real shop refuses it; the practice shop (Tokopedia & Shop, which has no etalase) says so in a
// note and lists the row.
// Takeover: `desbumi shop` shows what the shop holds now, pretty and json.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { makeIo, tempDir } from "../sync/harness.js";

const run = async (cwd: string, args: string[]) => {
  const io = makeIo({ cwd });
  const code = await main(["--lang", "en", "--log-level", "silent", ...args], io);
  return { code, out: io.stdout.text, err: io.stderr.text };
};

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,etalase,foto";
const row = (sku: string, name: string, etalase: string, stock = "10") =>
  `${sku},${name},Buatan warga,25000,${stock},250,Jamu,${etalase},https://img.desbumi.example/${sku}.jpg`;

describe("issue 12.6: unknown etalase predicted at plan time; the practice shop acts like a real one", () => {
  it("real shop (mock marketplace): the row is refused at plan time with a located ETALASE_NOT_FOUND, nothing is sent", async () => {
    const { startMockServer } = await import("../../src/mock-server/index.js");
    const server = await startMockServer({ host: "127.0.0.1", port: 0, etalase: ["Kerajinan"] });
    try {
      const cwd = await tempDir();
      await writeFile(join(cwd, "k.csv"), `${HEADER}\n${row("E-1", "Jamu Kunyit", "Oleh Oleh")}\n${row("E-2", "Jamu Beras", "kerajinan")}\n`);
      const io = makeIo({ cwd, env: { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret } });
      const args = ["--lang", "en", "--log-level", "silent", "sync", "k.csv", "--yes", "--format", "json", "--marketplace", "tokopedia", "--base-url", server.url, "--token-url", server.tokenUrl, "--fs-id", String(server.fsId), "--shop-id", String(server.shopId)];
      expect(await main(args, io)).toBe(1);
      const doc = JSON.parse(io.stdout.text) as { issues: { code: string; line: number; column: string; severity: string; hint: string }[] };
      expect(doc.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([["ETALASE_NOT_FOUND", "error", 2, "etalase"]]);
      expect(doc.issues[0]?.hint).toContain("Seller Center");
      expect(server.stats().writes).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("practice shop (Tokopedia & Shop, which has no etalase): a located note, not an error; the row is listed; --add-etalase says why not", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "k.csv"), `${HEADER}\n${row("E-1", "Jamu Kunyit Asam Segar 250 ml", "Oleh Oleh")}\n${row("E-2", "Jamu Beras Kencur Segar 250 ml", "Oleh Oleh")}\n`);
    const dry = await run(cwd, ["sync", "k.csv", "--dry-run", "--format", "json"]);
    const doc = JSON.parse(dry.out) as { issues: { code: string; severity: string; line: number; column: string; message: string; hint: string }[] };
    expect(doc.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([["ETALASE_NOT_SUPPORTED", "warning", 2, "etalase"]]);
    expect(doc.issues[0]?.message).toBe('Tokopedia & Shop has no etalase (showcase): the etalase column ("Oleh Oleh" and 1 more rows) is not sent');
    expect(doc.issues[0]?.hint).toContain("buyers find the products by their category");
    const first = await run(cwd, ["sync", "k.csv", "--yes"]);
    expect(first.code).toBe(0);
    expect(first.out).toContain("2 created");
    expect((await run(cwd, ["sync", "k.csv", "--yes"])).out).toContain("No changes");
    const added = await run(cwd, ["shop", "--add-etalase", "oleh  oleh"]);
    expect(added.code).toBe(2);
    expect(added.err).toContain("has no etalase desbumi can add (Tokopedia & Shop, its practice shop included, has no etalase)");
  });

  it("--add-etalase on a target that is not the practice shop is refused", async () => {
    const cwd = await tempDir();
    const r = await run(cwd, ["shop", "--marketplace", "tokopedia-bulk", "--add-etalase", "X"]);
    expect(r.code).toBe(2);
  });
});

describe("takeover: desbumi shop", () => {
  it("lists SKU, name, price, stock and status, pretty and json", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "k.csv"), `${HEADER}\n${row("S-1", "Jamu Kunyit Asam Segar 250 ml", "")}\n${row("S-2", "Jamu Beras Kencur Segar 250 ml", "", "0")}\n`);
    expect((await run(cwd, ["sync", "k.csv", "--yes"])).code).toBe(0);
    const pretty = await run(cwd, ["shop"]);
    expect(pretty.code).toBe(0);
    expect(pretty.out).toMatch(/Shop: practice shop/);
    expect(pretty.out).toMatch(/S-1\s+Jamu Kunyit Asam Segar 250 ml\s+Rp 25\.000\s+10\s+active/);
    expect(pretty.out).toMatch(/S-2\s+Jamu Beras Kencur Segar 250 ml\s+Rp 25\.000\s+0\s+active/);
    expect(pretty.out).toContain("2 listings (2 active)");
    const json = JSON.parse((await run(cwd, ["shop", "--format", "json"])).out) as { format: string; listings: { sku: string; stock: number; status: string }[] };
    expect(json.format).toBe("desbumi-shop");
    expect(json.listings.map((l) => [l.sku, l.stock, l.status])).toEqual([
      ["S-1", 10, "active"],
      ["S-2", 0, "active"],
    ]);
  });
});
