// An in-process marketplace for fast tests and dry runs. Same rules as Tokopedia, so outcomes are real.
import { z } from "zod";
import type { AdapterDefinition, ApplyOptions, Category, MarketplaceAdapter } from "../types.js";
import type { Change, ChangeError, ChangeOutcome, FieldChange, Listing } from "../../plan/types.js";
import { TOKOPEDIA_RULES, type MarketplaceRules } from "../../rules.js";
import { flattenCategoryTree } from "../../categories/tree.js";
import { resolveFieldChanges } from "../field-value.js";
import { MEMORY_CATEGORY_TREE } from "./categories.js";
import { ListingStore, type StoreResult } from "./store.js";
import { uploadImages, withUploadedImages } from "./photos.js";

const listingSchema = z.strictObject({
  id: z.string().optional().describe("Listing id; assigned when missing"),
  sku: z.string(),
  name: z.string(),
  description: z.string().default(""),
  price: z.number().int(),
  stock: z.number().int().default(10),
  weight: z.number().default(100),
  categoryId: z.string().default("1760"),
  condition: z.enum(["NEW", "USED"]).default("NEW"),
  status: z.enum(["active", "inactive"]).default("active"),
  min_order: z.number().int().default(1),
  etalase: z.string().default(""),
  images: z.array(z.string()).default([]),
  variants: z
    .array(
      z.strictObject({
        id: z.string().default("").describe("Variant id; assigned when empty"),
        sku: z.string(),
        options: z.record(z.string(), z.string()),
        price: z.number().int(),
        stock: z.number().int().default(10),
        images: z.array(z.string()).optional(),
        status: z.enum(["active", "inactive"]).default("active"),
      }),
    )
    .optional()
    .describe("The listing's SKUs when it has variants (its price and stock are then theirs)"),
});

const failureSchema = z.strictObject({
  code: z.string().describe("Error code the failed outcome carries"),
  message: z.string().default("injected failure"),
  retryable: z.boolean().default(false),
  times: z.number().int().positive().optional().describe("Fail only this many times; @default always"),
});

export const memoryOptionsSchema = z.strictObject({
  label: z.string().default("memory shop (in process)").describe("How outputs name this target"),
  listings: z.array(listingSchema).default([]).describe("Listings the shop starts with"),
  failures: z.record(z.string(), failureSchema).default({}).describe("Per-SKU injected failures (tests)"),
});

export type MemoryOptions = z.output<typeof memoryOptionsSchema>;
export type MemoryOptionsInput = z.input<typeof memoryOptionsSchema>;
export type MemoryFailure = z.input<typeof failureSchema>;

/** The memory adapter plus handles tests use to arrange and inspect the shop. */
export interface MemoryAdapter extends MarketplaceAdapter {
  seed(listings: readonly z.input<typeof listingSchema>[]): Listing[];
  reset(): void;
  /** The next `times` (default: every) writes for this SKU fail with this error. */
  failSku(sku: string, failure: MemoryFailure): void;
  isClosed(): boolean;
}

export function createMemoryAdapter(input: MemoryOptionsInput = {}): MemoryAdapter {
  const options = memoryOptionsSchema.parse(input);
  const categories: Category[] = flattenCategoryTree(MEMORY_CATEGORY_TREE);
  const leafIds = new Set(categories.filter((c) => c.isLeaf).map((c) => c.id));
  const store = new ListingStore(MEMORY_RULES, leafIds);
  const failures = new Map<string, z.output<typeof failureSchema>>();
  const counters = { requests: 0, writeRequests: 0, retries: 0, rateLimited: 0 };
  let closed = false;

  const seed = (listings: readonly z.input<typeof listingSchema>[]): Listing[] =>
    listings.map((l) => store.seed(listingSchema.parse(l)));
  const failSku = (sku: string, failure: MemoryFailure): void => void failures.set(sku, failureSchema.parse(failure));
  seed(options.listings);
  for (const [sku, failure] of Object.entries(options.failures)) failSku(sku, failure);

  const injectedFailure = (sku: string): ChangeError | undefined => {
    const failure = failures.get(sku);
    if (!failure) return undefined;
    if (failure.times !== undefined) {
      if (failure.times <= 1) failures.delete(sku);
      else failures.set(sku, { ...failure, times: failure.times - 1 });
    }
    return { code: failure.code, message: failure.message, retryable: failure.retryable };
  };

  const applyOne = (change: Change): ChangeOutcome => {
    const base = { sku: change.sku, kind: change.kind };
    const injected = injectedFailure(change.sku);
    if (injected) {
      return change.kind === "create"
        ? { ...base, status: "failed", error: injected }
        : { ...base, status: "failed", listingId: change.listingId, error: injected };
    }
    let result: StoreResult;
    const uploaded = change.product ? uploadImages(change.product) : undefined;
    const fields = (changed: readonly FieldChange[]): FieldChange[] => {
      const resolved = resolveFieldChanges(changed, change.product);
      return uploaded ? withUploadedImages(resolved, uploaded) : resolved;
    };
    switch (change.kind) {
      case "create":
        result = store.create({ ...change.product, images: uploaded?.images ?? change.product.images });
        break;
      case "update":
        result = store.update(change.listingId, fields(change.fields), undefined, change.variants);
        break;
      case "reactivate":
        result = store.update(change.listingId, fields(change.fields), "active", change.variants);
        break;
      case "deactivate":
        result = store.update(change.listingId, fields(change.fields), "inactive");
        break;
    }
    // NOTE: the listing remembers which file each image was uploaded from, like a photo cache.
    if (result.ok && uploaded && (change.kind === "create" || change.fields.some((f) => f.field === "images"))) {
      if (uploaded.photoHashes) result.listing.photoHashes = uploaded.photoHashes;
      else delete result.listing.photoHashes;
    }
    if (result.ok) return { ...base, status: "applied", listingId: result.listing.id };
    return change.kind === "create"
      ? { ...base, status: "failed", error: result.error }
      : { ...base, status: "failed", listingId: change.listingId, error: result.error };
  };

  return {
    name: "memory",
    label: options.label,
    capabilities: {
      canList: true,
      canListCategories: true,
      maxBatch: { create: 25, update: 25, price: 100, stock: 100, status: 25 },
      cheapFields: ["price", "stock"],
    },
    rules: MEMORY_RULES,
    async listListings() {
      counters.requests++;
      return store.all();
    },
    async listCategories() {
      counters.requests++;
      return categories.map((c) => ({ ...c, path: [...c.path] }));
    },
    async apply(changes: readonly Change[], opts: ApplyOptions = {}) {
      const outcomes: ChangeOutcome[] = [];
      for (const change of changes) {
        // Yield between items, so an abort raised by a caller's onOutcome takes effect like it would
        // against a real marketplace.
        await Promise.resolve();
        let outcome: ChangeOutcome;
        if (opts.signal?.aborted) {
          outcome = { status: "skipped", sku: change.sku, kind: change.kind, reason: "interrupted before it was sent" };
        } else {
          opts.onIntent?.(change);
          const writes = writesOf(change);
          counters.requests += writes;
          counters.writeRequests += writes;
          outcome = applyOne(change);
        }
        outcomes.push(outcome);
        opts.onOutcome?.(outcome);
      }
      return outcomes;
    },
    stats: () => ({ ...counters }),
    async close() {
      closed = true;
    },
    seed,
    reset: () => {
      store.clear();
      failures.clear();
    },
    failSku,
    isClosed: () => closed,
  };
}

/**
 * The write requests a marketplace with cheap price and stock endpoints needs for this change
 * (counted in stats, so tests can see that a price edit is one cheap write): one for a create or
 * a status flip, one for an edit of other fields, variants added or removed or their options,
 * photos or status changed; and one for prices, one for stocks, when those change (product-level
 * ones alone, or any variants' together).
 */
function writesOf(change: Change): number {
  if (change.kind === "create") return 1;
  let writes = change.kind === "update" ? 0 : 1;
  const cheap = (field: string): boolean => field === "price" || field === "stock";
  const variants = change.kind === "deactivate" ? [] : (change.variants ?? []);
  const variantFields = variants.flatMap((v) => (v.kind === "update" ? v.fields.map((f) => f.field) : []));
  const isFullEdit = change.fields.some((f) => !cheap(f.field)) || variants.some((v) => v.kind !== "update") || variantFields.some((f) => !cheap(f));
  if (isFullEdit) writes += 1;
  for (const field of ["price", "stock"] as const) {
    if ((!isFullEdit && change.fields.some((f) => f.field === field)) || variantFields.includes(field)) writes += 1;
  }
  return Math.max(writes, 1);
}

/**
 * Tokopedia's listing rules plus uploads of local photos (TikTok Shop's main-image limits), so
 * tests and dry runs exercise photo files; variants as TikTok Shop ID allows them.
 */
export const MEMORY_RULES: MarketplaceRules = {
  ...TOKOPEDIA_RULES,
  maxOptionTypes: 3,
  maxVariants: 100,
  photo: { minPx: 300, maxPx: 4000, maxBytes: 10 * 1024 * 1024, formats: ["image/jpeg", "image/png", "image/webp"] },
};

export const memory: AdapterDefinition<MemoryOptions> = {
  name: "memory",
  description: "In-process marketplace for tests and dry runs / marketplace dalam proses untuk uji coba",
  displayName: "memory shop",
  status: "internal",
  optionsSchema: memoryOptionsSchema,
  rules: MEMORY_RULES,
  create: (options) => createMemoryAdapter(options),
};
