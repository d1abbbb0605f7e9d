import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import readXlsxFile from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTokopediaBulkAdapter,
  tokopediaBulk,
  tokopediaBulkOptionsSchema,
  type TokopediaBulkOptions,
} from "../../src/adapters/tokopedia-bulk/index.js";
import { BULK_COLUMNS, BULK_SHEET_NAME } from "../../src/adapters/tokopedia-bulk/layout.js";
import type { AdapterDefinition, MarketplaceAdapter } from "../../src/adapters/types.js";
import type { CommandContext, Io } from "../../src/cli/io.js";
import { runSync } from "../../src/sync/run-sync.js";
import type { openTarget } from "../../src/target/open.js";
import { UsageError } from "../../src/errors.js";
import { silentLogger } from "../../src/log.js";
import { diffCatalog } from "../../src/plan/diff.js";
import type { Change, DesiredProduct } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { runCli } from "../cli/helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-bulk-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (input: Record<string, unknown>): MarketplaceAdapter =>
  createTokopediaBulkAdapter(tokopediaBulkOptionsSchema.parse(input) as TokopediaBulkOptions, {
    log: silentLogger(),
    env: {},
    cwd: dir,
  });

const creates = (products: DesiredProduct[]): Change[] => products.map((product) => ({ kind: "create", sku: product.sku, product }));

/**
 * The first sheet's rows as an independent reader (read-excel-file, not the exceljs writer) sees
 * them; the reference sheets follow it (issue 12.9).
 */
async function readSheet(path: string): Promise<{ name: string; rows: unknown[][]; others: { name: string; rows: unknown[][] }[] }> {
  const sheets = await readXlsxFile(path);
  expect(sheets.map((s) => s.sheet).slice(1)).toEqual(["Referensi Kategori", "Referensi Etalase", "Referensi Kurir"]);
  const [sheet, ...others] = sheets;
  return { name: sheet!.sheet, rows: sheet!.data, others: others.map((o) => ({ name: o.sheet, rows: o.data })) };
}

const HEADERS = BULK_COLUMNS.map((c) => c.header);

/** The row the template should hold for a product, in the template's forms. */
function expectedRow(p: DesiredProduct, status = "Aktif", couriers: string | null = null): unknown[] {
  const images = [...p.images, null, null, null, null, null].slice(0, 5);
  return [
    null,
    p.name,
    p.description,
    Number(p.categoryId),
    p.weight,
    p.min_order,
    /^\d+$/.test(p.etalase) ? Number(p.etalase) : null,
    null,
    p.condition === "NEW" ? "Baru" : "Bekas",
    ...images,
    p.sku,
    status,
    p.stock,
    p.price,
    couriers,
    "Ya",
  ];
}

describe("tokopedia-bulk adapter", () => {
  it("is a definition with strict options and the template's rules", () => {
    expect(tokopediaBulk.name).toBe("tokopedia-bulk");
    expect(tokopediaBulk.rules).toMatchObject({ nameMaxLength: 70, descriptionMaxLength: 2000, priceMin: 100, stockMin: 1, stockMax: 999_999, minOrderMin: 1, minOrderMax: 9_999, imagesMin: 1, imagesMax: 5, skuMaxLength: 50 });
    expect(tokopediaBulkOptionsSchema.safeParse({ outDir: "x", shopId: "1" }).success).toBe(false);
    expect(tokopediaBulkOptionsSchema.safeParse({}).success).toBe(false);
    expect(tokopediaBulkOptionsSchema.safeParse({ outDir: "x", couriers: "kurir" }).success).toBe(false);
    const adapter = open({ outDir: "out" });
    expect(adapter.capabilities).toMatchObject({ canList: false, canListCategories: false });
    expect(adapter.capabilities.maxBatch.create).toBe(1000);
    expect(open({ outDir: "out", previous: "prev" }).capabilities.canList).toBe(true);
  });

  it("writes the template sheet; an independent reader gets back every product in the template's forms", async () => {
    const products = [
      makeDesired({ sku: "MW-001", name: "Kopi Robusta 250 g", price: 25_000, stock: 40, weight: 250, categoryId: "1760" }),
      makeDesired({
        sku: "007",
        name: "Carica Dieng",
        condition: "USED",
        min_order: 3,
        etalase: "12",
        weight: 1500,
        categoryId: "1761",
        images: ["https://example.com/a.jpg", "https://example.com/b.jpg", "https://example.com/c.jpg"],
      }),
      makeDesired({ sku: "MW-003", description: "Baris 1\nBaris 2, dengan koma; dan \"kutip\"", etalase: "Minuman" }),
    ];
    const adapter = open({ outDir: "upload", couriers: "1, 2,6" });
    const outcomes = await adapter.apply(creates(products));
    expect(outcomes).toEqual(products.map((p) => ({ sku: p.sku, kind: "create", status: "applied", listingId: p.sku })));

    expect(await readdir(join(dir, "upload"))).toEqual(["tokopedia-upload-001.xlsx"]);
    const sheet = await readSheet(join(dir, "upload", "tokopedia-upload-001.xlsx"));
    expect(sheet.name).toBe(BULK_SHEET_NAME);
    expect(sheet.rows[0]).toEqual([null, "Informasi Produk", ...Array(12).fill(null), "Informasi SKU", ...Array(5).fill(null)]);
    expect(sheet.rows[1]).toEqual(HEADERS);
    expect(HEADERS).toHaveLength(20);
    expect(HEADERS.slice(14, 18)).toEqual(["SKU Name", "Status*", "Jumlah Stok*", "Harga (Rp)*"]);
    expect(sheet.rows[2]?.every((c) => typeof c === "string" && c.length > 0)).toBe(true);
    expect(sheet.rows.slice(3)).toEqual(products.map((p) => expectedRow(p, "Aktif", "1,2,6")));
  });

  it("writes one workbook per 1,000 products", async () => {
    const products = Array.from({ length: 2345 }, (_, i) => makeDesired({ sku: `SKU-${String(i).padStart(4, "0")}` }));
    const seen: string[] = [];
    const outcomes = await open({ outDir: "upload" }).apply(creates(products), { onOutcome: (o) => seen.push(o.sku) });
    expect(outcomes.every((o) => o.status === "applied")).toBe(true);
    expect(seen).toHaveLength(2345);
    const files = (await readdir(join(dir, "upload"))).sort();
    expect(files).toEqual(["tokopedia-upload-001.xlsx", "tokopedia-upload-002.xlsx", "tokopedia-upload-003.xlsx"]);
    const counts = [];
    for (const f of files) counts.push((await readSheet(join(dir, "upload", f))).rows.length - 3);
    expect(counts).toEqual([1000, 1000, 345]);
    const last = await readSheet(join(dir, "upload", "tokopedia-upload-003.xlsx"));
    expect(last.rows[3]?.[14]).toBe("SKU-2000");
    expect(last.rows.at(-1)?.[14]).toBe("SKU-2344");
  });

  it("plans against a previous export: unchanged rows are not written again", async () => {
    const before = ["A-1", "A-2", "A-3", "A-4"].map((sku) => makeDesired({ sku, categoryId: "1760" }));
    await open({ outDir: "first" }).apply(creates(before));

    const adapter = open({ outDir: "second", previous: "first" });
    const listings = await adapter.listListings();
    expect(listings.map((l) => l.id).sort()).toEqual(["A-1", "A-2", "A-3", "A-4"]);
    // Reading the export back gives the same listings the products describe: nothing to change.
    expect(diffCatalog({ products: before, listings }).changes).toEqual([]);

    const after = [
      before[0]!,
      { ...before[1]!, price: 30_000 },
      { ...before[2]!, status: "inactive" as const },
      before[3]!,
      makeDesired({ sku: "B-1", categoryId: "1761" }),
    ];
    const plan = diffCatalog({ products: after, listings });
    expect(plan.changes.map((c) => [c.kind, c.sku])).toEqual([
      ["update", "A-2"],
      ["deactivate", "A-3"],
      ["create", "B-1"],
    ]);
    const outcomes = await adapter.apply(plan.changes);
    expect(outcomes.map((o) => [o.status, o.sku, o.status === "applied" ? o.listingId : ""])).toEqual([
      ["applied", "A-2", "A-2"],
      ["applied", "A-3", "A-3"],
      ["applied", "B-1", "B-1"],
    ]);
    // Issue 12.9: only the new product goes to the add template; the existing ones to the edit list.
    const added = await readSheet(join(dir, "second", "tokopedia-upload-001.xlsx"));
    expect(added.rows.slice(3)).toEqual([expectedRow(after[4]!)]);
    const edits = await readSheet(join(dir, "second", "tokopedia-ubah-001.xlsx"));
    expect(edits.name).toBe("Ubah Produk (bukan Tambah)");
    expect(edits.rows[1]?.slice(0, 4)).toEqual(["Product ID", "Yang Berubah", "Pesan Error", "Nama Produk*"]);
    expect(edits.rows.slice(3)).toEqual([
      [null, "Harga (Rp)*", ...expectedRow(after[1]!)],
      [null, "Status*", ...expectedRow(after[2]!, "Nonaktif")],
    ]);
  });

  it("a pruned SKU is written from the previous export as Nonaktif; without it, skipped", async () => {
    const gone = makeDesired({ sku: "OLD-1", name: "Produk lama", price: 12_000 });
    await open({ outDir: "first" }).apply(creates([gone]));
    const adapter = open({ outDir: "second", previous: "first" });
    await adapter.listListings();
    const outcomes = await adapter.apply([
      { kind: "deactivate", sku: "OLD-1", listingId: "OLD-1", reason: "pruned", fields: [] },
      { kind: "deactivate", sku: "NOWHERE", listingId: "NOWHERE", reason: "pruned", fields: [] },
    ]);
    expect(outcomes[0]).toEqual({ sku: "OLD-1", kind: "deactivate", status: "applied", listingId: "OLD-1" });
    expect(outcomes[1]).toMatchObject({ sku: "NOWHERE", status: "skipped" });
    expect(await readdir(join(dir, "second"))).toEqual(["tokopedia-ubah-001.xlsx"]);
    const sheet = await readSheet(join(dir, "second", "tokopedia-ubah-001.xlsx"));
    expect(sheet.rows.slice(3)).toEqual([[null, "Status*", ...expectedRow(gone, "Nonaktif")]]);
  });

  it("a category that is not a numeric code fails that item; a configured name map resolves it", async () => {
    const named = makeDesired({ sku: "N-1", category: "Kopi", categoryId: "" });
    const fine = makeDesired({ sku: "N-2" });
    const outcomes = await open({ outDir: "upload" }).apply(creates([named, fine]));
    expect(outcomes[0]).toMatchObject({ sku: "N-1", status: "failed", error: { code: "CATEGORY_CODE_REQUIRED", retryable: false } });
    expect(outcomes[1]).toMatchObject({ sku: "N-2", status: "applied" });
    const sheet = await readSheet(join(dir, "upload", "tokopedia-upload-001.xlsx"));
    expect(sheet.rows.slice(3).map((r) => r[14])).toEqual(["N-2"]);

    const mapped = open({ outDir: "mapped", categories: { kopi: 1760 } });
    expect(mapped.capabilities.canListCategories).toBe(true);
    expect(await mapped.listCategories?.()).toEqual([{ id: "1760", name: "kopi", path: ["kopi"], isLeaf: true }]);
    expect((await mapped.apply(creates([named])))[0]).toMatchObject({ status: "applied" });
    const mappedSheet = await readSheet(join(dir, "mapped", "tokopedia-upload-001.xlsx"));
    expect(mappedSheet.rows[3]?.[3]).toBe(1760);
  });

  it("an empty description fails the item: the template requires one", async () => {
    const [outcome] = await open({ outDir: "upload" }).apply(creates([makeDesired({ description: "" })]));
    expect(outcome).toMatchObject({ status: "failed", error: { code: "DESCRIPTION_REQUIRED" } });
    expect(await readdir(dir)).toEqual([]);
  });

  it("replaces workbooks left from an earlier, larger run and leaves other files alone", async () => {
    const adapter = open({ outDir: "upload" });
    await adapter.apply(creates(Array.from({ length: 1001 }, (_, i) => makeDesired({ sku: `S-${i}` }))));
    await writeFile(join(dir, "upload", "catatan.txt"), "punya pengguna");
    await adapter.apply(creates([makeDesired({ sku: "ONLY" })]));
    expect((await readdir(join(dir, "upload"))).sort()).toEqual(["catatan.txt", "tokopedia-upload-001.xlsx"]);
  });

  it("refuses a previous export inside the output folder (it would be replaced)", () => {
    // The options schema says so first (reported before the catalogue is read) ...
    const inside = tokopediaBulkOptionsSchema.safeParse({ outDir: "upload", previous: "upload/tokopedia-upload-001.xlsx" });
    expect(inside.success).toBe(false);
    expect(inside.error?.issues[0]?.path).toEqual(["previous"]);
    expect(tokopediaBulkOptionsSchema.safeParse({ outDir: "upload", previous: "upload" }).success).toBe(false);
    // ... and the factory still refuses options that skipped the schema.
    const ctx = { log: silentLogger(), env: {}, cwd: dir };
    expect(() => createTokopediaBulkAdapter({ outDir: "upload", previous: "upload", insurance: "Ya" }, ctx)).toThrow(UsageError);
    expect(() => open({ outDir: "upload", previous: "upload-lama" })).not.toThrow();
  });

  it("a missing previous export stops the run with a usage error", async () => {
    await expect(open({ outDir: "upload", previous: "nope" }).listListings()).rejects.toThrow(UsageError);
  });

  it("an abort while writing finishes the workbook in hand and skips the rest", async () => {
    const controller = new AbortController();
    const products = Array.from({ length: 1500 }, (_, i) => makeDesired({ sku: `A-${String(i).padStart(4, "0")}` }));
    const outcomes = await open({ outDir: "upload" }).apply(creates(products), {
      signal: controller.signal,
      onOutcome: () => controller.abort(),
    });
    expect(outcomes.filter((o) => o.status === "applied")).toHaveLength(1000);
    expect(outcomes.filter((o) => o.status === "skipped")).toHaveLength(500);
    expect(await readdir(join(dir, "upload"))).toEqual(["tokopedia-upload-001.xlsx"]);
  });

  it("changes not yet written when the signal aborts are skipped", async () => {
    const controller = new AbortController();
    controller.abort();
    const outcomes = await open({ outDir: "upload" }).apply(creates([makeDesired()]), { signal: controller.signal });
    expect(outcomes).toEqual([{ sku: "MSK-001", kind: "create", status: "skipped", reason: "interrupted before writing" }]);
  });
});

describe("tokopedia-bulk through sync (target opened as openTarget should)", () => {
  /** What src/target/open.ts must do for this adapter: flags over the config block, paths from baseDir. */
  const openBulk: typeof openTarget = async ({ flags, marketplace, env, baseDir, log }) => {
    const { adapter: _name, ...block } = marketplace ?? { adapter: "tokopedia-bulk" };
    const options = tokopediaBulk.optionsSchema.parse({
      ...block,
      ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}),
      ...(flags.previous !== undefined ? { previous: flags.previous } : {}),
    });
    const adapter = await tokopediaBulk.create(options, { log, env, cwd: baseDir });
    return { adapter, definition: tokopediaBulk as AdapterDefinition<unknown>, isPracticeShop: false, label: adapter.label, close: () => adapter.close() };
  };

  const context = (): { ctx: CommandContext; out: () => string } => {
    let stdout = "";
    const io: Io = {
      stdout: { write: (s: string) => void (stdout += s) },
      stderr: { write: () => undefined },
      stdin: Readable.from([]) as Io["stdin"],
      env: {},
      cwd: dir,
    };
    return { ctx: { io, lang: "en", log: silentLogger(), color: false }, out: () => stdout };
  };

  const CSV_HEADER = "Kode Produk,Nama Produk,Deskripsi,Harga,Stok,Berat,Kategori,Status,Foto Produk 1";
  const csvRow = (sku: string, price: string, status = "Aktif"): string =>
    `${sku},Produk ${sku},Deskripsi ${sku}.,${price},5,250 gr,1761,${status},https://example.com/${sku}.jpg`;

  it("writes all rows first, then only what changed against --previous", async () => {
    await writeFile(join(dir, "katalog.csv"), [CSV_HEADER, csvRow("K-1", "Rp 25.000"), csvRow("K-2", "12rb"), csvRow("K-3", "9000")].join("\n"));
    const first = context();
    const code = await runSync("katalog.csv", { marketplace: "tokopedia-bulk", outDir: "upload", yes: true, format: "json" }, first.ctx, { openTarget: openBulk });
    expect(code).toBe(0);
    expect(JSON.parse(first.out())).toMatchObject({ status: "applied", exitCode: 0 });
    const all = await readSheet(join(dir, "upload", "tokopedia-upload-001.xlsx"));
    expect(all.rows.slice(3).map((r) => [r[14], r[17]])).toEqual([
      ["K-1", 25_000],
      ["K-2", 12_000],
      ["K-3", 9_000],
    ]);

    await writeFile(
      join(dir, "katalog.csv"),
      [CSV_HEADER, csvRow("K-1", "Rp 25.000"), csvRow("K-2", "13rb"), csvRow("K-3", "9000", "Nonaktif"), csvRow("K-4", "5000")].join("\n"),
    );
    const second = context();
    const again = await runSync(
      "katalog.csv",
      { marketplace: "tokopedia-bulk", outDir: "upload-2", previous: "upload", yes: true, format: "json" },
      second.ctx,
      { openTarget: openBulk },
    );
    expect(again).toBe(0);
    const added = await readSheet(join(dir, "upload-2", "tokopedia-upload-001.xlsx"));
    expect(added.rows.slice(3).map((r) => [r[14], r[15], r[17]])).toEqual([["K-4", "Aktif", 5_000]]);
    const changed = await readSheet(join(dir, "upload-2", "tokopedia-ubah-001.xlsx"));
    expect(changed.rows.slice(3).map((r) => [r[1], r[16], r[17], r[19]])).toEqual([
      ["Harga (Rp)*", "K-2", "Aktif", 13_000],
      ["Status*", "K-3", "Nonaktif", 9_000],
    ]);
  });

  it("a category name without a categories map is a located issue before anything is written", async () => {
    await writeFile(join(dir, "katalog.csv"), [CSV_HEADER, csvRow("K-1", "25000").replace(",1761,", ",Kopi,")].join("\n"));
    const run = context();
    const code = await runSync("katalog.csv", { marketplace: "tokopedia-bulk", outDir: "upload", yes: true, format: "json" }, run.ctx, { openTarget: openBulk });
    expect(code).toBe(1);
    expect(JSON.parse(run.out()).issues).toEqual([expect.objectContaining({ code: "CATEGORY_NOT_FOUND", line: 2, value: "Kopi" })]);
    expect(await readdir(dir)).toEqual(["katalog.csv"]);
  });
});

describe("desbumi sync --marketplace tokopedia-bulk (CLI)", () => {
  it("writes the upload workbook from an .xlsx catalogue, then nothing new against --previous", async () => {
    await copyFile(fileURLToPath(new URL("../../fixtures/catalogs/muiwo-wonosobo.xlsx", import.meta.url)), join(dir, "katalog.xlsx"));
    // The workbook names its categories; without an API, the shop's name -> code map comes from the config.
    const categories = { Kopi: 2982, Teh: 2983, Carica: 3002, Keripik: 2991, "Minuman Herbal": 2984, "Tas Wanita > Tas Anyaman": 1781 };
    await writeFile(
      join(dir, "desbumi.config.json"),
      JSON.stringify({
        marketplace: { adapter: "tokopedia-bulk", outDir: "upload", categories },
        groups: [{ id: "muiwo", name: "MUIWO Wonosobo", catalog: "katalog.xlsx" }],
      }),
    );
    const first = await runCli(["sync", "katalog.xlsx", "--marketplace", "tokopedia-bulk", "--out-dir", "upload", "--yes"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Target: Tokopedia bulk-upload files in upload");
    // MW-PURWACENG-001 is marked nonaktif: it is uploaded as an inactive product.
    expect(first.stdout).toContain("Plan: 7 to create");
    const sheet = await readSheet(join(dir, "upload", "tokopedia-upload-001.xlsx"));
    expect(sheet.rows.slice(3).map((r) => [r[14], r[3], r[15]]).sort()).toEqual([
      ["MW-CARICA-001", 3002, "Aktif"],
      ["MW-KOPI-001", 2982, "Aktif"],
      ["MW-KOPI-002", 2982, "Aktif"],
      ["MW-KRIPIK-001", 2991, "Aktif"],
      ["MW-PURWACENG-001", 2984, "Nonaktif"],
      ["MW-TAS-001", 1781, "Aktif"],
      ["MW-TEH-001", 2983, "Aktif"],
    ]);

    const second = await runCli(
      ["sync", "katalog.xlsx", "--marketplace", "tokopedia-bulk", "--out-dir", "upload-2", "--previous", "upload", "--yes"],
      { cwd: dir },
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Plan: 0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 7 unchanged.");
    expect(await readdir(dir)).not.toContain("upload-2");
  });

  it("sync checks the template's rules before planning: category names need a categories map", async () => {
    // The xlsx fixture writes category names (Kopi, Carica ...); without a map they are not codes.
    await copyFile(fileURLToPath(new URL("../../fixtures/catalogs/muiwo-wonosobo.xlsx", import.meta.url)), join(dir, "katalog.xlsx"));
    const run = await runCli(["--lang", "en", "sync", "katalog.xlsx", "--marketplace", "tokopedia-bulk", "--out-dir", "upload", "--yes"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Kode Kategori");
    expect(run.stdout).toContain("nothing was sent");
    expect(await readdir(dir)).not.toContain("upload");
  });

  it("refuses --previous inside --out-dir before reading anything (exit 2)", async () => {
    await copyFile(fileURLToPath(new URL("../../fixtures/catalogs/muiwo-wonosobo.xlsx", import.meta.url)), join(dir, "katalog.xlsx"));
    const run = await runCli(["sync", "katalog.xlsx", "--marketplace", "tokopedia-bulk", "--out-dir", "upload", "--previous", "upload", "--yes"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain("is inside --out-dir");
  });
});
