// `tokopedia-bulk`: instead of calling an API, writes the Seller Center bulk-upload workbooks
// ("Tambah Produk Sekaligus") for shops without API access. Optionally plans against a previous
// export, so only new and changed rows are written.
import { notSentNotes } from "../shared/not-sent.js";
import { relative, resolve } from "node:path";
import { errorMessage, UsageError } from "../../errors.js";
import { text } from "../../i18n.js";
import type { Change, ChangeOutcome, Listing } from "../../plan/types.js";
import type { AdapterContext, ApplyOptions, Category, MarketplaceAdapter, WrittenFile } from "../types.js";
import { isInside, TOKOPEDIA_BULK_RULES, type TokopediaBulkOptions } from "./definition.js";
import { editWorkbookName, MAX_PRODUCTS_PER_WORKBOOK, workbookName } from "./layout.js";
import { ADD_USE, changedColumns, EDIT_USE, referenceFor } from "./written.js";
import { readExport } from "./read-export.js";
import { foldName, toBulkRow, type BulkRow, type BulkSource, type RowSettings } from "./to-row.js";
import { buildWorkbook, removeStaleWorkbooks, writeFileAtomic } from "./write-workbook.js";

export function createTokopediaBulkAdapter(options: TokopediaBulkOptions, ctx: AdapterContext): MarketplaceAdapter {
  const outDir = resolve(ctx.cwd, options.outDir);
  const previous = options.previous === undefined ? undefined : resolve(ctx.cwd, options.previous);
  if (previous !== undefined && isInside(outDir, previous)) {
    throw new UsageError(
      text(
        `--previous (${options.previous}) ada di dalam --out-dir (${options.outDir}): berkas baru akan menggantikannya. Pilih folder keluaran lain.`,
        `--previous (${options.previous}) is inside --out-dir (${options.outDir}): the new files would replace it. Choose another output folder.`,
      ),
    );
  }
  const categoryCodes = new Map(Object.entries(options.categories ?? {}).map(([name, code]) => [foldName(name), code]));
  const settings: RowSettings = { categoryCodes, couriers: options.couriers ?? "", insurance: options.insurance };
  const counters = { requests: 0, writeRequests: 0, retries: 0, rateLimited: 0 };
  /** Listings read from `previous`, for writing rows of pruned SKUs (they have no catalogue row). */
  const previousBySku = new Map<string, Listing>();
  /** SKU -> Seller Center product id, from a previous "Ubah Sekaligus" export (edit rows need it). */
  const productIds = new Map<string, string>();
  /** Category code -> name, from the `categories` map (for the reference sheet). */
  const categoryNames = new Map(Object.entries(options.categories ?? {}).map(([name, code]) => [code, name]));
  /** What the last apply wrote. */
  let files: WrittenFile[] = [];

  const listListings = async (): Promise<Listing[]> => {
    if (previous === undefined) return [];
    counters.requests += 1;
    let read: Awaited<ReturnType<typeof readExport>>;
    try {
      read = await readExport(previous);
    } catch (error) {
      throw new UsageError(
        text(
          `Ekspor sebelumnya ${options.previous} tidak bisa dibaca: ${errorMessage(error)}`,
          `Cannot read the previous export ${options.previous}: ${errorMessage(error)}`,
        ),
      );
    }
    if (read.rowsWithoutSku > 0) {
      ctx.log.warn({ previous, rows: read.rowsWithoutSku }, "previous export rows without SKU Name cannot be matched and are ignored");
    }
    for (const listing of read.listings) previousBySku.set(listing.sku, listing);
    for (const [sku, id] of read.productIds) productIds.set(sku, id);
    return read.listings;
  };

  /** The row a change writes, or why it cannot be written. */
  const rowFor = (change: Change): { row: BulkRow } | { outcome: ChangeOutcome } => {
    const base = { sku: change.sku, kind: change.kind };
    const source: BulkSource | undefined = change.kind === "deactivate" ? (change.product ?? previousBySku.get(change.sku)) : change.product;
    if (!source) {
      return {
        outcome: {
          ...base,
          status: "skipped",
          reason: "not in the catalogue and not in the previous export: hide it in Seller Center by hand",
        },
      };
    }
    // A create or update keeps its row's status (a new row marked nonaktif is uploaded inactive).
    const status = change.kind === "deactivate" ? "inactive" : change.kind === "reactivate" ? "active" : change.product.status;
    const result = toBulkRow(source, status, settings);
    if (result.ok) return { row: result.row };
    return { outcome: { ...base, status: "failed", ...(change.kind === "create" ? {} : { listingId: change.listingId }), error: result.error } };
  };

  const apply = async (changes: readonly Change[], opts: ApplyOptions = {}): Promise<ChangeOutcome[]> => {
    const outcomes = new Map<Change, ChangeOutcome>();
    const written: { change: Change; row: BulkRow }[] = [];
    for (const change of changes) {
      if (opts.signal?.aborted) {
        outcomes.set(change, { sku: change.sku, kind: change.kind, status: "skipped", reason: "interrupted before writing" });
        continue;
      }
      const r = rowFor(change);
      if ("outcome" in r) outcomes.set(change, r.outcome);
      else written.push({ change, row: r.row });
    }
    if (written.length > 0 && settings.couriers === "") {
      // NOTE: a warning, not a failure: the workbook is still useful (the column can be filled in by hand).
      ctx.log.warn(
        { rows: written.length },
        'Kurir Pengiriman* is empty in the upload file: Seller Center will reject it. Set "couriers" (e.g. "1,2,6") in the tokopedia-bulk block ("marketplace": {"adapter": "tokopedia-bulk", ...}) of desbumi.config.json. / Kolom Kurir Pengiriman* kosong: Seller Center akan menolak berkasnya. Isi "couriers" (mis. "1,2,6") di blok tokopedia-bulk desbumi.config.json.',
      );
    }
    const names = new Set<string>();
    files = [];
    // Creates go to the add template; existing products (changed, hidden, shown again) to the edit
    // list: an add row for them would make Seller Center add them a second time (layout.ts).
    const parts = [
      { kind: "create" as const, items: written.filter((w) => w.change.kind === "create"), name: workbookName },
      { kind: "edit" as const, items: written.filter((w) => w.change.kind !== "create"), name: editWorkbookName },
    ];
    for (const part of parts) {
      for (let start = 0, index = 1; start < part.items.length; start += MAX_PRODUCTS_PER_WORKBOOK, index += 1) {
        const chunk = part.items.slice(start, start + MAX_PRODUCTS_PER_WORKBOOK);
        if (opts.signal?.aborted) {
          for (const { change } of chunk) {
            outcomes.set(change, { sku: change.sku, kind: change.kind, status: "skipped", reason: "interrupted before writing" });
          }
          continue;
        }
        for (const item of chunk) opts.onIntent?.(item.change);
        const name = part.name(index);
        const rows = chunk.map((item) => item.row);
        const bytes = await buildWorkbook({
          rows,
          reference: referenceFor(chunk, settings, categoryNames),
          ...(part.kind === "edit" ? { edits: chunk.map(({ change }) => ({ productId: productIds.get(change.sku) ?? null, changed: changedColumns(change) })) } : {}),
        });
        const path = await writeFileAtomic(outDir, name, bytes);
        counters.writeRequests += 1;
        names.add(name);
        files.push({ path, rows: rows.length, use: part.kind === "create" ? ADD_USE : EDIT_USE });
        ctx.log.info({ path, rows: chunk.length }, "wrote bulk-upload workbook");
        for (const { change } of chunk) {
          const outcome: ChangeOutcome = { sku: change.sku, kind: change.kind, status: "applied", listingId: change.sku };
          outcomes.set(change, outcome);
          opts.onOutcome?.(outcome);
        }
      }
    }
    const stale = await removeStaleWorkbooks(outDir, names);
    if (stale.length > 0) ctx.log.info({ outDir, removed: stale }, "removed upload workbooks left from an earlier run");
    for (const [change, outcome] of outcomes) if (outcome.status !== "applied") opts.onOutcome?.(outcome);
    return changes.map((c) => outcomes.get(c) ?? { sku: c.sku, kind: c.kind, status: "skipped", reason: "not written" });
  };

  const listCategories = async (): Promise<Category[]> =>
    Object.entries(options.categories ?? {}).map(([name, code]) => ({ id: code, name, path: [name], isLeaf: true }));

  return {
    name: "tokopedia-bulk",
    label: `Tokopedia bulk-upload files in ${relative(ctx.cwd, outDir) || "."}`,
    capabilities: {
      canList: previous !== undefined,
      // NOTE: the configured name -> code map is this target's whole category list, so the sync
      // core resolves names (and checks codes) against it. Without a map, the core accepts only
      // numeric codes and reports any other cell as a located CATEGORY_NOT_FOUND.
      canListCategories: options.categories !== undefined,
      maxBatch: { create: MAX_PRODUCTS_PER_WORKBOOK, update: MAX_PRODUCTS_PER_WORKBOOK, price: MAX_PRODUCTS_PER_WORKBOOK, stock: MAX_PRODUCTS_PER_WORKBOOK, status: MAX_PRODUCTS_PER_WORKBOOK },
      cheapFields: [],
    },
    rules: TOKOPEDIA_BULK_RULES,
    // The Seller Center workbook has no certificate or category-attribute columns: said once.
    checkProducts: async (products, at) => notSentNotes(products, at, { target: "Tokopedia (Seller Center)" }),
    listListings,
    ...(options.categories !== undefined ? { listCategories } : {}),
    apply,
    filesWritten: () => files,
    stats: () => ({ ...counters }),
    close: async () => {},
  };
}


export { tokopediaBulk, tokopediaBulkOptionsSchema, TOKOPEDIA_BULK_RULES, type TokopediaBulkOptions } from "./definition.js";
